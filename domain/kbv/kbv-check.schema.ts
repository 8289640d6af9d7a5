import { z } from 'zod';
import { explanationSchema, legalSourceSchema } from './explanation.ts';

/** Input of the public KBV practice-size check. Nothing is stored. */
export const kbvCheckSchema = z.object({
  personsHandlingData: z
    .number()
    .int()
    .min(1)
    // A sanity bound, far above any practice or MVZ.
    .max(100_000)
    .describe('Persons permanently handling data in the practice, counted as heads (part-time staff count as one each)'),
  significantScaleProcessing: z.boolean().describe('Data processing beyond the usual data transmission of a practice (e.g. hospital-like MVZ, laboratory)'),
  majorMedicalDevices: z.boolean().describe('Major medical devices in use (e.g. CT, MRI, PET, linear accelerator)'),
  contractPractice: z.boolean().describe('Takes part in contract medical care (vertragsärztliche Versorgung)'),
});
export type KbvCheck = z.infer<typeof kbvCheckSchema>;

export const practiceSizeResultSchema = z.object({
  guidelineApplies: z.boolean(),
  size: z.enum(['small', 'medium', 'large']),
  annexes: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)])),
  reasons: z.array(explanationSchema),
  legalBasis: z.array(legalSourceSchema),
});
