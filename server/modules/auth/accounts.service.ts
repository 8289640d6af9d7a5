import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { AuditAction } from '../../../domain/audit/audit-actions.ts';
import { PASSWORD_RESET_RESEND_MINUTES, PASSWORD_RESET_VALID_MINUTES } from '../../../domain/auth/account-rules.ts';
import type { ChangePassword, PasswordResetConfirm } from '../../../domain/auth/auth.schema.ts';
import type { AppContext } from '../../context.ts';
import { hashToken, newToken } from '../../crypto.ts';
import type { Tx } from '../../db/connect.ts';
import { memberships, organisations, passwordResets, sessions, users } from '../../db/schema.ts';
import type { AuthSession } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { asLocale } from '../../i18n/texts.ts';
import { publicUrl } from '../../public-url.ts';
import { appendAudit } from '../audit/audit.ts';
import { passwordResetMail } from '../mail/mail.ts';
import { hashPassword, passwordMatches } from './auth.service.ts';
import { consumeRecoveryCode, remainingRecoveryCodes, replaceRecoveryCodes } from './recovery.ts';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle.ts';
import { checkSealedTotp } from './totp.ts';

const wrongPassword = (field: string) => new AppError('auth.password_wrong', 400, [{ path: [field], code: 'auth.password_wrong', message: 'wrong password' }]);

/** Accounts are global: an event of the account is written into the audit trail of each of its organisations. */
export async function auditForAccount(
  tx: Tx,
  userId: string,
  event: { actorUserId: string | null; action: AuditAction; data?: Record<string, unknown> },
): Promise<string[]> {
  const rows = await tx.select({ organisationId: memberships.organisationId }).from(memberships).where(eq(memberships.userId, userId));
  for (const { organisationId } of rows) {
    await appendAudit(tx, {
      organisationId,
      actorUserId: event.actorUserId,
      action: event.action,
      entityType: 'account',
      entityId: userId,
      data: event.data ?? {},
    });
  }
  return rows.map((r) => r.organisationId);
}

/** Changing one's password needs the current one; every other session of the account ends (stolen ones too). */
export async function changePassword(ctx: AppContext, session: AuthSession, input: ChangePassword, client: string) {
  await assertNotThrottled(ctx.db, session.email, client);
  const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, session.userId));
  if (!user || !(await passwordMatches(user.passwordHash, input.currentPassword))) {
    await recordFailure(ctx.db, session.email, client);
    throw wrongPassword('currentPassword');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, session.userId));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, session.userId), ne(sessions.id, session.id)))
      .returning({ id: sessions.id });
    // Reset links mailed before the change must not undo it.
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, session.userId), isNull(passwordResets.usedAt)));
    await clearFailures(tx, session.email);
    await auditForAccount(tx, session.userId, { actorUserId: session.userId, action: 'account.password_changed', data: { otherSessionsEnded: ended.length } });
    return { otherSessionsEnded: ended.length };
  });
}

/**
 * "Forgot password": mails a one-time link valid for an hour into the outbox of the account's first organisation
 * (delivered by SMTP when configured). The answer is the same for every address; the caller pads the time.
 */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email)).for('update');
    if (!user) return;
    const [organisation] = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, user.id))
      .orderBy(organisations.name)
      .limit(1);
    // Mails live in an organisation's outbox; an account without any organisation can only be helped on the CLI.
    if (!organisation) return;
    const recent = await tx
      .select({ tokenHash: passwordResets.tokenHash })
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.userId, user.id),
          isNull(passwordResets.usedAt),
          gt(passwordResets.createdAt, new Date(Date.now() - PASSWORD_RESET_RESEND_MINUTES * 60_000)),
        ),
      );
    if (recent.length > 0) return;
    const token = newToken();
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_VALID_MINUTES * 60_000);
    await tx.insert(passwordResets).values({ tokenHash: hashToken(token), userId: user.id, expiresAt });
    const link = `${await publicUrl(ctx, tx)}/password-reset/${token}`;
    const mail = passwordResetMail(asLocale(user.locale), { organisation: organisation.name, name: user.name, link, expiresAt });
    await ctx.mailer.queue(tx, { organisationId: organisation.id, to: user.email, kind: 'password_reset', ...mail });
  });
}

/** The link's token and a new password: the old password and every session end; the second factor stays. */
export async function confirmPasswordReset(ctx: AppContext, input: PasswordResetConfirm): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const ok = await ctx.db.transaction(async (tx) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, hashToken(input.token)))
      .for('update');
    if (!reset || reset.usedAt || reset.expiresAt < new Date()) return false;
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).returning({ email: users.email });
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, reset.userId)).returning({ id: sessions.id });
    await clearFailures(tx, user!.email);
    await auditForAccount(tx, reset.userId, { actorUserId: reset.userId, action: 'account.password_reset', data: { sessionsEnded: ended.length } });
    return true;
  });
  if (!ok) throw new AppError('auth.reset_invalid', 400, [{ path: ['token'], code: 'auth.reset_invalid', message: 'invalid or expired link' }]);
}

/** Sign-in step 2 with a recovery code instead of the authenticator: each code works once, and its use is audited. */
export async function verifyLoginRecoveryCode(ctx: AppContext, session: AuthSession, code: string, client: string): Promise<{ remaining: number }> {
  if (session.state !== 'password_ok') throw new AppError('auth.required', 401);
  await assertNotThrottled(ctx.db, session.email, client);
  const remaining = await ctx.db.transaction(async (tx) => {
    if (!(await consumeRecoveryCode(tx, ctx.config.secretKey, session.userId, code))) return null;
    await tx.update(sessions).set({ state: 'active' }).where(eq(sessions.id, session.id));
    await clearFailures(tx, session.email, client);
    const left = await remainingRecoveryCodes(tx, session.userId);
    await auditForAccount(tx, session.userId, { actorUserId: session.userId, action: 'account.recovery_code_used', data: { remaining: left } });
    return left;
  });
  if (remaining === null) {
    await recordFailure(ctx.db, session.email, client);
    throw new AppError('auth.recovery_code_invalid', 400, [{ path: ['code'], code: 'auth.recovery_code_invalid', message: 'wrong code' }]);
  }
  return { remaining };
}

export async function recoveryCodeStatus(ctx: AppContext, userId: string) {
  return { remaining: await remainingRecoveryCodes(ctx.db, userId) };
}

/** New codes replace all old ones; it takes the password and a current authenticator code. */
export async function regenerateRecoveryCodes(ctx: AppContext, session: AuthSession, input: { password: string; code: string }, client: string) {
  await assertNotThrottled(ctx.db, session.email, client);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, session.userId));
  if (!user?.totpSecretEnc) throw new AppError('auth.enrolment_required', 403);
  if (!(await passwordMatches(user.passwordHash, input.password))) {
    await recordFailure(ctx.db, session.email, client);
    throw wrongPassword('password');
  }
  const codes = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(users).where(eq(users.id, session.userId)).for('update');
    const step = await checkSealedTotp(ctx.config.secretKey, locked!.totpSecretEnc!, input.code, locked!.totpLastStep);
    if (step === null) return null;
    await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, session.userId));
    const fresh = await replaceRecoveryCodes(tx, ctx.config.secretKey, session.userId);
    await auditForAccount(tx, session.userId, { actorUserId: session.userId, action: 'account.recovery_codes_renewed' });
    return fresh;
  });
  if (!codes) {
    await recordFailure(ctx.db, session.email, client);
    throw new AppError('auth.totp_invalid', 400, [{ path: ['code'], code: 'auth.totp_invalid', message: 'wrong code' }]);
  }
  return { recoveryCodes: codes };
}
