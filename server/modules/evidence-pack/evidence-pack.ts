/** The evidence-pack module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from evidence-pack.routes.ts). */
export { type PackDocument, type PackDocuments, READ_LIMITS } from './evidence-pack.service.ts';
export { PACK_LIMITS } from './pack-gate.ts';
