import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerEntries } from '../../../domain/quickcheck/quickcheck.schema.ts';
import { answersWith } from '../../../domain/quickcheck/test-answers.ts';
import { queryRows } from '../../db/connect.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { type Agent, completeEnrolment, createOrganisationWithAdmin, eachEngine, login, PASSWORD, startTestApp, type TestApp } from '../../test/test-app.ts';
import { verifyAllAuditChains } from '../audit/audit.ts';
import { quickCheckOf } from './quickcheck.ts';

/** A practice with good access control, half a backup, nothing for emergencies, no TI and no cloud: 56 of 100. */
const mixed = answersWith('yes', {
  backup_offline: 'no',
  restore_tested: 'partly',
  updates: 'partly',
  unsupported_systems: 'partly',
  firewall: 'partly',
  ti_connector: 'not_applicable',
  ti_admin_data: 'not_applicable',
  supplier_contracts: 'unknown',
  cloud_c5: 'not_applicable',
  emergency_plan: 'no',
  incident_reporting: 'no',
  nis2_registration: 'partly',
  risk_analysis: 'no',
});
const answerSet = (answers = mixed) => ({ version: '2026-1', answers: answerEntries(answers) });
const paths = (res: LightMyRequestResponse) => (res.json().issues as { path: (string | number)[]; code: string }[]).map((i) => [i.path.join('.'), i.code]);

