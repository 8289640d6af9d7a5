import { z } from 'zod';
import { explanationSchema, legalSourceSchema } from '../kbv/explanation.ts';

// Upper bounds only keep arithmetic finite; they lie far above any real undertaking.
const awu = z
  .number()
  .min(0)
  .max(10_000_000)
  .describe('Staff in annual work units (AWU/JAE): full-time for the whole year = 1, part-time and part-year as fractions');
const eur = z.number().min(0).max(1e13);

const figures = {
  staffAwu: awu,
  annualTurnoverEur: eur.describe('Annual turnover in EUR from the last approved accounts'),
  balanceSheetTotalEur: eur.describe('Annual balance-sheet total in EUR from the last approved accounts'),
};

/**
 * Recommendation 2003/361/EC, Annex Art. 3(2): a partner holds, or is held at, 25 % up to and including 50 %. A share
 * below 25 % is accepted and reported as "not a partner enterprise, not counted" (Annex Art. 3(1)); above 50 % the
 * enterprise is linked and belongs in linkedEnterprises.
 */
export const partnerEnterpriseSchema = z.object({
  holdingPercent: z
    .number()
    .min(0)
    .max(50)
    .describe('The larger of the share in capital or voting rights, up to 50 %; below 25 % the enterprise is not a partner and is not counted'),
  ...figures,
});

/**
 * Recommendation 2003/361/EC, Annex Art. 3(3): control, typically more than 50 % of the voting rights. A stated share
 * of 50 % or less is no majority: the enterprise is then counted by its share (pro rata from 25 %, not below).
 */
export const linkedEnterpriseSchema = z.object({
  holdingPercent: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe(
      'Share above 50 %; leave it out where control rests on other grounds (e.g. right to appoint management). A share of 50 % or less is counted as a partner holding.',
    ),
  ...figures,
});

const heads = z.number().int().min(0).max(10_000_000);

/**
 * Staff as heads; converted to AWU as fullTimeHeads + partTimeHeads × partTimeFraction. Apprentices and persons on
 * parental leave are not counted (Recommendation 2003/361/EC, Annex Art. 5); they are asked for only to compare the
 * head count with the AWU.
 */
export const staffHeadsSchema = z.object({
  fullTimeHeads: heads.describe('Full-time staff, owners and partners working regularly; without apprentices and persons on parental leave'),
  partTimeHeads: heads.describe('Part-time staff; without apprentices and persons on parental leave'),
  partTimeFraction: z.number().min(0).max(1).describe('Average working time of the part-time staff as a fraction of full time, e.g. 0.5'),
  apprentices: heads.describe('Apprentices and trainees with a training contract (not counted)'),
  parentalLeaveHeads: heads.optional().describe('Persons on maternity or parental leave for the whole year (not counted; not part of the heads above)'),
});
export type StaffHeads = z.infer<typeof staffHeadsSchema>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Input of the public NIS2 classification check (§ 28 BSIG). Nothing is stored. */
export const nis2CheckSchema = z
  .object({
    sector: z.literal('healthcare_provider').describe('Only healthcare providers (BSIG Anlage 1, Gesundheitswesen) are supported'),
    kritisOperator: z.boolean().describe('Operates a critical installation under the BSI-KritisV'),
    healthcareNegligible: z
      .boolean()
      .optional()
      .describe(
        'Health care is negligible compared with the overall business activity of the entity and may be disregarded when assigning the entity type (§ 28(3) BSIG)',
      ),
    staffAwu: awu.optional(),
    staff: staffHeadsSchema.optional().describe('Alternative to staffAwu: staff as heads'),
    annualTurnoverEur: figures.annualTurnoverEur,
    balanceSheetTotalEur: figures.balanceSheetTotalEur,
    partnerEnterprises: z.array(partnerEnterpriseSchema).max(200).default([]),
    linkedEnterprises: z.array(linkedEnterpriseSchema).max(200).default([]),
    independentOfGroup: z
      .boolean()
      .default(false)
      .describe('Independent of partner and linked enterprises in the design and operation of its IT (§ 28(4) sentence 2 BSIG)'),
    figuresBasis: z
      .enum(['approved_accounts', 'estimate'])
      .optional()
      .describe('Whether the figures come from the last approved annual accounts or are a good-faith estimate'),
  })
  .refine((input) => (input.staffAwu === undefined) !== (input.staff === undefined), {
    path: ['staffAwu'],
    message: 'staff_awu_or_staff',
    // Run even when other fields failed, so that every field error is reported at once.
    when: (payload) => isObject(payload.value),
  });
export type Nis2Check = z.output<typeof nis2CheckSchema>;
export type Nis2CheckInput = z.input<typeof nis2CheckSchema>;

export const nis2Categories = ['particularly_important', 'important', 'not_affected'] as const;
export type Nis2Category = (typeof nis2Categories)[number];

export const nis2ClassificationSchema = z.object({
  category: z.enum(nis2Categories),
  aggregated: z.object({ staffAwu: z.number(), annualTurnoverEur: z.number(), balanceSheetTotalEur: z.number() }),
  reasons: z.array(explanationSchema),
  legalBasis: z.array(legalSourceSchema),
  maxFineEur: z.number().nullable(),
  warnings: z.array(explanationSchema),
});
export type Nis2Classification = z.infer<typeof nis2ClassificationSchema>;
