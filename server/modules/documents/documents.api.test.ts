import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentKinds } from '../../../domain/documents/documents.schema.ts';
import { reviewDueOf } from '../../../domain/documents/review.ts';
import { assets, managementApprovals, people, suppliers, tasks } from '../../db/schema.ts';
import { docxParagraphs } from '../../test/docx-text.ts';
import { pdfTextLines } from '../../test/pdf-text.ts';
import {
  type Agent,
  completeEnrolment,
  createOrganisationWithAdmin,
  eachEngine,
  login,
  PASSWORD,
  runFirstSetup,
  startTestApp,
  type TestApp,
} from '../../test/test-app.ts';
import { practiceToday } from '../assets/assets.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`documents: texts, versions, approval on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = (path = '') => `/api/v1/organisations/${orgId}/documents${path}`;

    async function invite(email: string, role: string) {
      const invitation = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email, role });
      const token = new URL(invitation.json().link).pathname.split('/').pop();
      const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: email, password: PASSWORD } });
      expect(accepted.statusCode).toBeLessThan(300);
      const secret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, secret);
      return login(t, email, secret);
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app, { organisationName: 'MVZ Lindenhof GmbH' }));
    });
    afterAll(async () => t?.close());

    it('lists every kind of document, none issued yet', async () => {
      const res = await admin.request('GET', url());
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { kind: string; latestVersion: number | null; prose: boolean }[];
      expect(items.map((i) => i.kind)).toEqual([
        'security_policy',
        'emergency_plan',
        'incident_response_plan',
        'asset_register',
        'supplier_register',
        'risk_register',
        'management_report',
        'statement_of_applicability',
      ]);
      expect(items.every((i) => i.latestVersion === null)).toBe(true);
      expect(items.filter((i) => i.prose).map((i) => i.kind)).toEqual(['security_policy', 'emergency_plan', 'incident_response_plan']);
    });

    it('names what the draft lacks and refuses a version while it does, writing nothing', async () => {
      const detail = (await admin.request('GET', url('/security_policy'))).json();
      expect(detail.sections.map((s: { key: string }) => s.key)).toEqual(['purpose', 'goals', 'principles', 'staffDuties', 'reporting', 'review']);
      expect(detail.sections[0].defaultText).toContain('{{organisation}}');
      expect(detail.unfinished.join('\n')).toContain('24/7-Kontakt');
      expect(detail.unfinished.join('\n')).not.toContain('Datenschutz');
      const refused = await admin.request('POST', url('/security_policy/versions'), { note: '' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe('document.unfinished');
      expect(
        refused
          .json()
          .issues.map((i: { message: string }) => i.message)
          .join('\n'),
      ).toContain('[ergänzen: 24/7-Kontakt');
      expect((await admin.request('GET', url('/security_policy'))).json().versions).toEqual([]);
      const draft = await admin.request('GET', url('/security_policy/draft/pdf'));
      expect(draft.statusCode).toBe(200);
      expect(pdfTextLines(draft.rawPayload).join('\n')).toContain('[ergänzen: 24/7-Kontakt');
    });

    it.each([
      ['an unknown section', { texts: { nonsense: 'x' } }, ['texts', 'nonsense'], 'document_section_unknown'],
      ['an unknown placeholder', { texts: { purpose: 'Für {{patient}}' } }, ['texts', 'purpose'], 'document_placeholder_unknown'],
      ['a NUL character', { texts: { purpose: 'a\u0000b' } }, ['texts', 'purpose'], 'text.control_character'],
      ['a review period of 0 months', { reviewMonths: 0 }, ['reviewMonths'], 'too_small'],
      ['a review period of 40 months', { reviewMonths: 40 }, ['reviewMonths'], 'too_big'],
    ])('refuses %s at the field', async (_name, change, path, code) => {
      const res = await admin.request('PUT', url('/security_policy'), { revision: 0, texts: {}, reviewMonths: 12, ...change });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues).toContainEqual(expect.objectContaining({ path, code }));
    });

    it('keeps the own wording, guards it by revision, and an empty text brings back the default', async () => {
      const saved = await admin.request('PUT', url('/security_policy'), {
        revision: 0,
        texts: { purpose: 'Die {{organisation}} schützt die Daten ihrer Patientinnen und Patienten.', goals: '' },
        reviewMonths: 6,
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().revision).toBe(1);
      expect(saved.json().reviewMonths).toBe(6);
      expect(saved.json().sections[0].text).toContain('schützt die Daten');
      expect(saved.json().sections[1].text).toBeNull();
      const stale = await admin.request('PUT', url('/security_policy'), { revision: 0, texts: {}, reviewMonths: 12 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('document.revision_conflict');
      const other = await createOrganisationWithAdmin(t, 'Fremde Praxis', 'fremd@example.org');
      const foreign = await other.agent.request('GET', `/api/v1/organisations/${orgId}/documents/security_policy`);
      expect(foreign.statusCode).toBe(404);
    });

    it('issues a version once the facts are there, frozen in both languages, and renders it as PDF and DOCX', async () => {
      await invite('dsb@example.org', 'data_protection_officer');
      const registration = await admin.request('GET', `/api/v1/organisations/${orgId}/registration`);
      const setup = registration.json().setup;
      const put = await admin.request('PUT', `/api/v1/organisations/${orgId}/registration`, {
        ...setup,
        contactPoint: { name: 'Rufbereitschaft IT-Service Nord', phone: '0800 1234567', email: 'notfall@it-nord.example' },
      });
      expect(put.statusCode).toBe(200);
      const created = await admin.request('POST', url('/security_policy/versions'), { note: 'Erste Fassung' });
      expect(created.statusCode, created.body).toBe(201);
      const version = created.json().versions[0];
      expect(version).toMatchObject({ number: 1, note: 'Erste Fassung', approvals: [] });
      expect(version.contentSha256).toMatch(/^[0-9a-f]{64}$/);

      for (const locale of ['de', 'en'] as const) {
        const pdf = await admin.request('GET', url(`/security_policy/versions/1/pdf?locale=${locale}`));
        expect(pdf.statusCode).toBe(200);
        expect(pdf.headers['content-disposition']).toMatch(/attachment; filename="[a-z0-9-]+\.pdf"/);
        const text = pdfTextLines(pdf.rawPayload).join('\n');
        expect(text).toContain('MVZ Lindenhof GmbH');
        expect(text).toContain('Rufbereitschaft IT-Service Nord');
        expect(text).toContain('Version 1');
        expect(text).not.toMatch(/\[ergänzen|\[to be completed|\{\{/);
        const docx = await admin.request('GET', url(`/security_policy/versions/1/docx?locale=${locale}`));
        const { body, footers } = await docxParagraphs(docx.rawPayload);
        expect(body.join('\n')).toContain(locale === 'de' ? 'Informationssicherheitsleitlinie' : 'Information security policy');
        expect(body.join('\n')).toContain('Die MVZ Lindenhof GmbH schützt die Daten');
        expect(body.join('\n')).toContain('dsb@example.org');
        expect(footers.join('\n')).toContain('Version 1');
      }
    });

    it('lets management approve the latest version once, sets the review as a task, and counts a director’s approval under § 38', async () => {
      const first = await admin.request('POST', url('/security_policy/versions/1/approval'), { remark: '' });
      expect(first.statusCode).toBe(200);
      const approval = first.json().versions[0].approvals[0];
      expect(approval).toMatchObject({ approvedByName: 'Anna Admin', countsAsBilligung: false, reviewDue: reviewDueOf(practiceToday(), 6) });
      const again = await admin.request('POST', url('/security_policy/versions/1/approval'), { remark: '' });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('document.already_approved');
      const [task] = await t.ctx.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.organisationId, orgId), eq(tasks.sourceKey, 'document-review:security_policy:1')));
      expect(task).toMatchObject({ source: 'document', dueOn: reviewDueOf(practiceToday(), 6) });

      // The admin becomes a director in the people register: a new version's approval is their Billigung.
      await t.ctx.db.insert(people).values({ organisationId: orgId, id: randomUUID(), name: 'Anna Admin', role: 'management', userId: admin.userId });
      expect((await admin.request('POST', url('/security_policy/versions'), { note: '' })).statusCode).toBe(201);
      const older = await admin.request('POST', url('/security_policy/versions/1/approval'), { remark: '' });
      expect(older.statusCode).toBe(409);
      expect(older.json().code).toBe('document.version_superseded');
      const second = await admin.request('POST', url('/security_policy/versions/2/approval'), { remark: 'Gelesen und gebilligt' });
      expect(second.json().versions[0].approvals[0]).toMatchObject({ countsAsBilligung: true, remark: 'Gelesen und gebilligt' });
      const recorded = await t.ctx.db.select().from(managementApprovals).where(eq(managementApprovals.organisationId, orgId));
      expect(recorded.map((r) => r.remark)).toContain('Freigabe des Dokuments „Informationssicherheitsleitlinie“, Version 2');
      const pdf = await admin.request('GET', url('/security_policy/versions/2/pdf'));
      expect(pdfTextLines(pdf.rawPayload).join('\n')).toContain('Freigegeben durch Anna Admin');

      const list = (await admin.request('GET', url())).json().items.find((i: { kind: string }) => i.kind === 'security_policy');
      expect(list).toMatchObject({ latestVersion: 2, reviewOverdue: false, reviewDue: reviewDueOf(practiceToday(), 6) });
    });

    it('lets only management approve and keeps the auditor reading', async () => {
      const lead = await invite('it@example.org', 'it_lead');
      expect((await lead.request('POST', url('/security_policy/versions/2/approval'), { remark: '' })).statusCode).toBe(403);
      const auditor = await invite('pruefer@example.org', 'auditor');
      expect((await auditor.request('GET', url('/security_policy/versions/2/pdf'))).statusCode).toBe(200);
      expect((await auditor.request('PUT', url('/security_policy'), { revision: 1, texts: {}, reviewMonths: 12 })).statusCode).toBe(403);
      expect((await admin.request('GET', url('/security_policy/versions/99/pdf'))).statusCode).toBe(404);
      expect((await admin.request('GET', url('/no_such_kind'))).statusCode).toBe(404);
    });

    it('fills the emergency plan from the registers: suppliers’ emergency lines and the important systems', async () => {
      await t.ctx.db.insert(suppliers).values({
        organisationId: orgId,
        id: randomUUID(),
        name: 'Medisoft PVS GmbH',
        emergencyContact: 'Hotline Praxis-Notfall',
        emergencyPhone: '0231 998877',
      });
      await t.ctx.db.insert(assets).values([
        { organisationId: orgId, id: randomUUID(), name: 'Praxisserver', kind: 'server' },
        { organisationId: orgId, id: randomUUID(), name: 'Drucker Empfang', kind: 'printer' },
      ]);
      for (const locale of ['de', 'en'] as const) {
        const docx = await admin.request('GET', url(`/emergency_plan/draft/docx?locale=${locale}`));
        const text = (await docxParagraphs(docx.rawPayload)).body.join('\n');
        expect(text).toContain('Medisoft PVS GmbH');
        expect(text).toContain('0231 998877');
        expect(text).toContain('Praxisserver');
        expect(text).not.toContain('Drucker Empfang');
        expect(text).toContain(locale === 'de' ? 'Ausgedruckt griffbereit' : 'Keep a printed copy');
      }
      const detail = (await admin.request('GET', url('/emergency_plan'))).json();
      expect(detail.unfinished).toEqual([]);
      expect((await admin.request('POST', url('/emergency_plan/versions'), { note: '' })).statusCode).toBe(201);
    });

    it('renders every kind of document in both formats and both languages with the organisation’s data and no gap', async () => {
      for (const kind of documentKinds) {
        for (const locale of ['de', 'en'] as const) {
          const pdf = await admin.request('GET', url(`/${kind}/draft/pdf?locale=${locale}`));
          expect(pdf.statusCode, `${kind} ${locale} pdf`).toBe(200);
          const pdfText = pdfTextLines(pdf.rawPayload).join('\n');
          expect(pdfText, `${kind} ${locale}`).toContain('MVZ Lindenhof GmbH');
          expect(pdfText, `${kind} ${locale}`).toMatch(locale === 'de' ? /Seite 1 von \d+/ : /Page 1 of \d+/);
          expect(pdfText, `${kind} ${locale}`).not.toMatch(/\[ergänzen|\[to be completed|\{\{/);
          const docx = await admin.request('GET', url(`/${kind}/draft/docx?locale=${locale}`));
          expect(docx.statusCode, `${kind} ${locale} docx`).toBe(200);
          const { body } = await docxParagraphs(docx.rawPayload);
          expect(body.join('\n'), `${kind} ${locale}`).toContain('MVZ Lindenhof GmbH');
          expect(body.join('\n'), `${kind} ${locale}`).not.toMatch(/\[ergänzen|\[to be completed|\{\{/);
        }
      }
    });

    it('writes the reporting deadlines of § 32 BSIG and Art. 33/34 GDPR into the incident response plan', async () => {
      const pdf = await admin.request('GET', url('/incident_response_plan/draft/pdf'));
      const text = pdfTextLines(pdf.rawPayload).join('\n');
      for (const expected of [
        '§ 32 Abs. 1 Nr. 1 BSIG',
        'Frühe Erstmeldung',
        'Art. 33 DSGVO',
        'Art. 34 DSGVO',
        'IT-Verantwortung: it@example.org',
        'Geschäftsführung: Anna Admin',
        'dsb@example.org',
      ]) {
        expect(text).toContain(expected);
      }
    });
  });
}
