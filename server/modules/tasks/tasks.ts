/** The tasks module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from tasks.routes.ts). */
export { startRecurringCycle } from './recurring.service.ts';
export { insertTasks, memberIdsOf, type TaskDraft } from './task-drafts.ts';
