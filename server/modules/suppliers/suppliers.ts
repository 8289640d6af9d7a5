/** The suppliers module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from suppliers.routes.ts). */
export { summariseSuppliers, warningCondition as supplierWarningCondition } from './suppliers.queries.ts';
export { summary as supplierSummary } from './suppliers.service.ts';
