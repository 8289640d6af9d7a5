/** The quickcheck module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from quickcheck.routes.ts). */
export { type CarryContext, carryQuickCheck, quickCheckOf, type StoredQuickCheck } from './quickcheck.service.ts';
