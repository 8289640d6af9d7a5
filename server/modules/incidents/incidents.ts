/** The incidents module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from incidents.routes.ts). */
export { incidentsWithDeadlines } from './incidents.service.ts';
export { incidentsWithPendingDeadlines, type PendingIncidentDeadlines } from './pending-deadlines.service.ts';
export { registerReminderJobs } from './reminders.service.ts';
