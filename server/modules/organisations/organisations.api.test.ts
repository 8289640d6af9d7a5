import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LOCATIONS_PER_ORGANISATION } from '../../../domain/organisations/organisation.schema.ts';
import { queryRows } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { type Agent, createTestDatabase, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';
import { verifyAllAuditChains } from '../audit/audit.service.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`organisations, locations and the audit trail on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('shows the organisation from the setup with its locations sorted the German way', async () => {
      await admin.request('POST', `/api/v1/organisations/${orgId}/locations`, { name: 'Ärztehaus Süd', city: 'München' });
      const res = await admin.request('GET', `/api/v1/organisations/${orgId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: 'Praxis A', legalForm: 'mvz_gmbh', me: { role: 'management', isAdmin: true } });
      expect(res.json().locations.map((l: { name: string }) => l.name)).toEqual(['Ärztehaus Süd', 'Filiale Nord', 'Hauptstandort']);
    });

    it('changes master data and locations, naming each bad field', async () => {
      const bad = await admin.request('PATCH', `/api/v1/organisations/${orgId}`, { name: '', legalForm: 'ag' });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .issues.map((i: { path: string[] }) => i.path[0])
          .sort(),
      ).toEqual(['legalForm', 'name']);
      const ok = await admin.request('PATCH', `/api/v1/organisations/${orgId}`, { name: 'MVZ Praxis A', legalForm: 'mvz_gmbh' });
      expect(ok.json().name).toBe('MVZ Praxis A');

      const dup = await admin.request('POST', `/api/v1/organisations/${orgId}/locations`, { name: 'filiale nord' });
      expect(dup.statusCode).toBe(400);
      expect(dup.json().issues).toEqual([expect.objectContaining({ path: ['name'], code: 'location.name_taken' })]);
      const zip = await admin.request('POST', `/api/v1/organisations/${orgId}/locations`, { name: 'Filiale West', postalCode: '1234' });
      expect(zip.statusCode).toBe(400);
      expect(zip.json().issues[0]).toMatchObject({ path: ['postalCode'], code: 'postal_code' });

      const created = await admin.request('POST', `/api/v1/organisations/${orgId}/locations`, { name: 'Filiale West', postalCode: '50667', city: 'Köln' });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      const renamed = await admin.request('PATCH', `/api/v1/organisations/${orgId}/locations/${id}`, {
        name: 'Filiale Köln',
        postalCode: '50667',
        city: 'Köln',
      });
      expect(renamed.json().name).toBe('Filiale Köln');
      expect((await admin.request('DELETE', `/api/v1/organisations/${orgId}/locations/${id}`)).statusCode).toBe(204);
      expect((await admin.request('DELETE', `/api/v1/organisations/${orgId}/locations/${id}`)).statusCode).toBe(404);
    });

    it('keeps at least one location', async () => {
      const locations = (await admin.request('GET', `/api/v1/organisations/${orgId}/locations`)).json() as { id: string }[];
      for (const location of locations.slice(1)) {
        expect((await admin.request('DELETE', `/api/v1/organisations/${orgId}/locations/${location.id}`)).statusCode).toBe(204);
      }
      const last = await admin.request('DELETE', `/api/v1/organisations/${orgId}/locations/${locations[0]!.id}`);
      expect(last.statusCode).toBe(409);
      expect(last.json().code).toBe('location.in_use');
    });

    it('lets a service provider create another organisation it then administers', async () => {
      const res = await admin.request('POST', '/api/v1/organisations', {
        name: 'Praxisnetz Ost',
        legalForm: 'praxisnetz',
        locations: [{ name: 'Geschäftsstelle' }],
      });
      expect(res.statusCode).toBe(201);
      const orgs = (await admin.request('GET', '/api/v1/auth/session')).json().organisations;
      expect(orgs).toContainEqual(expect.objectContaining({ id: res.json().id, role: 'it_lead', isAdmin: true }));
    });

    it('caps an organisation at the maximum number of locations, counted on create and on every addition', async () => {
      const places = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Standort ${i + 1}` }));
      const tooMany = await admin.request('POST', '/api/v1/organisations', {
        name: 'Kette Groß',
        legalForm: 'mvz_gmbh',
        locations: places(MAX_LOCATIONS_PER_ORGANISATION + 1),
      });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().issues).toEqual([expect.objectContaining({ path: ['locations'], code: 'too_big' })]);
      const twice = await admin.request('POST', '/api/v1/organisations', {
        name: 'Kette Doppelt',
        legalForm: 'mvz_gmbh',
        locations: [{ name: 'Praxis Mitte' }, { name: ' praxis MITTE ' }],
      });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().issues).toEqual([expect.objectContaining({ path: ['locations', 1, 'name'], code: 'location.name_taken' })]);

      const full = await admin.request('POST', '/api/v1/organisations', {
        name: 'Kette Voll',
        legalForm: 'mvz_gmbh',
        locations: places(MAX_LOCATIONS_PER_ORGANISATION),
      });
      expect(full.statusCode).toBe(201);
      const fullId = full.json().id as string;
      const oneMore = await admin.request('POST', `/api/v1/organisations/${fullId}/locations`, { name: 'Standort Extra' });
      expect(oneMore.statusCode).toBe(400);
      expect(oneMore.json().code).toBe('location.limit_reached');
      const locations = (await admin.request('GET', `/api/v1/organisations/${fullId}/locations`)).json() as { id: string }[];
      expect(locations).toHaveLength(MAX_LOCATIONS_PER_ORGANISATION);
      // Renaming onto another location's name is refused like creating it.
      const clash = await admin.request('PATCH', `/api/v1/organisations/${fullId}/locations/${locations[0]!.id}`, { name: 'STANDORT 2' });
      expect(clash.statusCode).toBe(400);
      expect(clash.json().issues).toEqual([expect.objectContaining({ path: ['name'], code: 'location.name_taken' })]);
      // Below the cap again, one can be added.
      expect((await admin.request('DELETE', `/api/v1/organisations/${fullId}/locations/${locations[0]!.id}`)).statusCode).toBe(204);
      expect((await admin.request('POST', `/api/v1/organisations/${fullId}/locations`, { name: 'Standort Extra' })).statusCode).toBe(201);
    });

    it('migrates data written before the concurrency migration: duplicate names numbered, counters from the highest incident', async () => {
      const database = await createTestDatabase(engine);
      try {
        const db = database.db;
        // Back to the state before 0010, with what the old races could leave behind.
        await db.execute(sql`drop index locations_name_unique`);
        await db.execute(sql`drop table organisation_counters`);
        await db.execute(sql`delete from schema_migrations where name = '0010-concurrency.sql'`);
        const org = '6a1f6a1e-0000-4000-8000-000000000001';
        await db.execute(sql`insert into organisations (id, name, legal_form) values (${org}, 'Praxis Alt', 'einzelpraxis')`);
        await db.execute(sql`insert into locations (organisation_id, id, name, created_at) values
          (${org}, '6a1f6a1e-0000-4000-8000-000000000011', 'Filiale', now() - interval '2 days'),
          (${org}, '6a1f6a1e-0000-4000-8000-000000000012', 'filiale ', now() - interval '1 day'),
          (${org}, '6a1f6a1e-0000-4000-8000-000000000013', 'FILIALE', now())`);
        await db.execute(
          sql`insert into users (id, email, name, password_hash) values ('6a1f6a1e-0000-4000-8000-000000000021', 'alt@praxis.example', 'Alt', 'x')`,
        );
        await db.execute(sql`insert into incidents (organisation_id, id, number, title, noticed_at, suspected_origin, patient_data_involved, reported_by)
          values (${org}, '6a1f6a1e-0000-4000-8000-000000000031', 7, 'Alter Vorfall', now(), 'unknown', false, '6a1f6a1e-0000-4000-8000-000000000021')`);

        expect(await migrate(database)).toEqual(['0010-concurrency.sql']);
        const names = await queryRows<{ name: string }>(db, sql`select name from locations where organisation_id = ${org} order by created_at`);
        expect(names.map((r) => r.name)).toEqual(['Filiale', 'filiale (2)', 'FILIALE (3)']);
        const [counter] = await queryRows<{ incident_number: number }>(
          db,
          sql`select incident_number from organisation_counters where organisation_id = ${org}`,
        );
        expect(counter!.incident_number).toBe(7);
        const { nextIncidentNumber } = await import('../incidents/incidents.service.ts');
        expect(await withOrganisation(db, org, (tx) => nextIncidentNumber(tx, org))).toBe(8);
      } finally {
        await database.close();
      }
    });

    it('writes every change into the audit trail, newest first, with an intact hash chain', async () => {
      const res = await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=500`);
      expect(res.statusCode).toBe(200);
      const actions = (res.json().items as { action: string; seq: number }[]).map((e) => e.action);
      expect(actions.at(-1)).toBe('organisation.created');
      expect(actions).toEqual(expect.arrayContaining(['member.added', 'location.created', 'location.updated', 'location.deleted', 'organisation.updated']));
      const seqs = (res.json().items as { seq: number }[]).map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      const reports = await verifyAllAuditChains(t.ctx.db);
      expect(reports.every((r) => r.problems.length === 0)).toBe(true);
    });

    it('refuses to edit or delete audit entries, even for the app role', async () => {
      const failure = (work: Promise<unknown>) =>
        work.then(
          () => 'succeeded',
          (error: Error & { cause?: Error }) => String(error.cause?.message ?? error.message),
        );
      // The owner (superuser) is stopped by the trigger, the app role already by missing privileges.
      expect(await failure(t.ctx.db.execute(sql`update audit_events set action = 'x' where seq = 1`))).toMatch(/append-only/);
      expect(await failure(t.ctx.db.execute(sql`delete from audit_events where seq = 1`))).toMatch(/append-only/);
      expect(await failure(withOrganisation(t.ctx.db, orgId, (tx) => tx.execute(sql`delete from audit_events`)))).toMatch(/permission denied/);
      expect(await failure(withOrganisation(t.ctx.db, orgId, (tx) => tx.execute(sql`update audit_events set action = 'x'`)))).toMatch(/permission denied/);
    });

    it('detects an entry edited behind the application’s back', async () => {
      await t.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`update audit_events set data = '{"name":"forged"}'::jsonb where organisation_id = ${orgId} and seq = 2`);
      });
      const report = (await verifyAllAuditChains(t.ctx.db)).find((r) => r.organisationId === orgId)!;
      expect(report.problems).toContainEqual({ kind: 'hash_mismatch', seq: 2 });
    });
  });
}
