import { z } from 'zod';
import { safeText } from '../common/input.ts';
import { kbvCheckSchema } from '../kbv/kbv-check.schema.ts';
import { targetObjects } from '../kbv/requirement.ts';
import { nis2CheckSchema } from '../nis2/nis2-check.schema.ts';

const financialYear = z.number().int().min(2000).max(2100).describe('Financial year the figures belong to (last approved accounts)');

/**
 * Why a staff figure departs from the people register (domain/compliance/staff-figure.ts): required when the register
 * counts anyone and the typed figure differs, stored with the check.
 */
const overrideReason = safeText()
  .trim()
  .min(1)
  .max(1000)
  .optional()
  .describe('Why the staff figure differs from the people register; required when it does and the register counts anyone');

/** The stored NIS2 "Betroffenheitscheck" of an organisation: the public check's input plus the financial year. */
export const recordNis2CheckSchema = z.object({ financialYear, check: nis2CheckSchema, overrideReason });
export type RecordNis2Check = z.output<typeof recordNis2CheckSchema>;

/**
 * The stored KBV check: practice size inputs plus which target objects the practice has. A target object left out
 * counts as present (a requirement is only dropped on an explicit "we have none").
 */
export const recordKbvCheckSchema = z.object({
  check: kbvCheckSchema,
  targetObjects: z.partialRecord(z.enum(targetObjects), z.boolean()).default({}),
  overrideReason,
});
export type RecordKbvCheck = z.output<typeof recordKbvCheckSchema>;
