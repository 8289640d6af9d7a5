import { z } from 'zod';
import { safeText } from '../common/input.ts';
import { roles } from './roles.ts';

/** Long passphrases beat complexity rules (BSI IT-Grundschutz ORP.4.A22, NIST SP 800-63B 5.1.1). */
export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = safeText().min(PASSWORD_MIN_LENGTH).max(256);

export const emailSchema = safeText().trim().toLowerCase().pipe(z.email().max(254));
export const personNameSchema = safeText().trim().min(2).max(120);
export const totpCodeSchema = safeText().trim().regex(/^\d{6}$/, { message: 'six_digits' });
export const roleSchema = z.enum(roles);
export const localeSchema = z.enum(['de', 'en']);

export const loginSchema = z.object({
  email: emailSchema,
  password: safeText().min(1).max(256),
});
export type Login = z.infer<typeof loginSchema>;

export const totpSchema = z.object({ code: totpCodeSchema });
export type TotpInput = z.infer<typeof totpSchema>;

export const inviteUserSchema = z.object({
  email: emailSchema,
  role: roleSchema,
  isAdmin: z.boolean().default(false),
});
export type InviteUser = z.infer<typeof inviteUserSchema>;

export const acceptInviteSchema = z.object({
  name: personNameSchema,
  password: passwordSchema,
});
export type AcceptInvite = z.infer<typeof acceptInviteSchema>;

export const updateMembershipSchema = z.object({
  role: roleSchema,
  isAdmin: z.boolean(),
});
export type UpdateMembership = z.infer<typeof updateMembershipSchema>;

export const switchOrganisationSchema = z.object({ organisationId: z.uuid() });

export const updateProfileSchema = z.object({ locale: localeSchema });

/** What the browser learns about the signed-in person. */
export const sessionStateSchema = z.enum(['password_ok', 'enrolling', 'active']);
export type SessionState = z.infer<typeof sessionStateSchema>;
