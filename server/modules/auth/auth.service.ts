import { randomUUID } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { and, asc, eq } from 'drizzle-orm';
import type { Login, SessionState } from '../../../domain/auth/auth.schema.ts';
import type { AppContext } from '../../context.ts';
import { decryptSecret, encryptSecret, hashToken, newToken } from '../../crypto.ts';
import type { Tx } from '../../db/connect.ts';
import { memberships, organisations, sessions, users } from '../../db/schema.ts';
import type { AuthSession } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { replaceRecoveryCodes } from './recovery.ts';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle.ts';
import { checkSealedTotp, checkTotp, type Enrolment, newEnrolment } from './totp.ts';

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: OWASP's minimum recommendation).
export const hashPassword = (password: string) => argonHash(password);

let dummyHash: Promise<string> | null = null;
/** Unknown e-mail addresses still cost one hash check, so timing does not tell which accounts exist. */
export function getDummyHash() {
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

/** Checks a password against the account, or against a dummy hash for unknown addresses (same cost, same answer). */
export async function passwordMatches(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    await argonVerify(await getDummyHash(), password).catch(() => false);
    return false;
  }
  return argonVerify(passwordHash, password).catch(() => false);
}

export type LoginResult = { token: string; next: 'totp' } | { token: string; next: 'enrol'; enrolment: Enrolment };

/**
 * Step 1 of 2: password. Leads to the TOTP step, or to enrolment when the account has no second factor yet.
 * Existing and unknown addresses get the same answers after the same work (one argon2 check); failures slow down
 * only the pair of address and client that failed (throttle.ts), never the owner elsewhere.
 */
export async function login(ctx: AppContext, input: Login, client: string): Promise<LoginResult> {
  await assertNotThrottled(ctx.db, input.email, client);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, input.email));
  if (!(await passwordMatches(user?.passwordHash, input.password)) || !user) {
    await recordFailure(ctx.db, input.email, client);
    throw new AppError('auth.invalid_credentials', 401);
  }
  return ctx.db.transaction(async (tx) => {
    await clearFailures(tx, user.email, client);
    const organisationId = await defaultOrganisation(tx, user.id);
    if (!user.totpEnabledAt) {
      const { enrolment, pendingTotpSecretEnc } = await startEnrolment(ctx, user.email);
      const token = await createSession(tx, ctx, user.id, 'enrolling', { organisationId, pendingTotpSecretEnc });
      return { token, next: 'enrol' as const, enrolment };
    }
    const token = await createSession(tx, ctx, user.id, 'password_ok', { organisationId });
    return { token, next: 'totp' as const };
  });
}

async function defaultOrganisation(tx: Tx, userId: string): Promise<string | null> {
  const [first] = await tx
    .select({ id: memberships.organisationId })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(1);
  return first?.id ?? null;
}

/** Step 2 of 2: the TOTP code. Wrong codes slow down the same (address, client) pair as wrong passwords. */
export async function verifyLoginTotp(ctx: AppContext, session: AuthSession, code: string, client: string): Promise<void> {
  if (session.state !== 'password_ok') throw new AppError('auth.required', 401);
  await assertNotThrottled(ctx.db, session.email, client);
  const ok = await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, session.userId)).for('update');
    if (!user?.totpSecretEnc) throw new AppError('auth.required', 401);
    const step = await checkSealedTotp(ctx.config.secretKey, user.totpSecretEnc, code, user.totpLastStep);
    if (step === null) return false;
    await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
    await tx.update(sessions).set({ state: 'active' }).where(eq(sessions.id, session.id));
    await clearFailures(tx, session.email, client);
    return true;
  });
  if (!ok) {
    await recordFailure(ctx.db, session.email, client);
    throw new AppError('auth.totp_invalid', 400, [{ path: ['code'], code: 'auth.totp_invalid', message: 'wrong code' }]);
  }
}

export async function currentEnrolment(ctx: AppContext, session: AuthSession): Promise<Enrolment> {
  if (session.state !== 'enrolling') throw new AppError('auth.required', 401);
  const [row] = await ctx.db.select().from(sessions).where(eq(sessions.id, session.id));
  if (!row?.pendingTotpSecretEnc) throw new AppError('auth.required', 401);
  return newEnrolment(session.email, decryptSecret(ctx.config.secretKey, row.pendingTotpSecretEnc));
}

/**
 * Enrolment ends when the person proves the authenticator app works: only then is the account usable. The answer
 * carries ten new recovery codes, shown once; older codes stop working.
 */
export async function confirmEnrolment(ctx: AppContext, session: AuthSession, code: string): Promise<{ recoveryCodes: string[] }> {
  if (session.state !== 'enrolling') throw new AppError('auth.required', 401);
  const codes = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(sessions).where(eq(sessions.id, session.id)).for('update');
    if (!row?.pendingTotpSecretEnc) throw new AppError('auth.required', 401);
    const secret = decryptSecret(ctx.config.secretKey, row.pendingTotpSecretEnc);
    const step = await checkTotp(secret, code, null);
    if (step === null) return null;
    await tx.update(users).set({ totpSecretEnc: row.pendingTotpSecretEnc, totpEnabledAt: new Date(), totpLastStep: step }).where(eq(users.id, session.userId));
    await tx.update(sessions).set({ state: 'active', pendingTotpSecretEnc: null }).where(eq(sessions.id, session.id));
    return replaceRecoveryCodes(tx, ctx.config.secretKey, session.userId);
  });
  if (!codes) throw new AppError('auth.totp_invalid', 400, [{ path: ['code'], code: 'auth.totp_invalid', message: 'wrong code' }]);
  return { recoveryCodes: codes };
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
