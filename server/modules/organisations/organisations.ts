/** The organisations module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from organisations.routes.ts). */
export { createOrganisation, lockOrganisation } from './organisations.service.ts';
