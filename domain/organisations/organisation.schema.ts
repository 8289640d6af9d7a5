import { z } from 'zod';
import { safeText } from '../common/input.ts';
import { emailSchema, passwordSchema, personNameSchema } from '../auth/auth.schema.ts';

/** Legal and organisational forms found in German outpatient care. */
export const legalForms = [
  'einzelpraxis', // single practice, one physician as owner
  'bag', // Berufsausübungsgemeinschaft (joint practice)
  'praxisgemeinschaft', // shared premises, separate practices
  'mvz_gmbh', // Medizinisches Versorgungszentrum as GmbH
  'mvz_other', // MVZ in another form (GbR, eG, public body)
  'praxisnetz', // practice network
  'other',
] as const;
export const legalFormSchema = z.enum(legalForms);
export type LegalForm = z.infer<typeof legalFormSchema>;

const optionalText = (max: number) =>
  safeText()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v));

export const locationInputSchema = z.object({
  name: safeText().trim().min(2).max(120),
  street: optionalText(160),
  postalCode: safeText()
    .trim()
    .regex(/^(\d{5})?$/, { message: 'postal_code' })
    .optional()
    .transform((v) => (v ? v : null)),
  city: optionalText(120),
});
export type LocationInput = z.output<typeof locationInputSchema>;

export const organisationInputSchema = z.object({
  name: safeText().trim().min(2).max(200),
  legalForm: legalFormSchema,
});
export type OrganisationInput = z.infer<typeof organisationInputSchema>;

export const createOrganisationSchema = organisationInputSchema.extend({
  locations: z.array(locationInputSchema).min(1).max(200),
});
export type CreateOrganisation = z.output<typeof createOrganisationSchema>;

/** First-run: the first organisation and its first administrator in one step. */
export const setupSchema = z.object({
  organisation: createOrganisationSchema,
  admin: z.object({
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
  }),
  locale: z.enum(['de', 'en']).default('de'),
});
export type Setup = z.output<typeof setupSchema>;
