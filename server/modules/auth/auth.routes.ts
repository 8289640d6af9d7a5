import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordSchema,
  loginSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  recoveryLoginSchema,
  regenerateRecoveryCodesSchema,
  switchOrganisationSchema,
  totpSchema,
  updateProfileSchema,
} from '../../../domain/auth/auth.schema.ts';
import {
  enrolmentConfirmedSchema,
  enrolmentStartSchema,
  loginResultSchema,
  passwordChangedSchema,
  recoveryCodesSchema,
  recoveryLoginSchema as recoveryLoginResultSchema,
  recoveryStatusSchema,
  sessionSchema,
} from '../../../domain/auth/session.response.ts';
import { okSchema } from '../../../domain/common/response.ts';
import type { AppContext } from '../../context.ts';
import { clearSessionCookie, requireActiveSession, setSessionCookie } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { authLimit } from '../../http/security.ts';
import { isSetupNeeded } from '../setup/setup.ts';
import * as accounts from './accounts.service.ts';
import * as auth from './auth.service.ts';

/** The reset request answers after at least this long, whether a mail was written or not. */
export const RESET_REQUEST_MIN_MS = 300;

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.get(
    '/api/v1/auth/session',
    { schema: { tags, summary: 'Who is signed in, and in which organisations', response: { 200: sessionSchema } } },
    async (request) => {
      const session = request.session;
      if (!session) return { state: 'anonymous' as const, setupNeeded: await isSetupNeeded(ctx) };
      const base = {
        csrfToken: session.csrfToken,
        user: { id: session.userId, name: session.name, email: session.email, locale: session.locale },
      };
      if (session.state !== 'active') return { ...base, state: session.state, organisations: [], currentOrganisationId: null };
      const organisations = await auth.listMyOrganisations(ctx, session.userId);
      const current = organisations.find((o) => o.id === session.organisationId)?.id ?? organisations[0]?.id ?? null;
      return { ...base, state: session.state, organisations, currentOrganisationId: current };
    },
  );

  r.post(
    '/api/v1/auth/login',
    {
      schema: { tags, summary: 'Sign in, step 1: e-mail and password', body: loginSchema, response: { 200: loginResultSchema } },
      config: { rateLimit: authLimit },
    },
    async (request, reply) => {
      const result = await auth.login(ctx, request.body, request.ip);
      setSessionCookie(reply, ctx, result.token);
      return result.next === 'enrol' ? { next: 'enrol' as const, enrolment: result.enrolment } : { next: 'totp' as const };
    },
  );

  r.post(
    '/api/v1/auth/totp',
    {
      schema: { tags, summary: 'Sign in, step 2: the code from the authenticator app', body: totpSchema, response: { 200: okSchema } },
      config: { rateLimit: authLimit },
    },
    async (request) => {
      if (!request.session) throw new AppError('auth.required', 401);
      await auth.verifyLoginTotp(ctx, request.session, request.body.code, request.ip);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/auth/recovery',
    {
      schema: {
        tags,
        summary: 'Sign in, step 2 without the phone: one of the ten recovery codes (each works once)',
        body: recoveryLoginSchema,
        response: { 200: recoveryLoginResultSchema },
      },
      config: { rateLimit: authLimit },
    },
    async (request) => {
      if (!request.session) throw new AppError('auth.required', 401);
      const { remaining } = await accounts.verifyLoginRecoveryCode(ctx, request.session, request.body.code, request.ip);
      return { ok: true as const, remaining };
    },
  );

  r.get(
    '/api/v1/auth/recovery-codes',
    { schema: { tags, summary: 'How many unused recovery codes the signed-in account has', response: { 200: recoveryStatusSchema } } },
    async (request) => {
      const session = requireActiveSession(request);
      return accounts.recoveryCodeStatus(ctx, session.userId);
    },
  );

  r.post(
    '/api/v1/auth/recovery-codes',
    {
      schema: {
        tags,
        summary: 'Ten new recovery codes (password and a current code needed); the old ones stop working',
        body: regenerateRecoveryCodesSchema,
        response: { 200: recoveryCodesSchema },
      },
      config: { rateLimit: authLimit },
    },
    async (request) => {
      const session = requireActiveSession(request);
      return accounts.regenerateRecoveryCodes(ctx, session, request.body, request.ip);
    },
  );

  r.put(
    '/api/v1/auth/password',
    {
      schema: {
        tags,
        summary: 'Change one’s password with the current one; other sessions end',
        body: changePasswordSchema,
        response: { 200: passwordChangedSchema },
      },
      config: { rateLimit: authLimit },
    },
    async (request) => {
      const session = requireActiveSession(request);
      const result = await accounts.changePassword(ctx, session, request.body, request.ip);
      return { ok: true as const, ...result };
    },
  );

  r.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Forgot password: mails a one-time link; the same answer for every address',
        body: passwordResetRequestSchema,
        response: { 202: okSchema },
      },
      config: { rateLimit: authLimit },
    },
    async (request, reply) => {
      const started = Date.now();
      await accounts.requestPasswordReset(ctx, request.body.email);
      ctx.mailer.deliverSoon(ctx.db);
      const wait = RESET_REQUEST_MIN_MS - (Date.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return reply.code(202).send({ ok: true as const });
    },
  );

  r.post(
    '/api/v1/auth/password-reset/confirm',
    {
      schema: { tags, summary: 'Set a new password with the mailed link; every session ends', body: passwordResetConfirmSchema, response: { 200: okSchema } },
      config: { rateLimit: authLimit },
    },
    async (request, reply) => {
      await accounts.confirmPasswordReset(ctx, request.body);
      clearSessionCookie(reply, ctx);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/auth/enrolment',
    { schema: { tags, summary: 'The pending two-factor enrolment (QR code)', response: { 200: enrolmentStartSchema } } },
    async (request) => {
      if (!request.session) throw new AppError('auth.required', 401);
      return auth.currentEnrolment(ctx, request.session);
    },
  );

  r.post(
    '/api/v1/auth/enrolment/confirm',
    {
      schema: { tags, summary: 'Confirm two-factor enrolment with a first code', body: totpSchema, response: { 200: enrolmentConfirmedSchema } },
      config: { rateLimit: authLimit },
    },
    async (request) => {
      if (!request.session) throw new AppError('auth.required', 401);
      const { recoveryCodes } = await auth.confirmEnrolment(ctx, request.session, request.body.code);
      return { ok: true as const, recoveryCodes };
    },
  );

  r.post('/api/v1/auth/logout', { schema: { tags, summary: 'Sign out', response: { 200: okSchema } } }, async (request, reply) => {
    await auth.logout(ctx, request.session);
    clearSessionCookie(reply, ctx);
    return { ok: true as const };
  });

  r.put(
    '/api/v1/auth/profile',
    { schema: { tags, summary: 'Language of the signed-in person', body: updateProfileSchema, response: { 200: okSchema } } },
    async (request) => {
      const session = requireActiveSession(request);
      await auth.setLocale(ctx, session.userId, request.body.locale);
      return { ok: true as const };
    },
  );

  r.put(
    '/api/v1/auth/current-organisation',
    { schema: { tags, summary: 'Switch to another organisation one is a member of', body: switchOrganisationSchema, response: { 200: okSchema } } },
    async (request) => {
      const session = requireActiveSession(request);
      await auth.switchOrganisation(ctx, session, request.body.organisationId);
      return { ok: true as const };
    },
  );
}
