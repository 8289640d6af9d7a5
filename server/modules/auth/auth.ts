/** The auth module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from auth.routes.ts). */
export { auditForAccount } from './accounts.service.ts';
export { createSession, hashPassword, startEnrolment, switchOrganisation } from './auth.service.ts';
