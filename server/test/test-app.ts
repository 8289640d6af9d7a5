import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import pg from 'pg';
import { buildApp, type RegisteredRoute } from '../app.ts';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { type Database, type Engine, openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import type { Mailer } from '../modules/mail/mail.ts';

/** Where the PostgreSQL half of the API tests runs: TEST_DATABASE_URL, DATABASE_URL, or the local server. */
export const postgresAdminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let postgresCheck: Promise<string | null> | null = null;
/** Null when reachable, otherwise the reason. With CI=true an unreachable server fails the run. */
export function postgresUnavailableReason(): Promise<string | null> {
  postgresCheck ??= (async () => {
    const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      const reason = `PostgreSQL not reachable at ${redact(postgresAdminUrl)}: ${(error as Error).message}`;
      if (process.env.CI === 'true') throw new Error(`${reason} (required when CI=true)`);
      return reason;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return postgresCheck;
}

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

/** Runs a suite once per engine; the PostgreSQL run is skipped (with its reason in the name) only outside CI. */
export async function eachEngine(): Promise<{ engine: Engine; skipReason: string | null }[]> {
  const reason = await postgresUnavailableReason();
  if (reason) console.warn(`\n[api tests] ${reason}. The PostgreSQL half is skipped; PGlite runs.\n`);
  return [
    { engine: 'pglite', skipReason: null },
    { engine: 'postgres', skipReason: reason },
  ];
}

/** A fresh database: in-memory PGlite, or a new PostgreSQL database dropped afterwards. */
export async function createTestDatabase(engine: Engine): Promise<Database & { url?: string }> {
  if (engine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite', dataDir: null });
    await migrate(database);
    return database;
  }
  const name = `praxisschild_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString() });
  await migrate(database);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: postgresAdminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: null,
    smtpUrl: null,
    mailFrom: 'praxisschild <no-reply@praxisschild.test>',
    publicUrl: 'http://praxisschild.test',
    secretKey: randomBytes(32),
    secureCookies: false,
    sessionIdleMinutes: 60,
    sessionMaxHours: 12,
    backupKeep: 3,
    trustProxy: false,
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  routes: RegisteredRoute[];
  ctx: AppContext;
  database: Database;
  close(): Promise<void>;
}

export async function startTestApp(engine: Engine, options: { config?: Partial<Config>; mailer?: Mailer } = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const { app, ctx, routes } = await buildApp({ config: testConfig(options.config), database, ...(options.mailer ? { mailer: options.mailer } : {}) });
  await app.ready();
  return {
    app,
    routes,
    ctx,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in browser: its cookie and CSRF token, sent with every request. */
export interface Agent {
  cookie: string;
  csrf: string;
  userId: string;
  email: string;
  totpSecret: string;
  request(method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

function cookieFrom(res: LightMyRequestResponse): string {
  const set = res.cookies.find((c) => c.name === 'ps_session');
  if (!set) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `ps_session=${set.value}`;
}

async function sessionOf(app: FastifyInstance, cookie: string) {
  const res = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
  return res.json() as { state: string; csrfToken: string; user: { id: string } };
}

function agentFor(app: FastifyInstance, cookie: string, csrf: string, userId: string, email: string, totpSecret: string): Agent {
  return {
    cookie,
    csrf,
    userId,
    email,
    totpSecret,
    request: (method, url, payload) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrf },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      }),
  };
}

/** A TOTP code one time step ahead: accepted within the ±30 s drift window and never the step used just before. */
export async function totpCode(secret: string, offsetSteps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}

export async function completeEnrolment(app: FastifyInstance, cookie: string, secret: string) {
  const { csrfToken } = await sessionOf(app, cookie);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/enrolment/confirm',
    headers: { cookie, 'x-csrf-token': csrfToken },
    payload: { code: await totpCode(secret) },
  });
  if (res.statusCode !== 200) throw new Error(`enrolment failed: ${res.body}`);
}

export const PASSWORD = 'correct horse battery staple';

/** First-run setup through the API, TOTP enrolment included. */
export async function runFirstSetup(app: FastifyInstance, overrides: { email?: string; organisationName?: string } = {}) {
  const email = overrides.email ?? 'admin@praxis-a.example';
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: {
      organisation: {
        name: overrides.organisationName ?? 'Praxis A',
        legalForm: 'mvz_gmbh',
        locations: [{ name: 'Hauptstandort', postalCode: '10115', city: 'Berlin' }, { name: 'Filiale Nord' }],
      },
      admin: { name: 'Anna Admin', email, password: PASSWORD },
    },
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  const cookie = cookieFrom(res);
  const secret = (res.json() as { enrolment: { secret: string } }).enrolment.secret;
  await completeEnrolment(app, cookie, secret);
  const session = (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json() as {
    csrfToken: string;
    user: { id: string };
    currentOrganisationId: string;
  };
  return { agent: agentFor(app, cookie, session.csrfToken, session.user.id, email, secret), organisationId: session.currentOrganisationId };
}

/**
 * Password + TOTP login. Replay protection allows each 30-second step once per account, and tests log in more often
 * than that: the helper forgets the last used step first (test-side database access, not a product feature).
 */
export async function login(test: TestApp, email: string, secret: string, password = PASSWORD): Promise<Agent> {
  await test.ctx.db.execute(sql`update users set totp_last_step = null where email = ${email}`);
  const res = await test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = cookieFrom(res);
  const session = await sessionOf(test.app, cookie);
  const totp = await test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/totp',
    headers: { cookie, 'x-csrf-token': session.csrfToken },
    payload: { code: await totpCode(secret) },
  });
  if (totp.statusCode !== 200) throw new Error(`TOTP step failed: ${totp.body}`);
  return agentFor(test.app, cookie, session.csrfToken, session.user.id, email, secret);
}

/**
 * Another organisation with its own administrator, created the way an IT service provider would: the admin accepts
 * an invitation... here shortened through the services, since only one first-run setup exists per installation.
 */
export async function createOrganisationWithAdmin(test: TestApp, name: string, email: string) {
  const { hashPassword } = await import('../modules/auth/auth.service.ts');
  const { createOrganisation } = await import('../modules/organisations/organisations.service.ts');
  const { users } = await import('../db/schema.ts');
  const userId = randomUUID();
  const passwordHash = await hashPassword(PASSWORD);
  const organisation = await test.ctx.db.transaction(async (tx) => {
    await tx.insert(users).values({ id: userId, email, name: `Admin ${name}`, passwordHash });
    return createOrganisation(tx, userId, 'management', {
      name,
      legalForm: 'einzelpraxis',
      locations: [{ name: `${name} Standort`, street: null, postalCode: null, city: null }],
    });
  });
  const res = await test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
  const cookie = cookieFrom(res);
  const secret = (res.json() as { enrolment: { secret: string } }).enrolment.secret;
  await completeEnrolment(test.app, cookie, secret);
  const session = await sessionOf(test.app, cookie);
  return { agent: agentFor(test.app, cookie, session.csrfToken, userId, email, secret), organisationId: organisation.id };
}
