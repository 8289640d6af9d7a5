/** The tasks module as other modules, runtime.ts, db/ and the command line see it: they import only this file. */
export { insertTasks, type TaskDraft } from './tasks.service.ts';
