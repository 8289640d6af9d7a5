/** The assets module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from assets.routes.ts). */

export { summariseAssets } from './assets.queries.ts';
export { practiceToday, summary as assetSummary } from './assets.service.ts';
