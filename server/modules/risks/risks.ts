/** The risks module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from risks.routes.ts). */
export { summary as riskSummary } from './risks.service.ts';
