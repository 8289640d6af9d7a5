import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EVIDENCE_MAX_BYTES } from '../domain/compliance/evidence.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { Database } from './db/connect.ts';
import { registerSessionHook } from './http/auth.ts';
import { registerErrorHandler } from './http/errors.ts';
import { openApiRoute, registerOpenApi } from './http/openapi.ts';
import { registerSecurity } from './http/security.ts';
import { accessRoutes } from './modules/access/access.routes.ts';
import { assetRoutes } from './modules/assets/assets.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { registerCalendarJobs } from './modules/calendar/calendar.ts';
import { checkRoutes } from './modules/checks/checks.routes.ts';
import { complianceRoutes } from './modules/compliance/compliance.routes.ts';
import { documentRoutes } from './modules/documents/documents.routes.ts';
import { evidencePackRoutes } from './modules/evidence-pack/evidence-pack.routes.ts';
import { incidentRoutes } from './modules/incidents/incidents.routes.ts';
import { registerReminderJobs } from './modules/incidents/incidents.ts';
import { createJobRegistry } from './modules/jobs/jobs.ts';
import { createMailer, type Mailer } from './modules/mail/mail.ts';
import { outboxRoutes } from './modules/mail/outbox.routes.ts';
import { managementRoutes } from './modules/management/management.routes.ts';
import { organisationRoutes } from './modules/organisations/organisations.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { phishingRoutes } from './modules/phishing/phishing.routes.ts';
import { registerPhishingJobs } from './modules/phishing/phishing.ts';
import { quickCheckRoutes } from './modules/quickcheck/quickcheck.routes.ts';
import { registrationRoutes } from './modules/registration/registration.routes.ts';
import { riskRoutes } from './modules/risks/risks.routes.ts';
import { roadmapRoutes } from './modules/roadmap/roadmap.routes.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { supplierRoutes } from './modules/suppliers/suppliers.routes.ts';
import { taskRoutes } from './modules/tasks/tasks.routes.ts';
import { trainingRoutes } from './modules/training/training.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';

export const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client');

export interface BuildOptions {
  config: Config;
  database: Database;
  mailer?: Mailer;
  logger?: boolean;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** Declares what it answers (schema.response). */
  hasResponseSchema: boolean;
  /** Declared through orgRoute (membership, permission, tenant transaction). */
  isOrgRoute: boolean;
}

export async function buildApp(options: BuildOptions): Promise<{ app: FastifyInstance; ctx: AppContext; routes: RegisteredRoute[] }> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ? { level: 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    bodyLimit: 1_048_576,
    trustProxy: config.trustProxy,
  });
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    mailer: options.mailer ?? createMailer(config.smtpUrl, config.mailFrom, { log: app.log }),
    jobs: createJobRegistry(),
  };
  // Scheduled work: each module registers the job kinds it plans (run by runDueJobs in runtime.ts).
  registerReminderJobs(ctx.jobs);
  registerCalendarJobs(ctx.jobs);
  registerPhishingJobs(ctx.jobs);
  // Every route, so that the tenant-isolation test covers new routes without being told.
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const hasResponseSchema = Boolean(route.schema?.response);
    const isOrgRoute = (route.config as { orgRoute?: boolean } | undefined)?.orgRoute === true;
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, hasResponseSchema, isOrgRoute });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerSecurity(app, { secure: config.secureCookies });
  await registerOpenApi(app);
  await app.register(multipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 10, parts: 11 } });
  registerSessionHook(app, ctx);

  const healthSchema = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['pglite', 'postgres']) });
  app.get(
    '/api/v1/health',
    { schema: { tags: ['health'], summary: 'Answers 200 once the database answers', response: { 200: healthSchema, 503: healthSchema } } },
    async (_request, reply) => {
      try {
        await ctx.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: database.engine };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: database.engine });
      }
    },
  );
  setupRoutes(app, ctx);
  authRoutes(app, ctx);
  organisationRoutes(app, ctx);
  userRoutes(app, ctx);
  outboxRoutes(app, ctx);
  auditRoutes(app, ctx);
  checkRoutes(app);
  complianceRoutes(app, ctx);
  assetRoutes(app, ctx);
  supplierRoutes(app, ctx);
  managementRoutes(app, ctx);
  peopleRoutes(app, ctx);
  trainingRoutes(app, ctx);
  riskRoutes(app, ctx);
  accessRoutes(app, ctx);
  incidentRoutes(app, ctx);
  registrationRoutes(app, ctx);
  quickCheckRoutes(app, ctx);
  roadmapRoutes(app, ctx);
  calendarRoutes(app, ctx);
  taskRoutes(app, ctx);
  documentRoutes(app, ctx);
  evidencePackRoutes(app, ctx);
  phishingRoutes(app, ctx);
  openApiRoute(app);

  if (existsSync(path.join(clientDir, 'index.html'))) {
    // The build writes .br and .gz next to each asset (vite.config.ts): sent as they are, no compression per request.
    await app.register(fastifyStatic, { root: clientDir, wildcard: false, preCompressed: true });
    // The browser app routes on the client: every non-API path gets index.html.
    app.get('/*', (request, reply) => {
      // A missing asset (an old hash, a source map) is a 404, not the app's page.
      if (request.url.startsWith('/api/') || request.url.startsWith('/assets/')) {
        return reply.code(404).send({ code: 'not_found', message: `${request.method} ${request.url} not found` });
      }
      return reply.sendFile('index.html');
    });
  }
  app.addHook('onClose', async () => ctx.mailer.close());
  return { app, ctx, routes };
}
