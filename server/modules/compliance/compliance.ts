/** The compliance module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from compliance.routes.ts). */
export { latestCheckSummaries } from './applicability.service.ts';
export { listCatalog } from './catalog.service.ts';
export { overdueEntries } from './compliance.queries.ts';
export { statusSnapshot } from './status-snapshot.ts';
