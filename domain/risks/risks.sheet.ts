import type { SheetDefinition } from '../common/spreadsheet.ts';
import { riskTreatments } from './risks.schema.ts';

/**
 * The risk register as a spreadsheet (export now, import later through the same kit): the number R-n is the key a
 * re-import updates by (a cell "R-7" counts as 7); score and level are computed from the ratings and exported for reading,
 * like the names of likelihood and impact (the organisation's matrix labels). An import ignores these read-only columns
 * and reads a rating cell as its number or its label. Titles under sheet.risks.
 */
export const riskSheet = {
  register: 'risks',
  key: 'number',
  columns: [
    { field: 'number', title: 'sheet.risks.number', type: 'integer', aliases: ['nr.', 'nr', 'no.', 'id'], width: 8 },
    { field: 'title', title: 'sheet.risks.title', type: 'text', required: true, aliases: ['risiko', 'risk'], width: 40 },
    { field: 'description', title: 'sheet.risks.description', type: 'text', width: 50 },
    { field: 'owner', title: 'sheet.risks.owner', type: 'text', aliases: ['verantwortlich'], width: 20 },
    { field: 'likelihood', title: 'sheet.risks.likelihood', type: 'integer', aliases: ['eintrittswahrscheinlichkeit', 'wahrscheinlichkeit'], width: 14 },
    { field: 'impact', title: 'sheet.risks.impact', type: 'integer', aliases: ['schadensausmaß', 'ausmaß', 'auswirkung', 'schaden'], width: 14 },
    { field: 'likelihoodLabel', title: 'sheet.risks.likelihoodLabel', type: 'text', width: 18 },
    { field: 'impactLabel', title: 'sheet.risks.impactLabel', type: 'text', width: 18 },
    { field: 'score', title: 'sheet.risks.score', type: 'integer', width: 10 },
    { field: 'treatment', title: 'sheet.risks.treatment', type: 'enum', values: riskTreatments, labels: 'sheet.risks.treatments', width: 16 },
    { field: 'measures', title: 'sheet.risks.measures', type: 'text', width: 50 },
    {
      field: 'residualLikelihood',
      title: 'sheet.risks.residualLikelihood',
      type: 'integer',
      aliases: ['wahrscheinlichkeit danach', 'residual likelihood'],
      width: 14,
    },
    {
      field: 'residualImpact',
      title: 'sheet.risks.residualImpact',
      type: 'integer',
      aliases: ['ausmaß danach', 'auswirkung danach', 'residual impact'],
      width: 14,
    },
    { field: 'currentScore', title: 'sheet.risks.currentScore', type: 'integer', width: 12 },
    { field: 'requirementIds', title: 'sheet.risks.requirementIds', type: 'list', width: 30 },
    { field: 'reviewOn', title: 'sheet.risks.reviewOn', type: 'date', width: 14 },
    { field: 'acceptedAt', title: 'sheet.risks.acceptedAt', type: 'date', width: 14 },
  ],
} as const satisfies SheetDefinition;

/** Columns an export writes for reading and an import leaves alone: computed from the ratings or kept by the server. */
export const riskSheetReadOnly: ReadonlySet<string> = new Set(['score', 'currentScore', 'acceptedAt', 'likelihoodLabel', 'impactLabel']);
