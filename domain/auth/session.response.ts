import { z } from 'zod';
import type { ResponseOf } from '../common/response.ts';
import { legalForms } from '../organisations/organisation.schema.ts';
import { roles } from './roles.ts';

/** A two-factor enrolment to scan: the secret, its otpauth URI and the same as a QR code image. */
export const enrolmentStartSchema = z.object({ secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() });

/** An organisation the signed-in person belongs to, with their role there. */
export const myOrganisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  legalForm: z.enum(legalForms),
  role: z.enum(roles),
  isAdmin: z.boolean(),
});

const signedIn = <S extends string>(state: S) =>
  z.object({
    state: z.literal(state),
    csrfToken: z.string(),
    user: z.object({ id: z.uuid(), name: z.string(), email: z.string(), locale: z.string() }),
    organisations: z.array(myOrganisationSchema),
    currentOrganisationId: z.uuid().nullable(),
  });

/** Who is signed in (and how far: password only, enrolling, fully), or nobody and whether the first-run setup is due. */
export const sessionSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('anonymous'), setupNeeded: z.boolean() }),
  signedIn('password_ok'),
  signedIn('enrolling'),
  signedIn('active'),
]);

/** After the password: a TOTP code is next, or the enrolment when the account has none yet. */
export const loginResultSchema = z.discriminatedUnion('next', [
  z.object({ next: z.literal('totp') }),
  z.object({ next: z.literal('enrol'), enrolment: enrolmentStartSchema }),
]);

export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const recoveryStatusSchema = z.object({ remaining: z.number() });
export const recoveryLoginSchema = z.object({ ok: z.literal(true), remaining: z.number() });
export const enrolmentConfirmedSchema = z.object({ ok: z.literal(true), recoveryCodes: z.array(z.string()) });
export const passwordChangedSchema = z.object({ ok: z.literal(true), otherSessionsEnded: z.number() });

export type Session = ResponseOf<typeof sessionSchema>;
export type MyOrganisation = ResponseOf<typeof myOrganisationSchema>;
export type Enrolment = ResponseOf<typeof enrolmentStartSchema>;
export type LoginResult = ResponseOf<typeof loginResultSchema>;

/** The signed-in, fully authenticated variant of a session. */
export type ActiveSessionOf<S> = Extract<S, { state: 'active' }>;
