/** The setup module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from setup.routes.ts). */
export { isSetupNeeded } from './setup.service.ts';
