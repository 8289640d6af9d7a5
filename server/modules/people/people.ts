/** The people module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from people.routes.ts). */
export { figures as peopleFigures, summary as peopleSummary } from './people.service.ts';
