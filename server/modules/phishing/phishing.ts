/** The phishing module as other modules, runtime.ts, db/ and the command line see it (app.ts registers its routes from phishing.routes.ts). */

export { registerPhishingJobs, renderCampaignMail, sendDue as sendCampaignDue } from './phishing.sender.ts';
export { closeCampaign } from './phishing.service.ts';
export { TrackingQueue, tokensInForwardedMail } from './phishing.tracking.ts';
