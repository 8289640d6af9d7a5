import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginSchema, switchOrganisationSchema, totpSchema, updateProfileSchema } from '../../../domain/auth/auth.schema.ts';
import type { AppContext } from '../../context.ts';
import { clearSessionCookie, requireActiveSession, setSessionCookie } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { isSetupNeeded } from '../setup/setup.service.ts';
import * as auth from './auth.service.ts';

const enrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() });
export const authLimit = { max: 10, timeWindow: '1 minute' };

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.get('/api/v1/auth/session', { schema: { tags, summary: 'Who is signed in, and in which organisations' } }, async (request) => {
    const session = request.session;
    if (!session) return { state: 'anonymous' as const, setupNeeded: await isSetupNeeded(ctx) };
    const base = {
      state: session.state,
      csrfToken: session.csrfToken,
      user: { id: session.userId, name: session.name, email: session.email, locale: session.locale },
    };
    if (session.state !== 'active') return { ...base, organisations: [], currentOrganisationId: null };
    const organisations = await auth.listMyOrganisations(ctx, session.userId);
    const current = organisations.find((o) => o.id === session.organisationId)?.id ?? organisations[0]?.id ?? null;
    return { ...base, organisations, currentOrganisationId: current };
  });

  r.post(
    '/api/v1/auth/login',
    { schema: { tags, summary: 'Sign in, step 1: e-mail and password', body: loginSchema }, config: { rateLimit: authLimit } },
    async (request, reply) => {
      const result = await auth.login(ctx, request.body);
      setSessionCookie(reply, ctx, result.token);
      return result.next === 'enrol' ? { next: 'enrol' as const, enrolment: result.enrolment } : { next: 'totp' as const };
    },
  );

  r.post(
    '/api/v1/auth/totp',
    { schema: { tags, summary: 'Sign in, step 2: the code from the authenticator app', body: totpSchema }, config: { rateLimit: authLimit } },
    async (request) => {
      if (!request.session) throw new AppError('auth.required', 401);
      await auth.verifyLoginTotp(ctx, request.session, request.body.code);
      return { ok: true };
    },
  );

  r.get('/api/v1/auth/enrolment', { schema: { tags, summary: 'The pending two-factor enrolment (QR code)', response: { 200: enrolmentSchema } } }, async (request) => {
    if (!request.session) throw new AppError('auth.required', 401);
    return auth.currentEnrolment(ctx, request.session);
  });

  r.post(
    '/api/v1/auth/enrolment/confirm',
    { schema: { tags, summary: 'Confirm two-factor enrolment with a first code', body: totpSchema }, config: { rateLimit: authLimit } },
    async (request) => {
      if (!request.session) throw new AppError('auth.required', 401);
      await auth.confirmEnrolment(ctx, request.session, request.body.code);
      return { ok: true };
    },
  );

  r.post('/api/v1/auth/logout', { schema: { tags, summary: 'Sign out' } }, async (request, reply) => {
    await auth.logout(ctx, request.session);
    clearSessionCookie(reply, ctx);
    return { ok: true };
  });

  r.put('/api/v1/auth/profile', { schema: { tags, summary: 'Language of the signed-in person', body: updateProfileSchema } }, async (request) => {
    const session = requireActiveSession(request);
    await auth.setLocale(ctx, session.userId, request.body.locale);
    return { ok: true };
  });

  r.put(
    '/api/v1/auth/current-organisation',
    { schema: { tags, summary: 'Switch to another organisation one is a member of', body: switchOrganisationSchema } },
    async (request) => {
      const session = requireActiveSession(request);
      await auth.switchOrganisation(ctx, session, request.body.organisationId);
      return { ok: true };
    },
  );
}
