/** The calendar module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from calendar.routes.ts). */
export { planReminderSweeps, registerCalendarJobs } from './reminders.service.ts';
