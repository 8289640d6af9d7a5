import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs } from '../../test/docx-text.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`§ 33 BSIG registration readiness on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = () => `/api/v1/organisations/${orgId}/registration`;

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      await admin.request('POST', `/api/v1/organisations/${orgId}/applicability/nis2`, {
        financialYear: 2025,
        check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 80, annualTurnoverEur: 6_000_000, balanceSheetTotalEur: 3_000_000 },
      });
    });
    afterAll(async () => t?.close());

    it('starts from the master data and says what is missing', async () => {
      const res = (await admin.request('GET', url())).json();
      expect(res.saved).toBe(false);
      expect(res.setup).toMatchObject({ postalCode: '10115', city: 'Berlin', memberStates: ['DE'], qualifiesSince: '2025-12-06' });
      expect(res.readiness).toMatchObject({ required: true, dueDate: '2026-03-06', ready: false });
      expect(res.readiness.missing).toEqual(expect.arrayContaining(['contactPoint.name', 'mukHolder.name', 'mukBackup.name']));
    });

    it('names each bad field and keeps the previous data', async () => {
      const bad = await admin.request('PUT', url(), { postalCode: '1011', email: 'kein-mail', contactPoint: { email: 'x' }, qualifiesSince: '2025-13-01' });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .issues.map((i: { path: (string | number)[] }) => i.path.join('.'))
          .sort(),
      ).toEqual(['contactPoint.email', 'email', 'postalCode', 'qualifiesSince']);
      expect((await admin.request('GET', url())).json().saved).toBe(false);
    });

    it('saves contacts, MUK holders, escalation chain and checklist, audited', async () => {
      const res = await admin.request('PUT', url(), {
        street: 'Invalidenstraße 1',
        postalCode: '10115',
        city: 'Berlin',
        email: 'it@praxis-a.example',
        phone: '030 1234567',
        supervisoryAuthorities: 'BSI; Berliner Beauftragte für Datenschutz und Informationsfreiheit',
        contactPoint: { name: 'Bereitschaft IT-Dienst', phone: '0170 1234567', email: 'notfall@it-dienst.example' },
        mukHolder: { name: 'Anna Admin', email: 'admin@praxis-a.example' },
        mukBackup: { name: 'Bernd Vertretung' },
        escalation: [
          { role: 'IT-Verantwortliche', name: 'Anna Admin', phone: '0170 111' },
          { role: 'Geschäftsführung', name: 'Dr. Chef' },
        ],
        checklist: { elsterCertificate: true, mukAccount: true, registeredInPortal: true, contactPointTested: true, escalationChainKnown: true },
        registrationReference: 'NIS2-REG-4711',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().readiness).toMatchObject({ missing: [], ready: true, checklistDone: 5 });
      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit`)).json().items as { action: string }[];
      expect(audit[0]!.action).toBe('registration.updated');
    });

    // § 33 Abs. 1 Nr. 2 BSIG: contact data including public IP ranges and phone numbers must be usable.
    it('refuses a phone "abc" and an IP range "999.1.1.1/99", naming each field', async () => {
      const bad = await admin.request('PUT', url(), {
        phone: 'abc',
        publicIpRanges: '192.0.2.0/24, 999.1.1.1/99',
        contactPoint: { name: 'Bereitschaft', phone: 'bitte anrufen' },
        escalation: [{ role: 'IT', name: 'A', phone: '12' }],
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .issues.map((i: { path: (string | number)[]; code: string }) => `${i.path.join('.')}:${i.code}`)
          .sort(),
      ).toEqual(['contactPoint.phone:phone_number', 'escalation.0.phone:phone_number', 'phone:phone_number', 'publicIpRanges:ip_range']);
    });

    it('suggests the escalation chain with the names of the members holding the roles', async () => {
      const res = (await admin.request('GET', url())).json();
      expect(res.escalationSuggestion.map((s: { role: string }) => s.role)).toEqual(['it_lead', 'management', 'data_protection_officer']);
      const filled = res.escalationSuggestion.filter((s: { name: string }) => s.name === 'Anna Admin');
      expect(filled).toHaveLength(1);
      expect(filled[0].email).toBe('admin@praxis-a.example');
    });

    it('names the organisation with its legal form once: "Praxis A, GmbH", never "…GmbH, MVZ GmbH"', async () => {
      const res = (await admin.request('GET', url())).json();
      expect(res.organisation).toMatchObject({ name: 'Praxis A', legalForm: 'mvz_gmbh', nameWithLegalForm: 'Praxis A, GmbH' });
    });

    it('produces the data sheet as PDF', async () => {
      const pdf = await admin.request('GET', `${url()}/datasheet/pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe('attachment; filename="praxisschild-registrierung-33-bsig.pdf"');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
      for (const expected of [
        'Datenblatt zur Registrierung nach § 33 BSIG',
        'Praxis A, GmbH',
        'Invalidenstraße 1, 10115 Berlin',
        'wichtige Einrichtung',
        'Eskalation 2: Geschäftsführung',
        'Registrierung fällig bis 06.03.2026',
        '5 von 5 erledigt',
        'Seite 1 von',
      ])
        expect(text).toContain(expected);
      // Nothing saved for the IP ranges: a gap, not an empty line.
      expect(text).toMatch(/Öffentliche IP-Adressbereiche \[ergänzen\]/);
    });

    it('produces the data sheet as a Word file, in English on request', async () => {
      const docx = await admin.request('GET', `${url()}/datasheet/docx?locale=en`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-disposition']).toBe('attachment; filename="praxisschild-registration-33-bsig.docx"');
      const { body, footers } = await docxParagraphs(docx.rawPayload);
      const text = body.join('\n');
      for (const expected of [
        'Data sheet for the registration under § 33 BSIG',
        'Praxis A, GmbH',
        'an important entity',
        'Bereitschaft IT-Dienst, 0170 1234567, notfall@it-dienst.example',
        'Escalation 1: IT-Verantwortliche',
        'Registration due by 6 Mar 2026',
        '5 of 5 done',
        'NIS2-REG-4711',
        '[to be completed]',
      ])
        expect(text).toContain(expected);
      expect(text).not.toContain('ergänzen');
      expect(footers.join('\n')).toContain('Worksheet · Page');
    });
  });
}
