/**
 * The evidence-pack module as other modules, runtime.ts, db/ and the command line see it: they import only this file
 * (app.ts registers its routes from evidence-pack.routes.ts). The documents module's `approvedDocumentFiles` fills the
 * pack's `documents/` folder through `PackDocuments`.
 */
export type { PackDocument, PackDocuments } from './evidence-pack.service.ts';
