/** The risks module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from risks.routes.ts). */

export { matrixLabels as riskMatrixLabels } from './risk-matrix-labels.ts';
export { summary as riskSummary } from './risks.service.ts';