/** Every way a tampered set is refused, with the field each problem is named at. */
const tampered: [string, unknown, [string, string][]][] = [
  ['a wrong version', { ...answerSet(), version: '1999-1' }, [['version', 'quick_check.version_unknown']]],
  [
    'an unknown question',
    { ...answerSet(), answers: [...answerSet().answers.slice(1), { questionId: 'admin_password_on_post_it', answer: 'yes' }] },
    [
      ['answers.19.questionId', 'quick_check.question_unknown'],
      ['answers.admin_mfa', 'quick_check.answer_missing'],
    ],
  ],
  [
    'a question answered twice',
    { ...answerSet(), answers: [...answerSet().answers, { questionId: 'backup_offline', answer: 'yes' }] },
    [['answers.20.questionId', 'quick_check.answer_duplicate']],
  ],
  [
    'a value that is no answer',
    { ...answerSet(), answers: answerSet().answers.map((a, i) => (i === 3 ? { ...a, answer: 'definitely' } : a)) },
    [['answers.3.answer', 'quick_check.answer_invalid']],
  ],
  [
    '"does not apply" to the daily backup',
    { ...answerSet(), answers: answerSet().answers.map((a, i) => (i === 4 ? { ...a, answer: 'not_applicable' } : a)) },
    [['answers.4.answer', 'quick_check.answer_not_offered']],
  ],
  ['a missing answer', { ...answerSet(), answers: answerSet().answers.slice(0, 19) }, [['answers.risk_analysis', 'quick_check.answer_missing']]],
  ['an object instead of the list', { version: '2026-1', answers: mixed }, [['answers', 'invalid_type']]],
];

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the public quick check on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(engine);
    });
    afterAll(async () => t?.close());

    // A client address per request, so that only the rate-limit test meets the limits.
    let client = 0;
    const post = (url: string, payload: unknown, remoteAddress = `10.7.${(++client >> 8) & 255}.${client & 255}`) =>
      t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress });
    const stored = async () => {
      const [row] = await queryRows<{ checks: number; audit: number; statuses: number }>(
        t.ctx.db,
        sql`select (select count(*)::int from quick_checks) as checks, (select count(*)::int from audit_events) as audit,
                   (select count(*)::int from requirement_statuses) as statuses`,
      );
      return row!;
    };

    it('answers the question set without a login, with texts in both languages and the sources of each question', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/quick-check' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      const body = res.json();
      expect(body.version).toBe('2026-1');
      expect(body.questions).toHaveLength(20);
      expect(body.levers.map((l: { id: string }) => l.id)).toEqual(['access', 'backup', 'updates', 'ti', 'suppliers', 'training', 'emergency', 'governance']);
      const mfa = body.questions[0];
      expect(mfa).toMatchObject({ id: 'admin_mfa', lever: 'access', weight: 3, options: ['yes', 'partly', 'no', 'unknown'] });
      expect(mfa.text.de).toMatch(/^Brauchen alle Administrator-Konten/);
      expect(mfa.text.en).toMatch(/^Do all administrator accounts/);
      // § 30 Abs. 2 Satz 2 Nr. 10 BSIG: multi-factor authentication.
      expect(mfa.citations).toContainEqual({ citation: '§ 30 Abs. 2 Satz 2 Nr. 10 BSIG', url: 'https://www.gesetze-im-internet.de/bsig_2025/__30.html' });
      expect(body.questions.find((q: { id: string }) => q.id === 'cloud_c5').options).toContain('not_applicable');
    });

    it('scores an answer set and names the top next steps with their sources, storing nothing', async () => {
      const before = await stored();
      const res = await post('/api/v1/quick-check/score', answerSet());
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ version: '2026-1', score: 56, band: 'fair', gapCount: 10 });
      expect(body.steps.map((s: { questionId: string }) => s.questionId)).toEqual([
        'backup_offline',
        'emergency_plan',
        'supplier_contracts',
        'incident_reporting',
        'risk_analysis',
      ]);
      expect(body.steps[0]).toMatchObject({ answer: 'no', weight: 3, priority: 3, requirementIds: ['KBV-A1-22', 'BSIG-30-2-03'] });
      expect(body.steps[0].text.de).toMatch(/getrennt vom Netz/);
      expect(body.steps[0].citations.map((c: { citation: string }) => c.citation)).toContain('KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 22');
      expect(body.levers.find((l: { lever: string }) => l.lever === 'ti')).toMatchObject({ score: null, notApplicable: 2 });
      expect(await stored()).toEqual(before);
    });

    it('writes the PDF summary in German and in English, organisation-free', async () => {
      const de = await post('/api/v1/quick-check/pdf', { ...answerSet(), lang: 'de' });
      expect(de.statusCode).toBe(200);
      expect(de.headers['content-type']).toBe('application/pdf');
      expect(de.headers['content-disposition']).toMatch(/^attachment; filename="praxisschild-schnellcheck-\d{4}-\d{2}-\d{2}\.pdf"$/);
      expect(de.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(de.rawPayload);
      for (const expected of [
        'Schnellcheck IT-Sicherheit',
        'Fragenkatalog 2026-1',
        '56 von 100 Punkten – Auf dem Weg',
        'Ergebnis nach Bereichen',
        'Datensicherung',
        '50 / 100',
        'Telematikinfrastruktur',
        'trifft nicht zu',
        'Die nächsten Schritte',
        '1. Sicherung getrennt vom Netz',
        'Ihre Antwort: Nein',
        'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 22',
        '§ 30 Abs. 2 Satz 2 Nr. 3 BSIG',
        'Art. 28 DSGVO',
        'Ihre Antworten',
        'So geht es weiter',
        'http://praxisschild.test',
      ]) {
        expect(text, expected).toContain(expected);
      }

      const en = await post('/api/v1/quick-check/pdf', { ...answerSet(), lang: 'en' });
      expect(en.headers['content-disposition']).toMatch(/filename="praxisschild-quick-check-\d{4}-\d{2}-\d{2}\.pdf"/);
      const english = pdfText(en.rawPayload);
      for (const expected of [
        'IT security quick check',
        '56 of 100 points – On the way',
        'Backups',
        '1. Backup kept off the network',
        'Your answer: No',
        'How to continue',
      ]) {
        expect(english, expected).toContain(expected);
      }
      // German unless English is asked for.
      expect(pdfText((await post('/api/v1/quick-check/pdf', answerSet())).rawPayload)).toContain('Schnellcheck IT-Sicherheit');
    });

    it.each(tampered)('refuses %s with a 400 at the field, on the score and the PDF route', async (_name, payload, expected) => {
      for (const url of ['/api/v1/quick-check/score', '/api/v1/quick-check/pdf']) {
        const res = await post(url, payload);
        expect(res.statusCode, url).toBe(400);
        expect(res.json().code).toBe('validation_failed');
        expect(paths(res).slice(0, expected.length)).toEqual(expected);
      }
    });

    it('refuses a PDF in a language the app does not speak', async () => {
      const res = await post('/api/v1/quick-check/pdf', { ...answerSet(), lang: 'fr' });
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toEqual([['lang', 'invalid_value']]);
    });

    it('limits each client to 60 scores and 10 PDFs a minute', async () => {
      const scores: number[] = [];
      for (let i = 0; i < 61; i++) scores.push((await post('/api/v1/quick-check/score', answerSet(), '10.8.0.1')).statusCode);
      expect(scores.slice(0, 60).every((s) => s === 200)).toBe(true);
      expect(scores[60]).toBe(429);
      const pdfs: number[] = [];
      for (let i = 0; i < 11; i++) pdfs.push((await post('/api/v1/quick-check/pdf', answerSet(), '10.8.0.2')).statusCode);
      expect(pdfs.slice(0, 10).every((s) => s === 200)).toBe(true);
      const limited = await post('/api/v1/quick-check/pdf', answerSet(), '10.8.0.2');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('rate_limited');
      expect((await post('/api/v1/quick-check/pdf', answerSet(), '10.8.0.3')).statusCode).toBe(200);
      const sets: number[] = [];
      for (let i = 0; i < 61; i++) sets.push((await t.app.inject({ method: 'GET', url: '/api/v1/quick-check', remoteAddress: '10.8.0.4' })).statusCode);
      expect(sets[60]).toBe(429);
    });

    it('describes the three public routes in the OpenAPI document, without a login', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      const questions = doc.paths['/api/v1/quick-check'].get;
      expect(questions.security ?? []).toEqual([]);
      expect(JSON.stringify(questions.responses['200'])).toContain('citations');
      const score = doc.paths['/api/v1/quick-check/score'].post;
      expect(JSON.stringify(score.requestBody.content['application/json'].schema)).toContain('questionId');
      expect(JSON.stringify(score.responses['200'].content['application/json'].schema)).toContain('priority');
      const pdf = doc.paths['/api/v1/quick-check/pdf'].post;
      expect(JSON.stringify(pdf.requestBody.content['application/json'].schema)).toContain('lang');
      expect(Object.keys(pdf.responses['200'].content)).toEqual(['application/pdf']);
      expect(JSON.stringify(doc.paths['/api/v1/setup'].post.requestBody)).toContain('quickCheck');
      expect(JSON.stringify(doc.paths['/api/v1/organisations'].post.requestBody)).toContain('quickCheck');
    });
  });

  describe.skipIf(skipReason !== null)(`quick-check answers carried into a new organisation on ${engine}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const email = 'leitung@praxis-schnell.example';

    const setupBody = (quickCheck: unknown) => ({
      organisation: { name: 'Praxis Schnell', legalForm: 'einzelpraxis', locations: [{ name: 'Praxis' }, { name: 'Zweigpraxis' }] },
      admin: { name: 'Lea Leitung', email, password: PASSWORD },
      locale: 'de',
      quickCheck,
    });

    beforeAll(async () => {
      t = await startTestApp(engine);
    });
    afterAll(async () => t?.close());

    it('refuses a tampered answer set in the setup at its field and creates nothing', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody({ ...answerSet(), version: '2020-9' }) });
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toEqual([['quickCheck.version', 'quick_check.version_unknown']]);
      const missing = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: setupBody({ ...answerSet(), answers: answerSet().answers.slice(1) }),
      });
      expect(paths(missing)).toEqual([['quickCheck.answers.admin_mfa', 'quick_check.answer_missing']]);
      const [count] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from organisations`);
      expect(count!.n).toBe(0);
    });

    it('stores the answers with the organisation, scored by the server, and pre-sets the catalog to "in progress" only', async () => {
      // A score sent along is not the server's business: the schema drops it and the server scores again.
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody({ ...answerSet(), score: 100, band: 'good' }) });
      expect(res.statusCode, res.body).toBe(201);
      const cookie = `ps_session=${res.cookies.find((c) => c.name === 'ps_session')!.value}`;
      await completeEnrolment(t.app, cookie, res.json().enrolment.secret);
      admin = await login(t, email, res.json().enrolment.secret);
      orgId = (await admin.request('GET', '/api/v1/auth/session')).json().currentOrganisationId;

      const mine = (await admin.request('GET', `/api/v1/organisations/${orgId}/quick-check`)).json();
      expect(mine).toMatchObject({ version: '2026-1', result: { score: 56, band: 'fair', gapCount: 10 } });
      expect(mine.answers).toEqual(mixed);
      // KBV Anlage 1 Nr. 26 (secured access): admin MFA and personal accounts both "yes".
      expect(mine.prefilledRequirementIds).toContain('KBV-A1-26');
      // KBV Anlage 1 Nr. 22 (protection of backups): the offline backup is "no", so it stays open.
      expect(mine.prefilledRequirementIds).not.toContain('KBV-A1-22');

      const catalog = (await admin.request('GET', `/api/v1/organisations/${orgId}/catalog`)).json() as { requirements: { id: string; status: string }[] };
      const status = Object.fromEntries(catalog.requirements.map((r) => [r.id, r.status]));
      expect(status['KBV-A1-26']).toBe('in_progress');
      expect(status['KBV-A1-25']).toBe('in_progress'); // restore tested "partly"
      expect(status['KBV-A1-22']).toBe('open');
      expect(status['BSIG-30-2-03']).toBe('open'); // business continuity: the emergency plan is "no"
      expect(status['KBV-A5-09']).toBe('open'); // no TI: "does not apply" sets nothing
      expect(Object.values(status).filter((s) => s === 'implemented' || s === 'not_applicable')).toEqual([]);
      expect(Object.values(status).filter((s) => s === 'in_progress')).toHaveLength(mine.prefilledRequirementIds.length);

      const detail = (await admin.request('GET', `/api/v1/organisations/${orgId}/requirements/KBV-A1-25`)).json();
      const entry = detail.entries.find((e: { locationId: string | null }) => e.locationId === null);
      expect(entry.notes).toMatch(/^Aus dem Schnellcheck vom \d{2}\.\d{2}\.\d{4}: als teilweise umgesetzt angegeben \(Wiederherstellung getestet\)/);

      // Every pre-set status has its audit entry, and the carry-over one of its own.
      const audit = await queryRows<{ action: string; n: number }>(
        t.ctx.db,
        sql`select action, count(*)::int as n from audit_events where organisation_id = ${orgId} and action in ('quick_check.carried_over', 'requirement.status_changed') group by action order by action`,
      );
      expect(audit).toEqual([
        { action: 'quick_check.carried_over', n: 1 },
        { action: 'requirement.status_changed', n: mine.prefilledRequirementIds.length },
      ]);
      const [report] = await verifyAllAuditChains(t.ctx.db);
      expect(report!.problems).toEqual([]);
    });

    it('gives the roadmap the stored answers through quickCheckOf, inside the organisation', async () => {
      const found = await withOrganisation(t.ctx.db, orgId, (tx) => quickCheckOf(tx, orgId));
      expect(found).toMatchObject({ version: '2026-1', answers: mixed, result: { score: 56 }, carriedByUserId: admin.userId });
      expect(found!.result.steps[0]!.questionId).toBe('backup_offline');
      expect(found!.carriedAt).toBeInstanceOf(Date);
    });

    it('carries answers into another organisation created later, in the creator’s language, and keeps each to its own', async () => {
      await admin.request('PUT', '/api/v1/auth/profile', { locale: 'en' });
      const res = await admin.request('POST', '/api/v1/organisations', {
        name: 'Zweite Praxis',
        legalForm: 'mvz_gmbh',
        locations: [{ name: 'MVZ' }],
        quickCheck: answerSet(answersWith('yes', { remote_access: 'not_applicable' })),
      });
      expect(res.statusCode, res.body).toBe(201);
      const second = res.json().id as string;
      const stored = (await admin.request('GET', `/api/v1/organisations/${second}/quick-check`)).json();
      expect(stored.result.score).toBe(100);
      const detail = (await admin.request('GET', `/api/v1/organisations/${second}/requirements/BSIG-30-2-10`)).json();
      expect(detail.entries[0]).toMatchObject({ status: 'in_progress' });
      expect(detail.entries[0].notes).toMatch(/^From the quick check of .*: stated as implemented \(Second factor for administrator accounts\)/);

      const bad = await admin.request('POST', '/api/v1/organisations', {
        name: 'Dritte',
        legalForm: 'mvz_gmbh',
        locations: [{ name: 'Praxis X' }],
        quickCheck: { version: '2026-1', answers: [] },
      });
      expect(bad.statusCode).toBe(400);
      expect(paths(bad)[0]).toEqual(['quickCheck.answers.admin_mfa', 'quick_check.answer_missing']);

      // Without answers an organisation has none, and another organisation's answers answer 404.
      const plain = await admin.request('POST', '/api/v1/organisations', { name: 'Ohne Check', legalForm: 'einzelpraxis', locations: [{ name: 'Praxis Y' }] });
      expect((await admin.request('GET', `/api/v1/organisations/${plain.json().id}/quick-check`)).json()).toBeNull();
      const other = await createOrganisationWithAdmin(t, 'Praxis Fremd', 'fremd@praxis-fremd.example');
      expect((await other.agent.request('GET', `/api/v1/organisations/${orgId}/quick-check`)).statusCode).toBe(404);
    });
  });
  describe.skipIf(skipReason !== null)(`first-run setups with answers sent at once on ${engine}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(engine);
    });
    afterAll(async () => t?.close());

    it('creates one organisation with one stored answer set; the others are told the setup is done, never 500', async () => {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/setup',
            remoteAddress: `10.6.0.${i + 1}`,
            payload: {
              organisation: { name: `Praxis Gleichzeitig ${i}`, legalForm: 'einzelpraxis', locations: [{ name: 'Praxis' }] },
              admin: { name: `Person ${i}`, email: `person${i}@praxis-gleichzeitig.example`, password: PASSWORD },
              quickCheck: answerSet(),
            },
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const [row] = await queryRows<{ organisations: number; checks: number; statuses: number; prefilled: number }>(
        t.ctx.db,
        sql`select (select count(*)::int from organisations) as organisations, (select count(*)::int from quick_checks) as checks,
                   (select count(*)::int from requirement_statuses) as statuses,
                   (select coalesce(max(cardinality(prefilled_requirement_ids)), 0)::int from quick_checks) as prefilled`,
      );
      expect(row).toMatchObject({ organisations: 1, checks: 1 });
      expect(row!.statuses).toBe(row!.prefilled);
    });
  });
}
