/** The registration module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from registration.routes.ts). */
export { escalationRecipients, getRegistration as registrationStatus, practiceContact, storedEscalation } from './registration.service.ts';
