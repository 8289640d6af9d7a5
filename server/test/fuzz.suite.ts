import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, queryRows } from '../db/connect.ts';
import { people } from '../db/schema.ts';
import { campaignBody } from '../modules/phishing/phishing.fixtures.ts';
import { multipart, samplePdf } from './files.ts';
import type { Fixture, FuzzSpec } from './fuzz-fixture.ts';
import { jsonBody, multipartBody, type Sent, urlJunk } from './fuzz-generators.ts';
import { specKey, specs } from './fuzz-specs.ts';
import { type Agent, PASSWORD, runFirstSetup, startTestApp, type TestApp } from './test-app.ts';

/**
 * Absurd input on every write route: generated bodies (valid-looking values mixed with NUL, lone surrogates, huge
 * strings, years 0/1/1899/10000, wrong types, nested junk), junk in path ids and query strings, and malformed
 * multipart. Each route must answer below 500, and a 4xx must leave the tables it touches exactly as they were.
 *
 * Reproduce a run with FUZZ_SEED=<printed seed>; FUZZ_RUNS sets the bodies per route (default 80, which keeps CI under
 * its 30 minutes with 90 write routes on two engines; run FUZZ_RUNS=500 npm run test:api for a deeper search).
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261201);
const runs = Number(process.env.FUZZ_RUNS ?? 80);

function requests(spec: FuzzSpec, fixture: Fixture): Sent[] {
  const body = spec.multipart ? multipartBody(spec.multipart === true ? undefined : spec.multipart) : jsonBody(spec.body(fixture));
  // About one request in ten carries junk in a path id instead of the real one.
  const param = fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: urlJunk });
  const arbitrary = fc.tuple(body, param).map(([sent, param]) => (param === undefined ? sent : { ...sent, param }));
  return fc.sample(arbitrary, { seed: seed + hash(JSON.stringify(Object.keys(spec.body(fixture) ?? {}))), numRuns: runs });
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

// ---- the suite ----------------------------------------------------------------------------------------------------

/**
 * The suite on one engine; `fuzz.pglite.api.test.ts` and `fuzz.postgres.api.test.ts` each run it, so that the two
 * engines run in parallel test workers.
 */
