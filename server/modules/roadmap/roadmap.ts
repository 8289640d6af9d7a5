/** The roadmap module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from roadmap.routes.ts). */
export { plan as roadmapPlan } from './roadmap.service.ts';
