import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microTrainingQuestions } from '../../../domain/phishing/micro-training.ts';
import { phishingTemplates } from '../../../domain/phishing/templates.data.ts';
import { queryRows } from '../../db/connect.ts';
import { withSystem } from '../../db/tenant.ts';
import { mailParts, startSmtpSink, subjectOf } from '../../test/smtp-sink.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';
import { runDueJobs } from '../jobs/jobs.ts';
import { campaignBody } from './phishing.fixtures.ts';
import { trackingQueue } from './phishing.tracking.ts';

const template = phishingTemplates.find((t) => t.id === 'password-expiry')!;

const tokenOf = (text: string, kind = 'click') => new RegExp(`/api/v1/phishing/${kind}/([A-Za-z0-9_-]{43})`).exec(text)?.[1];

interface Person {
  id: string;
  name: string;
  email: string;
  locationId: string;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`phishing simulation end to end on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;
    let admin: Agent;
    let orgId: string;
    let origin: string;
    const people: Person[] = [];
    const url = (path = '') => `/api/v1/organisations/${orgId}/phishing${path}`;
    const flush = () => trackingQueue(t.ctx, { error: () => undefined }).flush();

    beforeAll(async () => {
      sink = await startSmtpSink();
      t = await startTestApp(engine, { config: { smtpUrl: sink.url } });
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      // Three locations: 10, 6 and 4 people with an address; one without an address and one leaver are not recipients.
      const locations = [randomUUID(), randomUUID(), randomUUID()];
      await withSystem(t.ctx.db, async (tx) => {
        for (const [i, id] of locations.entries())
          await tx.execute(sql`insert into locations (organisation_id, id, name) values (${orgId}, ${id}, ${`Standort ${'ABC'[i]}`})`);
        const sizes = [10, 6, 4];
        for (const [i, size] of sizes.entries()) {
          for (let n = 0; n < size; n++) {
            const person = { id: randomUUID(), name: `Person ${'ABC'[i]}${n} Muster`, email: `p-${'abc'[i]}${n}@praxis-a.example`, locationId: locations[i]! };
            people.push(person);
            await tx.execute(sql`insert into people (organisation_id, id, name, role, location_id, email)
              values (${orgId}, ${person.id}, ${person.name}, 'medical_assistant', ${person.locationId}, ${person.email})`);
          }
        }
        await tx.execute(
          sql`insert into people (organisation_id, id, name, role, location_id, email) values (${orgId}, ${randomUUID()}, 'Ohne Adresse', 'nurse', ${locations[0]}, '')`,
        );
        await tx.execute(sql`insert into people (organisation_id, id, name, role, location_id, email, ends_on)
          values (${orgId}, ${randomUUID()}, 'Schon Weg', 'nurse', ${locations[0]}, 'weg@praxis-a.example', '2020-01-31')`);
      });
      origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      await t?.close();
      await sink?.close();
    });

    it('refuses what cannot be sent: nobody reached, too few for anonymity, named mode not switched on', async () => {
      const none = (await admin.request('POST', url('/campaigns'), campaignBody({ audience: { kind: 'roles', roles: ['physician'] } }))).json();
      const refused = await admin.request('POST', url(`/campaigns/${none.id}/schedule`), { revision: none.revision });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('phishing.no_recipients');
      const few = (
        await admin.request('POST', url('/campaigns'), campaignBody({ audience: { kind: 'locations', locationIds: [people[19]!.locationId] } }))
      ).json();
      expect(few.audienceSize).toEqual({ withEmail: 4, withoutEmail: 0 });
      const tooFew = await admin.request('POST', url(`/campaigns/${few.id}/schedule`), { revision: few.revision });
      expect(tooFew.json().code).toBe('phishing.too_few_recipients');
      const named = await admin.request('POST', url('/campaigns'), campaignBody({ mode: 'named' }));
      expect(named.statusCode).toBe(400);
      expect(named.json().issues).toEqual([expect.objectContaining({ path: ['mode'], code: 'phishing.named_mode_off' })]);
      const unknownLocation = await admin.request('POST', url('/campaigns'), campaignBody({ audience: { kind: 'locations', locationIds: [randomUUID()] } }));
      expect(unknownLocation.json().issues[0]).toMatchObject({ path: ['audience', 'locationIds', 0], code: 'phishing.location_unknown' });
      for (const id of [none.id, few.id]) expect((await admin.request('DELETE', url(`/campaigns/${id}`))).statusCode).toBe(204);
    });

    it('counts an audience while it is chosen: active people with and without an address, by location or role; bad choices at the field', async () => {
      const size = async (query: string) => {
        const res = await admin.request('GET', url(`/audience-size?${query}`));
        return { status: res.statusCode, body: res.json() };
      };
      // Everyone active: 20 with an address and one without; the leaver is not counted.
      expect(await size('kind=all')).toEqual({ status: 200, body: { withEmail: 20, withoutEmail: 1 } });
      const [a, b, c] = [people[0]!.locationId, people[10]!.locationId, people[19]!.locationId];
      expect((await size(`kind=locations&locationIds=${a}`)).body).toEqual({ withEmail: 10, withoutEmail: 1 });
      expect((await size(`kind=locations&locationIds=${b},${c}`)).body).toEqual({ withEmail: 10, withoutEmail: 0 });
      expect((await size('kind=roles&roles=nurse')).body).toEqual({ withEmail: 0, withoutEmail: 1 });
      expect((await size('kind=roles&roles=medical_assistant,nurse')).body).toEqual({ withEmail: 20, withoutEmail: 1 });
      const missing = await size('kind=locations');
      expect(missing.status).toBe(400);
      expect(missing.body.issues[0].path).toEqual(['locationIds']);
      const unknown = await size(`kind=locations&locationIds=${a},${randomUUID()}`);
      expect(unknown.status).toBe(400);
      expect(unknown.body.issues[0]).toMatchObject({ path: ['locationIds', 1], code: 'phishing.location_unknown' });
      expect((await size(`kind=locations&locationIds=${a},${a}`)).body.issues[0]).toMatchObject({ path: ['locationIds', 1], code: 'phishing.duplicate' });
      expect((await size('kind=roles&roles=pilot')).status).toBe(400);
      expect((await size('kind=everyone')).status).toBe(400);
    });

    it('sends a campaign through SMTP, counts a followed link once, shows groups of five or more, and forgets every person at the close', async () => {
      expect((await admin.request('GET', url('/templates'))).json().items).toHaveLength(6);
      const draft = await admin.request('POST', url('/campaigns'), campaignBody());
      expect(draft.statusCode, draft.body).toBe(201);
      const campaign = draft.json();
      expect(campaign).toMatchObject({ status: 'draft', mode: 'anonymous', groupBy: 'location', audienceSize: { withEmail: 20, withoutEmail: 1 } });

      // The test mail to oneself.
      const test = await admin.request('POST', url(`/campaigns/${campaign.id}/test-send`));
      expect(test.json()).toEqual({ sentTo: admin.email });
      expect(sink.received).toHaveLength(1);
      expect(subjectOf(sink.received[0]!.raw)).toBe('[Test] Ihr Passwort läuft heute ab');
      sink.received.length = 0;

      const scheduled = await admin.request('POST', url(`/campaigns/${campaign.id}/schedule`), { revision: campaign.revision });
      expect(scheduled.statusCode, scheduled.body).toBe(200);
      expect(scheduled.json()).toMatchObject({ status: 'scheduled', delivery: { recipients: 20, pending: 20, sent: 0 } });
      expect((await admin.request('PUT', url(`/campaigns/${campaign.id}`), { ...campaignBody(), revision: scheduled.json().revision })).json().code).toBe(
        'phishing.not_draft',
      );

      await runDueJobs(t.ctx, new Date(Date.now() + 1000));
      expect(sink.received.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
      const sent = (await admin.request('GET', url(`/campaigns/${campaign.id}`))).json();
      expect(sent).toMatchObject({ status: 'sent', delivery: { recipients: 20, pending: 0, sent: 20, failed: 0 } });

      // Each mail: HTML and text, the person's first name, the sender, a token of its own in every link.
      const byAddress = new Map(sink.received.map((m) => [m.to, m]));
      const tokens = new Map<string, string>();
      for (const person of people) {
        const mail = byAddress.get(person.email)!;
        const { headers, parts } = mailParts(mail.raw);
        expect(headers).toMatch(/^From: "IT-Support" <it-support@praxis-konto-service\.example>$/m);
        expect(headers).toMatch(new RegExp(`^To: ${person.email}$`, 'm'));
        expect(parts['text/plain']).toContain('Hallo Person,');
        expect(parts['text/html']).toContain('Hallo Person,');
        const token = tokenOf(parts['text/plain']!)!;
        expect(tokenOf(parts['text/html']!)).toBe(token);
        expect(tokenOf(parts['text/html']!, 'open')).toBe(token);
        expect(tokenOf(parts['text/plain']!, 'report')).toBe(token);
        expect(parts['text/html']).toContain('Als Phishing melden');
        tokens.set(person.id, token);
      }
      expect(new Set(tokens.values()).size).toBe(20);
      // Anonymous mode: once sent, no recipient row names a person any more.
      const [named] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(person_id)::int as n from phishing_recipients`);
      expect(named!.n).toBe(0);

      // A link followed by an HTTP client: the teaching page; the same answer for an unknown and a malformed token.
      const a0 = tokens.get(people[0]!.id)!;
      const click = await fetch(`${origin}/api/v1/phishing/click/${a0}`, { redirect: 'manual' });
      expect(click.status).toBe(302);
      expect(click.headers.get('location')).toBe(`/phishing/lernen/${a0}`);
      for (const other of ['B'.repeat(43), 'kaputt', '%0d%0aSet-Cookie:x']) {
        const res = await fetch(`${origin}/api/v1/phishing/click/${other}`, { redirect: 'manual' });
        expect(res.status).toBe(302);
        expect(res.headers.get('location')).toMatch(/^\/phishing\/lernen\/[^\r\n]+$/);
        expect([...res.headers.keys()].sort()).toEqual([...click.headers.keys()].sort());
      }
      const pixelKnown = await fetch(`${origin}/api/v1/phishing/open/${tokens.get(people[1]!.id)}`);
      const pixelUnknown = await fetch(`${origin}/api/v1/phishing/open/${'C'.repeat(43)}`);
      expect(Buffer.from(await pixelKnown.arrayBuffer())).toEqual(Buffer.from(await pixelUnknown.arrayBuffer()));
      expect(pixelKnown.headers.get('content-type')).toBe('image/gif');
      expect([...pixelUnknown.headers.keys()].sort()).toEqual([...pixelKnown.headers.keys()].sort());
      // A mail client loads the pixel from another origin: a page's same-origin resource policy would refuse it.
      expect(pixelKnown.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(click.headers.get('referrer-policy')).toBe('no-referrer');
      // Two more clicks in group A, one replayed; one submission sent three times; one report; one forwarded mail.
      for (const i of [1, 2, 2]) await fetch(`${origin}/api/v1/phishing/click/${tokens.get(people[i]!.id)}`, { redirect: 'manual' });
      for (let n = 0; n < 3; n++) {
        const submit = await fetch(`${origin}/api/v1/phishing/submit/${tokens.get(people[2]!.id)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ password: 'geheim123' }),
        });
        expect(await submit.json()).toEqual({ ok: true });
      }
      await fetch(`${origin}/api/v1/phishing/report/${tokens.get(people[10]!.id)}`, { redirect: 'manual' });
      const forwarded = await fetch(`${origin}/api/v1/phishing/forwarded`, {
        method: 'POST',
        headers: { 'content-type': 'message/rfc822' },
        body: byAddress.get(people[11]!.email)!.raw,
      });
      expect(forwarded.status).toBe(202);
      await flush();

      // The lesson of the mail and the micro-training; a completion counts once.
      const lesson = (await admin.request('GET', `/api/v1/phishing/lessons/${a0}`)).json();
      expect(lesson).toMatchObject({ templateId: 'password-expiry', locale: 'de', landing: 'form', clues: template.de.clues });
      const unknownLesson = await admin.request('GET', `/api/v1/phishing/lessons/${'D'.repeat(43)}`);
      expect(unknownLesson.statusCode).toBe(200);
      expect(Object.keys(unknownLesson.json())).toEqual(Object.keys(lesson));
      const answers = microTrainingQuestions.map((q) => ({ questionId: q.id, optionId: q.correct }));
      for (let n = 0; n < 2; n++) {
        const done = await admin.request('POST', `/api/v1/phishing/lessons/${a0}/training`, { answers });
        expect(done.json()).toMatchObject({ correct: 5, total: 5, passed: true });
      }

      const report = (await admin.request('GET', url(`/campaigns/${campaign.id}/report`))).json();
      expect(report.totals).toEqual({ recipients: 20, sent: 20, opened: 5, clicked: 3, submitted: 1, reported: 2, trainingCompleted: 1 });
      expect(report.people).toBeNull();
      expect(report.groups.map((g: { kind: string; label: string | null; recipients: number }) => [g.kind, g.label, g.recipients])).toEqual([
        ['location', 'Standort A', 10],
        ['other', null, 10],
      ]);
      expect(report.groups.some((g: { recipients: number }) => g.recipients < 5)).toBe(false);
      // Submitted contents are never stored: no column anywhere holds the typed password.
      const dump = JSON.stringify(await queryRows(t.ctx.db, sql`select * from phishing_recipients`));
      expect(dump).not.toContain('geheim123');

      // Close: the groups stay as shown, the recipient rows (every token → person link) are gone.
      const closed = await admin.request('POST', url(`/campaigns/${campaign.id}/close`));
      expect(closed.json()).toMatchObject({ status: 'closed', delivery: { recipients: 20, sent: 20 } });
      const [left] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from phishing_recipients`);
      expect(left!.n).toBe(0);
      const after = (await admin.request('GET', url(`/campaigns/${campaign.id}/report`))).json();
      expect(after.groups).toEqual(report.groups);
      expect(after.totals).toEqual(report.totals);
      // A link of the closed campaign answers as before and records nothing.
      expect((await fetch(`${origin}/api/v1/phishing/click/${tokens.get(people[5]!.id)}`, { redirect: 'manual' })).status).toBe(302);
      await flush();
      expect((await admin.request('GET', url(`/campaigns/${campaign.id}/report`))).json().totals.clicked).toBe(3);

      // Every GET route of the app, after the close: no answer links a result to a person.
      const ids: Record<string, string> = { organisationId: orgId, campaignId: campaign.id, personId: people[0]!.id, locationId: people[0]!.locationId };
      const marks = (p: Person) => [p.id, p.name, p.email];
      const clickers = [people[0]!, people[1]!, people[2]!, people[10]!, people[11]!];
      const walked: string[] = [];
      for (const route of t.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/organisations/:organisationId'))) {
        const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
        if (!params.every((p) => ids[p])) continue;
        const res = await admin.request(
          'GET',
          route.url.replace(/:(\w+)/g, (_, p: string) => ids[p]!),
        );
        const body = res.body;
        walked.push(route.url);
        const namesPerson = clickers.some((p) => marks(p).some((m) => body.includes(m)));
        const namesPhishing = body.includes(campaign.id) || /clickedAt|submittedAt|"clicked"/.test(body);
        expect(namesPerson && namesPhishing, `${route.url} links a person to a result`).toBe(false);
      }
      expect(walked).toEqual(
        expect.arrayContaining([`/api/v1/organisations/:organisationId/phishing/campaigns/:campaignId/report`, '/api/v1/organisations/:organisationId/people']),
      );
      expect(walked.length).toBeGreaterThan(30);
    });
  });
}
