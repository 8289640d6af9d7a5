import { z } from 'zod';
import { safeText } from '../common/input.ts';
import { cleanPublicUrl, isRecoveryCode, normaliseRecoveryCode } from './account-rules.ts';
import { roles } from './roles.ts';

/** Long passphrases beat complexity rules (BSI IT-Grundschutz ORP.4.A22, NIST SP 800-63B 5.1.1). */
export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = safeText().min(PASSWORD_MIN_LENGTH).max(256);

export const emailSchema = safeText().trim().toLowerCase().pipe(z.email().max(254));
export const personNameSchema = safeText().trim().min(2).max(120);
export const totpCodeSchema = safeText()
  .trim()
  .regex(/^\d{6}$/, { message: 'six_digits' });
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

/** Change one's own password: the current one proves it is really the account's owner at the keyboard. */
export const changePasswordSchema = z.object({
  currentPassword: safeText().min(1).max(256),
  newPassword: passwordSchema,
});
export type ChangePassword = z.infer<typeof changePasswordSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema });

export const passwordResetConfirmSchema = z.object({
  token: safeText().min(20).max(100),
  password: passwordSchema,
});
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirmSchema>;

/** A recovery code as typed (k7m2q-9xw3d); case, spaces and hyphens do not matter (the server normalises). */
export const recoveryCodeSchema = z
  .string()
  .max(40)
  .refine((value) => isRecoveryCode(normaliseRecoveryCode(value)), { message: 'recovery_code_format' });
export const recoveryLoginSchema = z.object({ code: recoveryCodeSchema });

/** New recovery codes need the password and a current authenticator code. */
export const regenerateRecoveryCodesSchema = z.object({
  password: safeText().min(1).max(256),
  code: totpCodeSchema,
});

/** The address under which people reach this installation; the base of links in mails (cleaned by cleanPublicUrl). */
export const publicUrlSchema = z
  .string()
  .max(300)
  .refine((value) => cleanPublicUrl(value) !== null, { message: 'public_url' });
