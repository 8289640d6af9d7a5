/** The training module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from training.routes.ts). */

export { MICRO_TRAINING_COURSE_ID, type MicroTrainingRecord, recordMicroTraining } from './training.micro.ts';
export { coverageInSql as trainingCoverage } from './training.queries.ts';
export { overview as trainingOverview } from './training.service.ts';
