import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionState } from '../../domain/auth/auth.schema.ts';
import type { Role } from '../../domain/auth/roles.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../crypto.ts';
import { sessions, users } from '../db/schema.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'ps_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthSession {
  id: string;
  state: SessionState;
  csrfToken: string;
  userId: string;
  email: string;
  name: string;
  locale: string;
  organisationId: string | null;
}

/** A signed-in person acting in one organisation, after the membership check. */
export interface Actor {
  userId: string;
  organisationId: string;
  role: Role;
  isAdmin: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: AuthSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Loads the session named by the cookie (stored as the token's SHA-256), enforces idle and absolute expiry, and
 * checks the CSRF token on every state-changing request made with a session (synchroniser token in a header that
 * a cross-site form cannot set).
 */
export function registerSessionHook(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const now = new Date();
    const idleLimit = new Date(now.getTime() - ctx.config.sessionIdleMinutes * 60_000);
    const [row] = await ctx.db
      .select({
        id: sessions.id,
        state: sessions.state,
        csrfToken: sessions.csrfToken,
        organisationId: sessions.organisationId,
        lastSeenAt: sessions.lastSeenAt,
        userId: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleLimit)));
    if (!row) return;
    if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
      await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id));
    }
    request.session = { ...row, state: row.state as SessionState };
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== row.csrfToken) {
      throw new AppError('auth.csrf', 403);
    }
  });
}

export function requireActiveSession(request: FastifyRequest): AuthSession {
  const session = request.session;
  if (!session) throw new AppError('auth.required', 401);
  if (session.state === 'enrolling') throw new AppError('auth.enrolment_required', 403);
  if (session.state !== 'active') throw new AppError('auth.mfa_required', 401);
  return session;
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    maxAge: ctx.config.sessionMaxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies });
}

/** Drops expired sessions; called now and then. */
export async function purgeExpiredSessions(ctx: AppContext) {
  const idleLimit = new Date(Date.now() - ctx.config.sessionIdleMinutes * 60_000);
  await ctx.db.execute(sql`delete from sessions where expires_at < now() or last_seen_at < ${idleLimit}`);
}
