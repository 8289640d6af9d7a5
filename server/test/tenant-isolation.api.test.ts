import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/connect.ts';
import { APP_ROLE, withOrganisation } from '../db/tenant.ts';
import { loadModuleSeeds, routeParams } from './seeds.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from './test-app.ts';

/**
 * Every module contributes its seeds (server/modules/<area>/<area>.seed.ts, see ./seeds.ts): a record of the other
 * organisation for each path parameter and a valid body for each route with one, so that a 404 or 403 here comes from
 * the access check and RLS, never from validation or from an id that exists nowhere.
 */
const moduleSeeds = await loadModuleSeeds();
const bodies: Record<string, unknown> = Object.assign({}, ...moduleSeeds.map((m) => m.seeds.bodies ?? {}));

interface TenantTable {
  name: string;
  /** organisation_id, or id for the organisations table itself. */
  column: string;
}

/** Tables holding organisation data, from the catalog: every table with organisation_id the app role may touch. */
async function readTenantTables(t: TestApp): Promise<TenantTable[]> {
  const rows = await queryRows<{ name: string; has_org: boolean; app_access: boolean }>(
    t.ctx.db,
    sql`select c.relname as name,
          exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped) as has_org,
          has_table_privilege(${APP_ROLE}, c.oid, 'select, insert, update, delete') as app_access
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p')
        order by c.relname`,
  );
  return rows
    .filter((r) => (r.has_org || r.name === 'organisations') && (r.app_access || r.name === 'organisations'))
    .map((r) => ({ name: r.name, column: r.name === 'organisations' ? 'id' : 'organisation_id' }));
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`tenant isolation on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let userA: Agent;
    let orgA: string;
    let orgB: string;
    let agentB: Agent;
    let ids: Record<string, string>;
    let tenantTables: TenantTable[];

    async function snapshot(organisationId: string) {
      const state: Record<string, unknown[]> = {};
      for (const table of tenantTables) {
        state[table.name] = await queryRows(
          t.ctx.db,
          sql`select * from ${sql.identifier(table.name)} where ${sql.identifier(table.column)} = ${organisationId} order by 1, 2`,
        );
      }
      // Accounts are global, but an attack through an organisation route must not touch the members' accounts either.
      state.users = await queryRows(
        t.ctx.db,
        sql`select u.* from users u join memberships m on m.user_id = u.id where m.organisation_id = ${organisationId} order by u.id`,
      );
      return state;
    }

    /** The route's URL with the seeded ids; a parameter without a seed is an error, never a made-up value. */
    function urlOf(route: { url: string }, organisationId?: string): string {
      return route.url.replace(/:(\w+)/g, (_m, name: string) => {
        if (name === 'organisationId' && organisationId) return organisationId;
        const id = ids[name];
        if (id === undefined) throw new Error(`${route.url}: no module seeds the parameter :${name} (add it to the module's <area>.seed.ts)`);
        return id;
      });
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: userA, organisationId: orgA } = await runFirstSetup(t.app));
      const b = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      orgB = b.organisationId;
      agentB = b.agent;
      ids = {};
      for (const { file, seeds } of moduleSeeds) {
        for (const [name, make] of Object.entries(seeds.params ?? {})) {
          if (name in ids) throw new Error(`${file}: the parameter :${name} is seeded twice`);
          ids[name] = await make({ test: t, agent: b.agent, organisationId: orgB, ids });
        }
      }
      tenantTables = await readTenantTables(t);
    });
    afterAll(async () => t?.close());

    it('answers 404 or 403 on every organisation route with the other organisation’s ids, and changes nothing', async () => {
      const before = await snapshot(orgB);
      const routes = t.routes.filter((r) => r.url.includes(':organisationId') || r.url.includes(':token'));
      expect(routes.length).toBeGreaterThan(10);
      const results: string[] = [];
      for (const route of routes) {
        const url = urlOf(route);
        const res = await userA.request(route.method, url, bodies[`${route.method} ${route.url}`]);
        results.push(`${route.method} ${route.url} -> ${res.statusCode}`);
        if (route.url.startsWith('/api/v1/invitations/:token')) continue; // the link itself is the credential; see below
        // The intake answers to an organisation's API token only; a session of another organisation is no token.
        const allowed = route.url.endsWith('/incidents/intake') ? [401] : [403, 404];
        expect(allowed, `${route.method} ${url}: ${res.body}`).toContain(res.statusCode);
      }
      expect(await snapshot(orgB)).toEqual(before);
      expect(results.length).toBe(routes.length);
    });

    it('answers 404 for the other organisation’s records inside one’s own organisation', async () => {
      const before = await snapshot(orgB);
      // Catalog requirements, the risk template library and the document kinds are shared by all organisations; only
      // organisation-owned sub-records are attacked here (a document version is one, its kind is not).
      const shared = new Set(['organisationId', 'requirementId', 'templateId', 'documentKind']);
      const routes = t.routes.filter(
        (r) =>
          r.url.includes(':organisationId') &&
          routeParams(r.url).some((name) => !shared.has(name)) &&
          !r.url.includes(':requirementId') &&
          !r.url.includes(':templateId'),
      );
      expect(routes.length).toBeGreaterThan(3);
      for (const route of routes) {
        const url = urlOf(route, orgA);
        const res = await userA.request(route.method, url, bodies[`${route.method} ${route.url}`]);
        expect([403, 404], `${route.method} ${url}: ${res.body}`).toContain(res.statusCode);
      }
      expect(await snapshot(orgB)).toEqual(before);
    });

    it('does not let an invitation for someone else be joined with another account', async () => {
      const res = await userA.request('POST', `/api/v1/invitations/${ids.token}/join`);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('invite.wrong_account');
    });

    it('has every route with a body listed in a module’s seeds, so new routes are attacked too', () => {
      const withBody = t.routes.filter((r) => r.url.includes(':organisationId') && ['POST', 'PATCH', 'PUT'].includes(r.method));
      const missing = withBody.map((r) => `${r.method} ${r.url}`).filter((key) => !(key in bodies));
      expect(missing, 'these routes need a body in their module’s <area>.seed.ts').toEqual([]);
    });

    it('has a seeded record of the other organisation for every path parameter of every route', () => {
      const attacked = t.routes.filter((r) => r.url.includes(':'));
      const missing = [
        ...new Set(
          attacked.flatMap((r) =>
            routeParams(r.url)
              .filter((name) => ids[name] === undefined)
              .map((name) => `:${name} (${r.method} ${r.url})`),
          ),
        ),
      ];
      expect(missing, 'no module seeds these parameters: add them to the module’s <area>.seed.ts').toEqual([]);
    });

    it('finds the tenant tables in the catalog, each with row-level security enabled and forced and the shared policy', async () => {
      const names = tenantTables.map((table) => table.name);
      // A floor, so that an empty catalog query cannot pass: the tables of the first modules.
      expect(names).toEqual(expect.arrayContaining(['organisations', 'locations', 'memberships', 'audit_events', 'incidents', 'evidence_files', 'jobs']));
      const rows = await queryRows<{ name: string; enabled: boolean; forced: boolean; policies: { name: string; roles: string[]; qual: string }[] | null }>(
        t.ctx.db,
        sql`select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
              (select json_agg(json_build_object('name', p.policyname, 'roles', p.roles, 'qual', p.qual) order by p.policyname)
                 from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname) as policies
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = current_schema() and c.relname in (${sql.join(
              names.map((name) => sql`${name}`),
              sql`, `,
            )})
            order by c.relname`,
      );
      expect(rows.map((r) => r.name)).toEqual([...names].sort());
      const problems: string[] = [];
      for (const row of rows) {
        if (!row.enabled) problems.push(`${row.name}: row-level security is not enabled`);
        if (!row.forced) problems.push(`${row.name}: row-level security is not forced`);
        const column = row.name === 'organisations' ? 'id' : 'organisation_id';
        const tenant = row.policies?.find((p) => p.name === `${row.name}_by_organisation`);
        if (!tenant?.roles.includes(APP_ROLE) || tenant.qual.replace(/[()\s]/g, '') !== `${column}=praxisschild_current_organisation`) {
          problems.push(
            `${row.name}: no policy "${row.name}_by_organisation" for ${APP_ROLE} on ${column} = praxisschild_current_organisation() (use praxisschild_isolate)`,
          );
        }
        const others = (row.policies ?? []).filter((p) => p.name !== `${row.name}_by_organisation` && p.name !== `${row.name}_system`);
        if (others.length > 0) problems.push(`${row.name}: other policies ${others.map((p) => p.name).join(', ')}`);
      }
      expect(problems).toEqual([]);
    });

    it('lets PostgreSQL itself hide and protect the other organisation’s rows', async () => {
      const seen = await withOrganisation(t.ctx.db, orgA, async (tx) => {
        const counts: Record<string, number> = {};
        for (const table of tenantTables) {
          const [row] = await queryRows<{ n: number }>(
            tx,
            sql`select count(*)::int as n from ${sql.identifier(table.name)} where ${sql.identifier(table.column)} <> ${orgA}`,
          );
          counts[table.name] = row!.n;
        }
        return counts;
      });
      expect(Object.keys(seen).length).toBe(tenantTables.length);
      expect(Object.entries(seen).filter(([, n]) => n !== 0)).toEqual([]);
      // Without any WHERE clause the app role still sees only its organisation.
      const all = await withOrganisation(t.ctx.db, orgA, (tx) => queryRows<{ organisation_id: string }>(tx, sql`select organisation_id from locations`));
      expect(new Set(all.map((r) => r.organisation_id))).toEqual(new Set([orgA]));

      const insert = await withOrganisation(t.ctx.db, orgA, (tx) =>
        tx.execute(sql`insert into locations (organisation_id, id, name) values (${orgB}, gen_random_uuid(), 'Eingeschleust')`),
      ).then(
        () => 'inserted',
        (error: Error & { cause?: Error }) => String(error.cause?.message ?? error.message),
      );
      expect(insert).toMatch(/row-level security/);
      const update = await withOrganisation(t.ctx.db, orgA, (tx) =>
        queryRows(tx, sql`update locations set name = 'Übernommen' where organisation_id = ${orgB} returning id`),
      );
      expect(update).toEqual([]);
    });

    it('lets the other organisation’s own administrator reach every handler with the same ids and bodies', async () => {
      // The control for the 404s above: with the same seeded ids, organisation B's administrator gets past validation
      // and finds the records, so the attacker's 404 came from the access check. Destructive routes run last.
      const order = (method: string) => (method === 'GET' ? 0 : method === 'DELETE' ? 2 : 1);
      // The invitation link is proven by reading it; accepting or joining would use it up (and needs a new account).
      const routes = t.routes
        .filter((r) => r.url.includes(':organisationId') || (r.url.includes(':token') && r.method === 'GET'))
        .sort((a, b) => order(a.method) - order(b.method));
      const wrong: string[] = [];
      for (const route of routes) {
        const res = await agentB.request(route.method, urlOf(route), bodies[`${route.method} ${route.url}`]);
        const reached = route.method === 'GET' ? res.statusCode < 300 : ![400, 404].includes(res.statusCode) && res.statusCode < 500;
        if (!reached) wrong.push(`${route.method} ${route.url} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      expect(wrong).toEqual([]);
    });
  });
}
