import { z } from 'zod';
import { emailSchema, passwordSchema, personNameSchema } from '../auth/auth.schema.ts';
import { safeText } from '../common/input.ts';

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

/**
 * Locations one organisation may have. A practice network or a large MVZ group has a few dozen; the cap keeps one
 * tenant's catalog (requirements × locations) and its pages within what one request can answer quickly.
 */
export const MAX_LOCATIONS_PER_ORGANISATION = 300;

/** Names compare without case and surrounding spaces, as the unique index on locations does (lower(trim(name))). */
export const locationNameKey = (name: string) => name.trim().toLowerCase();

export const createOrganisationSchema = organisationInputSchema.extend({
  locations: z
    .array(locationInputSchema)
    .min(1)
    .max(MAX_LOCATIONS_PER_ORGANISATION)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((location, index) => {
        const key = locationNameKey(location.name);
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'location.name_taken' });
        seen.add(key);
      });
    }),
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
