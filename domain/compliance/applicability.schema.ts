import { z } from 'zod';
import { kbvCheckSchema } from '../kbv/kbv-check.schema.ts';
import { targetObjects } from '../kbv/requirement.ts';
import { nis2CheckSchema } from '../nis2/nis2-check.schema.ts';

const financialYear = z.number().int().min(2000).max(2100).describe('Financial year the figures belong to (last approved accounts)');

/** The stored NIS2 "Betroffenheitscheck" of an organisation: the public check's input plus the financial year. */
export const recordNis2CheckSchema = z.object({ financialYear, check: nis2CheckSchema });
export type RecordNis2Check = z.output<typeof recordNis2CheckSchema>;

/**
 * The stored KBV check: practice size inputs plus which target objects the practice has. A target object left out
 * counts as present (a requirement is only dropped on an explicit "we have none").
 */
export const recordKbvCheckSchema = z.object({
  check: kbvCheckSchema,
  targetObjects: z.partialRecord(z.enum(targetObjects), z.boolean()).default({}),
});
export type RecordKbvCheck = z.output<typeof recordKbvCheckSchema>;