export function fuzzSuite({ engine, skipReason }: { engine: Engine; skipReason: string | null }) {
  describe.skipIf(skipReason !== null)(`fuzzed input on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let fixture: Fixture;
    let intakeTokens: string[];
    let requestCount = 0;

    /**
     * Row count and newest row version of each table, for "nothing changed" after a refused request: an insert or
     * update writes a row version with a newer transaction id (xmin), a delete lowers the count.
     */
    async function tableState(tables: string[]): Promise<string> {
      if (tables.length === 0) return '';
      const parts = tables.map(
        (table) => sql`select ${table}::text as t, count(*)::int as n, coalesce(max(xmin::text::bigint), 0)::text as h from ${sql.identifier(table)}`,
      );
      const rows = await queryRows<{ t: string; n: number; h: string }>(t.ctx.db, sql.join(parts, sql` union all `));
      return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join(' ');
    }

    async function send(route: { method: string; url: string }, spec: FuzzSpec, sent: Sent): Promise<LightMyRequestResponse> {
      requestCount += 1;
      const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const junkAt = sent.param !== undefined && names.length ? names[requestCount % names.length] : undefined;
      const key = specKey(route);
      const keyNames = [...key.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      let i = 0;
      const url =
        route.url.replace(/:(\w+)/g, (_m, name: string) => {
          const fixtureName = keyNames[i++] ?? name;
          return name === junkAt ? sent.param! : (fixture as unknown as Record<string, string>)[fixtureName]!;
        }) + (sent.query ? `?${sent.query}` : '');
      const headers: Record<string, string> = {};
      if (sent.contentType) headers['content-type'] = sent.contentType;
      if ((spec.as ?? 'admin') === 'admin') Object.assign(headers, { cookie: admin.cookie, 'x-csrf-token': admin.csrf });
      if (spec.as === 'intake') headers.authorization = `Bearer ${intakeTokens[requestCount % intakeTokens.length]}`;
      // A new client address per request keeps the per-address rate limits from answering in the validator's place.
      const remoteAddress = `10.${(requestCount >> 16) & 255}.${(requestCount >> 8) & 255}.${requestCount & 255}`;
      return t.app.inject({ method: route.method as 'POST', url, headers, remoteAddress, ...(sent.payload !== undefined ? { payload: sent.payload } : {}) });
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      const setup = await runFirstSetup(t.app);
      admin = setup.agent;
      const organisationId = setup.organisationId;
      const org = (path: string) => `/api/v1/organisations/${organisationId}${path}`;
      const ok = (res: LightMyRequestResponse) => {
        if (res.statusCode >= 300) throw new Error(`fixture: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      const locations = ok(await admin.request('GET', org('/locations'))) as { id: string }[];
      const spare = ok(await admin.request('POST', org('/locations'), { name: 'Zum Entfernen' }));
      const linkToken = (link: string) => new URL(link).pathname.split('/').pop()!;
      const memberInvite = ok(await admin.request('POST', org('/invitations'), { email: 'mitglied@praxis-a.example', role: 'staff' }));
      ok(
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${linkToken(memberInvite.link)}/accept`,
          payload: { name: 'Mia Mitglied', password: PASSWORD },
        }),
      );
      const members = ok(await admin.request('GET', org('/members'))) as { userId?: string; id?: string; email: string }[];
      const member = members.find((m) => m.email === 'mitglied@praxis-a.example')!;
      const pending = ok(await admin.request('POST', org('/invitations'), { email: 'offen@praxis-a.example', role: 'auditor' }));
      const incident = ok(
        await admin.request('POST', org('/incidents'), { title: 'Vorfall für den Fuzzer', noticedAt: '2026-11-29T10:00:00+01:00', patientDataInvolved: false }),
      );
      const intermediateRequest = ok(
        await admin.request('POST', org(`/incidents/${incident.id}/intermediate-requests`), { requestedAt: '2026-11-29T18:00:00+01:00' }),
      );
      intakeTokens = [];
      for (let n = 0; n < 5; n++) intakeTokens.push(ok(await admin.request('POST', org('/api-tokens'), { name: `Melder ${n}` })).token);
      const revocable = ok(await admin.request('POST', org('/api-tokens'), { name: 'Zum Widerrufen' }));
      const upload = multipart('nachweis.pdf', samplePdf);
      const evidence = ok(
        await t.app.inject({
          method: 'POST',
          url: org('/requirements/KBV-A1-01/evidence'),
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': upload.contentType },
          payload: upload.payload,
        }),
      );
      const asset = ok(await admin.request('POST', org('/assets'), { name: 'Konnektor', kind: 'ti_connector', inventoryNumber: 'INV-0001' }));
      const spareAsset = ok(await admin.request('POST', org('/assets'), { name: 'Altgerät', kind: 'printer' }));
      const targetAsset = ok(await admin.request('POST', org('/assets'), { name: 'Serverraum-Rack', kind: 'server' }));
      const relation = ok(await admin.request('POST', org(`/assets/${asset.id}/relations`), { kind: 'stored_in', targetId: targetAsset.id }));
      // The AVV of the suppliers is a file of its own: the fuzzed evidence delete must not take it away.
      const avvUpload = multipart('AVV.pdf', samplePdf);
      const avvEvidence = ok(
        await t.app.inject({
          method: 'POST',
          url: org('/requirements/KBV-A1-04/evidence'),
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': avvUpload.contentType },
          payload: avvUpload.payload,
        }),
      );
      const supplier = ok(await admin.request('POST', org('/suppliers'), { name: 'IT-Dienstleister' }));
      const spareSupplier = ok(await admin.request('POST', org('/suppliers'), { name: 'Ehemaliger Dienstleister' }));
      const risk = ok(await admin.request('POST', org('/risks'), { title: 'Konnektor fällt aus', likelihood: 3, impact: 4, treatment: 'accept' }));
      const spareRisk = ok(await admin.request('POST', org('/risks'), { title: 'Erledigtes Risiko', likelihood: 1, impact: 1 }));
      // The managing director is the administrator's own person record, so that approvals pass the "only yourself" rule.
      const directorId = randomUUID();
      await t.ctx.db.insert(people).values({ organisationId, id: directorId, name: 'Dr. Maria Muster', role: 'management', userId: admin.userId });
      const training = { heldOn: '2026-11-20', agenda: 'Pflichten nach § 38 BSIG', provider: 'Ärztekammer' };
      const managementTraining = ok(await admin.request('POST', org(`/management/people/${directorId}/trainings`), training));
      const spareTraining = ok(await admin.request('POST', org(`/management/people/${directorId}/trainings`), training));
      const person = ok(await admin.request('POST', org('/people'), { name: 'Berta Beispiel', role: 'nurse', startsOn: '2022-01-01' }));
      // Starts in the future: one the delete route may remove.
      const sparePerson = ok(await admin.request('POST', org('/people'), { name: 'Noch nicht da', role: 'physician', startsOn: '2030-01-01' }));
      const course = ok(await admin.request('POST', org('/training/courses'), { title: 'Phishing', topic: 'phishing', durationMinutes: 45 }));
      const spareCourse = ok(await admin.request('POST', org('/training/courses'), { title: 'Alte Schulung', topic: 'other', durationMinutes: 10 }));
      const trainingSession = ok(await admin.request('POST', org('/training/sessions'), { courseId: course.id, heldOn: '2026-03-02' }));
      const spareSession = ok(await admin.request('POST', org('/training/sessions'), { courseId: course.id, heldOn: '2026-03-03' }));
      // People are written directly: their routes belong to the people register (issue 10, part 1).
      const [trainingPerson] = await queryRows<{ id: string }>(
        t.ctx.db,
        sql`insert into people (organisation_id, id, name, role, email) values (${organisationId}, gen_random_uuid(), 'Lena Schmidt', 'nurse', 'lena@praxis-a.example') returning id`,
      );
      ok(await admin.request('PUT', org(`/training/sessions/${trainingSession.id}/attendance`), { attendees: [{ personId: trainingPerson!.id }] }));
      const confirmation = ok(await admin.request('POST', org(`/training/sessions/${trainingSession.id}/confirmations`), { personIds: [trainingPerson!.id] }));
      const account = ok(await admin.request('POST', org(`/people/${person.id}/accounts`), { system: 'windows_ad', accountName: 'mmuster' }));
      const spareAccount = ok(await admin.request('POST', org(`/people/${person.id}/accounts`), { system: 'email', accountName: 'alt' }));
      const checklist = ok(await admin.request('POST', org(`/people/${person.id}/checklists`), { kind: 'onboarding' }));
      // The organisation feed is renewed by the fuzzer, the personal one revoked; its token is the read route's.
      const organisationFeed = ok(await admin.request('POST', org('/calendar/feeds'), { scope: 'organisation' }));
      const personalFeed = ok(await admin.request('POST', org('/calendar/feeds'), { scope: 'personal' }));
      const task = ok(await admin.request('POST', org('/tasks'), { title: 'Rücksicherung testen', dueOn: '2027-06-30' }));
      const spareTask = ok(await admin.request('POST', org('/tasks'), { title: 'Zum Löschen' }));
      const taskTemplate = ok(await admin.request('POST', org('/tasks/templates'), { title: 'Firewall-Regeln durchsehen', rhythm: 'yearly' }));
      const spareTaskTemplate = ok(await admin.request('POST', org('/tasks/templates'), { title: 'Alte Vorlage', rhythm: 'quarterly' }));
      // The emergency plan needs the 24/7 contact before a version can be issued.
      const registration = ok(await admin.request('GET', org('/registration')));
      ok(
        await admin.request('PUT', org('/registration'), {
          ...registration.setup,
          contactPoint: { name: 'Rufbereitschaft', phone: '0800 1234567', email: '' },
        }),
      );
      const documentVersion = ok(await admin.request('POST', org('/documents/emergency_plan/versions'), { note: 'Erste Fassung' }));
      const campaign = ok(await admin.request('POST', org('/phishing/campaigns'), campaignBody()));
      const spareCampaign = ok(await admin.request('POST', org('/phishing/campaigns'), campaignBody({ name: 'Zum Entfernen' })));
      fixture = {
        campaignId: campaign.id,
        spareCampaignId: spareCampaign.id,
        trackingToken: 'T'.repeat(43),
        organisationId,
        locationId: locations[0]!.id,
        spareLocationId: spare.id,
        userId: admin.userId,
        memberId: member.userId ?? member.id!,
        invitationId: pending.id,
        token: linkToken(pending.link),
        incidentId: incident.id,
        requestId: intermediateRequest.id,
        tokenId: revocable.id,
        evidenceId: evidence.id,
        requirementId: 'KBV-A1-02',
        kind: 'early_warning',
        assetId: asset.id,
        spareAssetId: spareAsset.id,
        targetAssetId: targetAsset.id,
        relationId: relation.id,
        supplierId: supplier.id,
        spareSupplierId: spareSupplier.id,
        avvEvidenceId: avvEvidence.id,
        riskId: risk.id,
        spareRiskId: spareRisk.id,
        courseId: course.id,
        spareCourseId: spareCourse.id,
        sessionId: trainingSession.id,
        spareSessionId: spareSession.id,
        trainingPersonId: trainingPerson!.id,
        confirmationToken: linkToken(confirmation.links[0].link),
        templateId: 'RT-01',
        directorId,
        trainingId: managementTraining.id,
        spareTrainingId: spareTraining.id,
        personId: person.id,
        sparePersonId: sparePerson.id,
        accountId: account.id,
        spareAccountId: spareAccount.id,
        checklistId: checklist.id,
        position: '1',
        feedId: organisationFeed.id,
        spareFeedId: personalFeed.id,
        feedToken: linkToken(personalFeed.url).replace(/\.ics$/, ''),
        taskId: task.id,
        spareTaskId: spareTask.id,
        taskTemplateId: taskTemplate.id,
        spareTaskTemplateId: spareTaskTemplate.id,
        documentKind: 'emergency_plan',
        versionNumber: String(documentVersion.versions[0].number),
        documentRevision: documentVersion.revision,
      };
      console.info(`[fuzz] ${engine}: seed ${seed}, ${runs} bodies per route (FUZZ_SEED=${seed} FUZZ_RUNS=${runs} reproduces this run)`);
    });
    afterAll(async () => t?.close());

    it('has a fuzz spec for every write route, so routes added later are fuzzed too', () => {
      const writes = t.routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
      const missing = writes.map(specKey).filter((key) => !(key in specs));
      expect(missing, 'add a line to `specs` in server/test/fuzz.suite.ts for each').toEqual([]);
    });

    it('sees a write in the table state (insert, update and delete)', async () => {
      const org = `/api/v1/organisations/${fixture.organisationId}/locations`;
      const before = await tableState(['locations']);
      const created = await admin.request('POST', org, { name: 'Prüfstandort' });
      const inserted = await tableState(['locations']);
      await admin.request('PATCH', `${org}/${created.json().id}`, { name: 'Prüfstandort neu' });
      const updated = await tableState(['locations']);
      await admin.request('DELETE', `${org}/${created.json().id}`);
      expect(new Set([before, inserted, updated])).toHaveProperty('size', 3);
      expect(await tableState(['locations'])).not.toBe(updated);
    });

    it('answers junk query strings and path ids on every read route below 500', async () => {
      const reads = t.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
      const queries = fc.sample(
        fc.record({
          name: fc.constantFrom('limit', 'before', 'locale', 'locationId', 'cursor', 'page', 'status', 'q'),
          value: urlJunk,
          param: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: urlJunk }),
        }),
        { seed, numRuns: Math.max(10, Math.floor(runs / 8)) },
      );
      const failures: string[] = [];
      for (const route of reads) {
        for (const q of queries) {
          const res = await send(route, {} as FuzzSpec, { query: `${q.name}=${q.value}`, ...(q.param !== undefined ? { param: q.param } : {}) });
          if (res.statusCode >= 500)
            failures.push(`${res.statusCode} ← GET ${route.url} ?${q.name}=${q.value.slice(0, 40)} param=${JSON.stringify(q.param?.slice(0, 40))}`);
        }
      }
      expect(failures.slice(0, 30), `${failures.length} failures with seed ${seed}`).toEqual([]);
    }, 120_000);

    // The cases measured on the old code, each named: a 400 at the field with the code the browser translates.
    it.each([
      ['POST', '/incidents', { title: 'Alter Vorfall', noticedAt: '0001-01-01T00:00:00+01:00', patientDataInvolved: false }, 'noticedAt', 'date.out_of_range'],
      ['POST', '/incidents', { title: 'Ferner Vorfall', noticedAt: '10000-01-01T00:00:00Z', patientDataInvolved: false }, 'noticedAt', 'datetime_with_offset'],
      [
        'POST',
        '/incidents',
        { title: 'Titel mit \u0000 NUL', noticedAt: '2026-11-30T10:00:00+01:00', patientDataInvolved: false },
        'title',
        'text.control_character',
      ],
      [
        'POST',
        '/incidents',
        { title: 'Emoji halb \ud83d', noticedAt: '2026-11-30T10:00:00+01:00', patientDataInvolved: false },
        'title',
        'text.invalid_character',
      ],
      ['POST', '/incidents/:incidentId/events', { kind: 'note', text: 'Notiz', at: '1899-12-31T10:00:00Z' }, 'at', 'date.out_of_range'],
      ['PUT', '/requirements/KBV-A1-03/status', { status: 'open', dueDate: '1901-01-01' }, 'dueDate', 'date.out_of_range'],
      ['PUT', '/requirements/KBV-A1-03/status', { status: 'open', notes: 'a\u0000b' }, 'notes', 'text.control_character'],
      ['PUT', '/registration', { escalation: [{ role: 'IT', name: 'Name \udc00', phone: '', email: '' }] }, 'escalation.0.name', 'text.invalid_character'],
      ['PUT', '/registration', { qualifiesSince: '1999-12-31' }, 'qualifiesSince', 'date.out_of_range'],
      ['POST', '/locations', { name: 'Filiale\u0000' }, 'name', 'text.control_character'],
      ['POST', '/risks', { title: 'Risiko\u0000', likelihood: 1, impact: 1 }, 'title', 'text.control_character'],
      ['POST', '/risks', { title: 'Altes Risiko', likelihood: 1, impact: 1, reviewOn: '0001-01-01' }, 'reviewOn', 'date.out_of_range'],
      ['POST', '/risks', { title: 'Unbekannt', likelihood: 1, impact: 1, requirementIds: ['KBV-A5-99'] }, 'requirementIds.0', 'risk.requirement_unknown'],
      ['POST', '/tasks', { title: 'Aufgabe\u0000' }, 'title', 'text.control_character'],
      ['POST', '/tasks', { title: 'Alte Aufgabe', dueOn: '2000-01-01' }, 'dueOn', 'task.due_before_created'],
      ['POST', '/tasks', { title: 'Ferne Aufgabe', dueOn: '0001-01-01' }, 'dueOn', 'date.out_of_range'],
      ['POST', '/tasks', { title: 'Verknüpft', links: [{ kind: 'requirement', targetId: 'KBV-A5-99' }] }, 'links.0.targetId', 'task.requirement_unknown'],
      ['POST', '/tasks', { title: 'Fremd', ownerUserId: '00000000-0000-4000-8000-000000000001' }, 'ownerUserId', 'task.owner_unknown'],
    ])('%s %s refuses absurd input at the field (%s)', async (method, path, body, field, code) => {
      const url = `/api/v1/organisations/${fixture.organisationId}${path.replace(':incidentId', fixture.incidentId)}`;
      const before = await tableState(['incidents', 'incident_events', 'requirement_statuses', 'registration_setups', 'locations', 'risks']);
      // JSON.stringify keeps a lone surrogate as the escape \udXXX, as a browser's fetch would send it.
      const res = await t.app.inject({
        method: method as 'POST',
        url,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().issues).toContainEqual(expect.objectContaining({ path: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), code }));
      expect(await tableState(['incidents', 'incident_events', 'requirement_statuses', 'registration_setups', 'locations', 'risks'])).toBe(before);
    });

    it(`answers every fuzzed request below 500 and changes nothing when it refuses`, async () => {
      const failures: string[] = [];
      const statusCounts: Record<string, number> = {};
      const started = Date.now();
      // FUZZ_ROUTES=<pattern> fuzzes only the routes whose URL matches (a module's own run); unset: every write route.
      const only = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : null;
      const writes = t.routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && specKey(r) in specs && (!only || only.test(r.url)));
      for (const route of writes) {
        const spec = specs[specKey(route)]!;
        let state = await tableState(spec.tables);
        for (const sent of requests(spec, fixture)) {
          const res = await send(route, spec, sent);
          statusCounts[res.statusCode] = (statusCounts[res.statusCode] ?? 0) + 1;
          const shown = `${route.method} ${route.url} ${sent.contentType ?? ''} ${String(sent.payload ?? '').slice(0, 200)}${sent.param !== undefined ? ` param=${JSON.stringify(sent.param.slice(0, 40))}` : ''}${sent.query ? ` ?${sent.query.slice(0, 40)}` : ''}`;
          if (res.statusCode >= 500) failures.push(`${res.statusCode} ← ${shown}`);
          const after = await tableState(spec.tables);
          if (res.statusCode >= 400 && after !== state) failures.push(`${res.statusCode} but wrote ← ${shown}`);
          state = after;
        }
      }
      console.info(
        `[fuzz] ${engine}: ${requestCount} requests on ${writes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s; answers ${JSON.stringify(statusCounts)}`,
      );
      const byRoute: Record<string, number> = {};
      for (const failure of failures) {
        const where = failure.split(' ← ')[1]!.split(' ').slice(0, 2).join(' ');
        byRoute[`${failure.split(' ← ')[0]} ${where}`] = (byRoute[`${failure.split(' ← ')[0]} ${where}`] ?? 0) + 1;
      }
      expect(failures.slice(0, 30), `${failures.length} failures with seed ${seed}: ${JSON.stringify(byRoute, null, 1)}`).toEqual([]);
    }, 300_000);
  });
}
