import { z } from 'zod';

/** The language of the index and of the texts in the pack; German unless English is asked for. */
export const evidencePackQuerySchema = z.object({ locale: z.enum(['de', 'en']).default('de') });
export type EvidencePackQuery = z.infer<typeof evidencePackQuerySchema>;
