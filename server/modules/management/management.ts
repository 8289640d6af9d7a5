/** The management module (§ 38 BSIG) as other modules see it: they import only this file (app.ts registers its routes from management.routes.ts). */
export { approveAsDirector, directorOf, overview as managementOverview } from './management.service.ts';
