/** The access module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from access.routes.ts). */
export { adminWithoutMfaCondition, leaverCondition } from './access.queries.ts';
export { summary as accessSummary } from './access.service.ts';
