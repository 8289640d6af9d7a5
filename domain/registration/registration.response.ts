import { z } from 'zod';
import { instantSchema, type ResponseOf } from '../common/response.ts';
import { nis2Categories } from '../nis2/nis2-check.schema.ts';
import { escalationRoles, storedRegistrationSetupSchema } from './registration.ts';

// What the registration routes answer; the client types its data with ResponseOf<…>.

export const registrationReadinessSchema = z.object({
  required: z.boolean(),
  dueDate: z.string(),
  isOverdue: z.boolean(),
  missing: z.array(z.string()),
  invalid: z.array(z.string()),
  checklistDone: z.number(),
  checklistTotal: z.number(),
  ready: z.boolean(),
});

/** A row of the suggested escalation chain: the member holding the role (name and e-mail empty when nobody does). */
export const escalationSuggestionSchema = z.object({ role: z.enum(escalationRoles), name: z.string(), email: z.string() });

export const registrationSchema = z.object({
  organisation: z.object({
    name: z.string(),
    legalForm: z.string(),
    /** § 33(1) Nr. 1 BSIG: the name including the legal form, the form added only where the name lacks it. */
    nameWithLegalForm: z.string(),
  }),
  category: z.enum(nis2Categories).nullable(),
  setup: storedRegistrationSetupSchema,
  saved: z.boolean(),
  updatedAt: instantSchema.nullable(),
  readiness: registrationReadinessSchema,
  escalationSuggestion: z.array(escalationSuggestionSchema),
});

export type Registration = ResponseOf<typeof registrationSchema>;
export type EscalationSuggestion = ResponseOf<typeof escalationSuggestionSchema>;
