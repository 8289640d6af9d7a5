/** The audit module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from audit.routes.ts). */
export { appendAudit, auditAnchors, verifyAllAuditChains } from './audit.service.ts';
