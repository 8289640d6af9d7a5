import { randomUUID } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { and, asc, eq } from 'drizzle-orm';
import type { Login } from '../../../domain/auth/auth.schema.ts';
import type { SessionState } from '../../../domain/auth/auth.schema.ts';
import type { AppContext } from '../../context.ts';
import { decryptSecret, encryptSecret, hashToken, newToken } from '../../crypto.ts';
import type { Tx } from '../../db/connect.ts';
import { memberships, organisations, sessions, users } from '../../db/schema.ts';
import type { AuthSession } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { checkTotp, newEnrolment, type Enrolment } from './totp.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: OWASP's minimum recommendation).
export const hashPassword = (password: string) => argonHash(password);

let dummyHash: Promise<string> | null = null;
/** Unknown e-mail addresses still cost one hash check, so timing does not tell which accounts exist. */
function getDummyHash() {
  dummyHash ??= argonHash('praxisschild-timing-equaliser');
  return dummyHash;
}

export async function createSession(
  tx: Tx,
  ctx: AppContext,
  userId: string,
  state: SessionState,
  extra: { organisationId?: string | null; pendingTotpSecretEnc?: string | null } = {},
): Promise<string> {
  const token = newToken();
  await tx.insert(sessions).values({
    id: hashToken(token),
    userId,
    state,
    csrfToken: newToken(),
    organisationId: extra.organisationId ?? null,
    pendingTotpSecretEnc: extra.pendingTotpSecretEnc ?? null,
    expiresAt: new Date(Date.now() + ctx.config.sessionMaxHours * 3600_000),
  });
  return token;
}

/** A fresh enrolment whose secret waits, encrypted, in the session until a code confirms it. */
export async function startEnrolment(ctx: AppContext, email: string) {
  const enrolment = await newEnrolment(email);
  return { enrolment, pendingTotpSecretEnc: encryptSecret(ctx.config.secretKey, enrolment.secret) };
}

async function registerFailure(tx: Tx, userId: string, failedLogins: number) {
  const failures = failedLogins + 1;
  await tx
    .update(users)
    .set({
      failedLogins: failures >= MAX_FAILED_LOGINS ? 0 : failures,
      lockedUntil: failures >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null,
    })
    .where(eq(users.id, userId));
}

export type LoginResult =
  | { token: string; next: 'totp' }
  | { token: string; next: 'enrol'; enrolment: Enrolment };

/** Step 1 of 2: password. Leads to the TOTP step, or to enrolment when the account has no second factor yet. */
export async function login(ctx: AppContext, input: Login): Promise<LoginResult> {
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, input.email)).for('update');
    if (!user) {
      await argonVerify(await getDummyHash(), input.password).catch(() => false);
      throw new AppError('auth.invalid_credentials', 401);
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) throw new AppError('auth.locked', 423);
    if (!(await argonVerify(user.passwordHash, input.password))) {
      await registerFailure(tx, user.id, user.failedLogins);
      // The failure count must survive: commit it and still answer 401.
      return { failed: true as const };
    }
    const organisationId = await defaultOrganisation(tx, user.id);
    if (!user.totpEnabledAt) {
      const { enrolment, pendingTotpSecretEnc } = await startEnrolment(ctx, user.email);
      const token = await createSession(tx, ctx, user.id, 'enrolling', { organisationId, pendingTotpSecretEnc });
      return { token, next: 'enrol' as const, enrolment };
    }
    const token = await createSession(tx, ctx, user.id, 'password_ok', { organisationId });
    return { token, next: 'totp' as const };
  }).then((result) => {
    if ('failed' in result) throw new AppError('auth.invalid_credentials', 401);
    return result;
  });
}

async function defaultOrganisation(tx: Tx, userId: string): Promise<string | null> {
  const [first] = await tx
    .select({ id: memberships.organisationId })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name))
    .limit(1);
  return first?.id ?? null;
}

/** Step 2 of 2: the TOTP code. Wrong codes count towards the lock like wrong passwords. */
export async function verifyLoginTotp(ctx: AppContext, session: AuthSession, code: string): Promise<void> {
  if (session.state !== 'password_ok') throw new AppError('auth.required', 401);
  const outcome = await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, session.userId)).for('update');
    if (!user?.totpSecretEnc) throw new AppError('auth.required', 401);
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await tx.delete(sessions).where(eq(sessions.id, session.id));
      return 'locked' as const;
    }
    const step = await checkTotp(decryptSecret(ctx.config.secretKey, user.totpSecretEnc), code, user.totpLastStep);
    if (step === null) {
      await registerFailure(tx, user.id, user.failedLogins);
      return 'invalid' as const;
    }
    await tx.update(users).set({ totpLastStep: step, failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.update(sessions).set({ state: 'active' }).where(eq(sessions.id, session.id));
    return 'ok' as const;
  });
  if (outcome === 'locked') throw new AppError('auth.locked', 423);
  if (outcome === 'invalid') throw new AppError('auth.totp_invalid', 400, [{ path: ['code'], code: 'auth.totp_invalid', message: 'wrong code' }]);
}

export async function currentEnrolment(ctx: AppContext, session: AuthSession): Promise<Enrolment> {
  if (session.state !== 'enrolling') throw new AppError('auth.required', 401);
  const [row] = await ctx.db.select().from(sessions).where(eq(sessions.id, session.id));
  if (!row?.pendingTotpSecretEnc) throw new AppError('auth.required', 401);
  return newEnrolment(session.email, decryptSecret(ctx.config.secretKey, row.pendingTotpSecretEnc));
}

/** Enrolment ends when the person proves the authenticator app works: only then is the account usable. */
export async function confirmEnrolment(ctx: AppContext, session: AuthSession, code: string): Promise<void> {
  if (session.state !== 'enrolling') throw new AppError('auth.required', 401);
  const ok = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(sessions).where(eq(sessions.id, session.id)).for('update');
    if (!row?.pendingTotpSecretEnc) throw new AppError('auth.required', 401);
    const secret = decryptSecret(ctx.config.secretKey, row.pendingTotpSecretEnc);
    const step = await checkTotp(secret, code, null);
    if (step === null) return false;
    await tx
      .update(users)
      .set({ totpSecretEnc: row.pendingTotpSecretEnc, totpEnabledAt: new Date(), totpLastStep: step, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, session.userId));
    await tx.update(sessions).set({ state: 'active', pendingTotpSecretEnc: null }).where(eq(sessions.id, session.id));
    return true;
  });
  if (!ok) throw new AppError('auth.totp_invalid', 400, [{ path: ['code'], code: 'auth.totp_invalid', message: 'wrong code' }]);
}

export async function logout(ctx: AppContext, session: AuthSession | null) {
  if (session) await ctx.db.delete(sessions).where(eq(sessions.id, session.id));
}

export async function listMyOrganisations(ctx: AppContext, userId: string) {
  const rows = await ctx.db
    .select({ id: organisations.id, name: organisations.name, legalForm: organisations.legalForm, role: memberships.role, isAdmin: memberships.isAdmin })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId));
  const collator = new Intl.Collator('de');
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

export async function switchOrganisation(ctx: AppContext, session: AuthSession, organisationId: string) {
  const [membership] = await ctx.db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, session.userId), eq(memberships.organisationId, organisationId)));
  if (!membership) throw new AppError('organisation.not_found', 404);
  await ctx.db.update(sessions).set({ organisationId }).where(eq(sessions.id, session.id));
}

export async function setLocale(ctx: AppContext, userId: string, locale: string) {
  await ctx.db.update(users).set({ locale }).where(eq(users.id, userId));
}

export function newId() {
  return randomUUID();
}
