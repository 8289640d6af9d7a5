import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs } from '../../test/docx-text.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

const significant = {
  severeDisruption: 'yes',
  financialLoss: 'unsure',
  considerableHarmToOthers: 'no',
  maliciousSuspected: true,
  crossBorderImpact: false,
  personalDataBreach: true,
  gdprRisk: 'high',
  encryptedWithUncompromisedKeys: false,
};

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`incidents against the legal clocks on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let incidentId: string;
    const base = () => `/api/v1/organisations/${orgId}/incidents`;
    // Noticed two hours ago: every clock is running, none has passed.
    const noticedAt = new Date(Date.now() - 2 * 3600_000);
    const noticedIso = noticedAt.toISOString();

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      await admin.request('POST', `/api/v1/organisations/${orgId}/applicability/nis2`, {
        financialYear: 2025,
        check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 80, annualTurnoverEur: 6_000_000, balanceSheetTotalEur: 3_000_000 },
      });
    });
    afterAll(async () => t?.close());

    it('names each bad field of a report and stores nothing', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis Nachbar', 'admin@nachbar.example');
      const foreignLocation = ((await other.agent.request('GET', `/api/v1/organisations/${other.organisationId}/locations`)).json() as { id: string }[])[0]!.id;
      const res = await admin.request('POST', base(), { title: 'x', noticedAt: '2026-01-15T10:00:00', patientDataInvolved: 'ja' });
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .issues.map((i: { path: string[] }) => i.path[0])
          .sort(),
      ).toEqual(['noticedAt', 'patientDataInvolved', 'title']);
      expect(res.json().issues.find((i: { path: string[] }) => i.path[0] === 'noticedAt').code).toBe('datetime_with_offset');
      const foreign = await admin.request('POST', base(), {
        title: 'Fremder Standort',
        noticedAt: noticedIso,
        patientDataInvolved: false,
        locationIds: [foreignLocation],
      });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().issues[0].path).toEqual(['locationIds', 0]);
      expect((await admin.request('GET', base())).json()).toEqual({ items: [], total: 0, nextCursor: null });
    });

    it('reports an incident in one request; no BSIG clock until it is assessed', async () => {
      const locations = (await admin.request('GET', `/api/v1/organisations/${orgId}/locations`)).json() as { id: string }[];
      const res = await admin.request('POST', base(), {
        title: 'Verschlüsselte Dateien auf dem Empfangsrechner',
        description: 'Lösegeldforderung auf dem Bildschirm, Praxissoftware startet nicht.',
        noticedAt: noticedIso,
        locationIds: [locations[0]!.id],
        systems: 'Empfang-PC, Praxisverwaltungssystem',
        suspectedOrigin: 'ransomware',
        patientDataInvolved: true,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().number).toBe(1);
      incidentId = res.json().id;
      const incident = (await admin.request('GET', `${base()}/${incidentId}`)).json();
      expect(incident.significant).toBeNull();
      expect(incident.clocks.bsig).toBeNull();
      expect(incident.events.map((e: { kind: string }) => e.kind)).toEqual(['reported']);
    });

    it('starts the three BSIG clocks and the GDPR clock once the incident is assessed as significant', async () => {
      const res = await admin.request('PUT', `${base()}/${incidentId}/significance`, significant);
      expect(res.statusCode).toBe(200);
      expect(res.json().significant).toBe(true);
      const incident = (await admin.request('GET', `${base()}/${incidentId}`)).json();
      const hours = (iso: string) => (Date.parse(iso) - noticedAt.getTime()) / 3600_000;
      expect(hours(incident.clocks.bsig.earlyWarningDue)).toBe(24);
      expect(hours(incident.clocks.bsig.notificationDue)).toBe(72);
      expect(incident.clocks.bsig.finalReportProvisional).toBe(true);
      expect(incident.clocks.gdpr).toMatchObject({ art33Required: true, art34Required: true, documentationRequired: true });
      expect(hours(incident.clocks.gdpr.art33Due)).toBe(72);
      expect(incident.clocks.next).toMatchObject({ kind: 'early_warning', isOverdue: false });
      expect(incident.clocks.categoryAssumed).toBe(false);
    });

    it('moves to the next clock when a report is recorded as submitted', async () => {
      const early = await admin.request('POST', `${base()}/${incidentId}/submissions`, {
        kind: 'early_warning',
        submittedAt: new Date().toISOString(),
        reference: 'BSI-2026-0042',
      });
      expect(early.statusCode).toBe(201);
      let incident = (await admin.request('GET', `${base()}/${incidentId}`)).json();
      expect(incident.clocks.next.kind).toMatch(/^(notification|gdpr_art33)$/);
      expect(incident.submissions).toEqual([expect.objectContaining({ kind: 'early_warning', reference: 'BSI-2026-0042' })]);

      const submittedAt = new Date().toISOString();
      await admin.request('POST', `${base()}/${incidentId}/submissions`, { kind: 'notification', submittedAt });
      await admin.request('POST', `${base()}/${incidentId}/submissions`, { kind: 'gdpr_art33', submittedAt });
      incident = (await admin.request('GET', `${base()}/${incidentId}`)).json();
      // Still being handled: a progress report is due one month after the actual notification (§ 32 Abs. 2 BSIG).
      expect(incident.clocks.next.kind).toBe('progress_report');
      expect(incident.clocks.bsig.progressReportDue).not.toBeNull();
      expect(incident.clocks.bsig.finalReportDue).toBeNull();

      const done = await admin.request('PUT', `${base()}/${incidentId}/handling-completed`, { completedAt: new Date().toISOString() });
      expect(done.statusCode).toBe(200);
      incident = (await admin.request('GET', `${base()}/${incidentId}`)).json();
      expect(incident.clocks.bsig.finalReportProvisional).toBe(false);
      expect(incident.clocks.next.kind).toBe('final_report');
      const list = (await admin.request('GET', base())).json();
      expect(list.items[0]).toMatchObject({ number: 1, significant: true, next: { kind: 'final_report' } });
    });

    it('drafts each due report in German and English, as text, PDF and DOCX', async () => {
      const json = await admin.request('GET', `${base()}/${incidentId}/drafts/early_warning?locale=de`);
      expect(json.statusCode).toBe(200);
      expect(json.json().title).toContain('Frühe Erstmeldung');
      expect(json.json().text).toContain('Verdacht auf rechtswidrige oder böswillige Handlung: ja');
      expect(json.json().text).toContain('Verschlüsselte Dateien auf dem Empfangsrechner');
      const en = await admin.request('GET', `${base()}/${incidentId}/drafts/gdpr_art33?locale=en`);
      expect(en.json().title).toContain('Art. 33 GDPR');
      const pdf = await admin.request('GET', `${base()}/${incidentId}/drafts/early_warning/pdf?locale=de`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const docx = await admin.request('GET', `${base()}/${incidentId}/drafts/notification/docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      // The file is named in the language of the draft: German by default, English on request.
      expect(docx.headers['content-disposition']).toContain('praxisschild-vorfall-1-meldung.docx');
      const english = await admin.request('GET', `${base()}/${incidentId}/drafts/notification/docx?locale=en`);
      expect(english.headers['content-disposition']).toMatch(/filename="praxisschild-incident-1-[a-z-]+\.docx"/);
      expect((await admin.request('GET', `${base()}/${incidentId}/drafts/unknown`)).statusCode).toBe(404);
      // Both files say what the draft says.
      const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
      const words = (await docxParagraphs(docx.rawPayload)).body.join('\n');
      for (const expected of ['Frühe Erstmeldung nach § 32 Abs. 1 Nr. 1 BSIG', 'Verschlüsselte Dateien auf dem Empfangsrechner', 'Entwurf'])
        expect(text).toContain(expected);
      for (const expected of ['Meldung nach § 32 Abs. 1 Nr. 2 BSIG', 'Verschlüsselte Dateien auf dem Empfangsrechner', 'Kompromittierungsindikatoren (IoC)'])
        expect(words).toContain(expected);
    });

    it('drafts the letter to the patients concerned (Art. 34 DSGVO) in German and English, as text, PDF and DOCX', async () => {
      const url = `${base()}/${incidentId}/drafts/gdpr_art34`;
      const de = (await admin.request('GET', `${url}?locale=de`)).json();
      expect(de).toMatchObject({ kind: 'gdpr_art34', form: 'letter', due: null, recipient: 'Betroffene Patientinnen und Patienten' });
      expect(de.text).toContain('Sehr geehrte Patientin, sehr geehrter Patient,');
      expect(de.text).toContain('Empfang-PC, Praxisverwaltungssystem');
      // No DPO among the members and no registration data yet: the contact is a gap, said in the notes too.
      expect(de.text).toContain('an unser Praxisteam: [ergänzen]');
      expect(de.text).not.toContain('Lösegeldforderung');
      const pdf = await admin.request('GET', `${url}/pdf?locale=de`);
      expect(pdf.headers['content-disposition']).toBe('attachment; filename="praxisschild-vorfall-1-benachrichtigung-betroffene.pdf"');
      const pdfWords = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
      for (const expected of ['Information über einen Datenschutzvorfall in unserer Praxis', 'Erpressungstrojaner', 'Mit freundlichen Grüßen', 'Praxisleitung'])
        expect(pdfWords).toContain(expected);
      const docx = await admin.request('GET', `${url}/docx?locale=en`);
      expect(docx.headers['content-disposition']).toBe('attachment; filename="praxisschild-incident-1-notice-to-persons-concerned.docx"');
      const docxWords = (await docxParagraphs(docx.rawPayload)).body.join('\n');
      for (const expected of ['Dear patient,', 'so-called ransomware', 'Empfang-PC, Praxisverwaltungssystem', 'What you can do yourself', 'Kind regards'])
        expect(docxWords).toContain(expected);
    });

    it('offers no letter to persons concerned for an incident without personal data', async () => {
      const res = await admin.request('POST', base(), { title: 'Drucker im Wartezimmer ausgefallen', noticedAt: noticedIso, patientDataInvolved: false });
      const url = `${base()}/${res.json().id}/drafts/gdpr_art34`;
      for (const path of [url, `${url}/pdf`, `${url}/docx`]) {
        const refused = await admin.request('GET', path);
        expect(refused.statusCode).toBe(404);
        expect(refused.json().code).toBe('incident.draft_not_offered');
      }
      expect((await admin.request('GET', `${base()}/${res.json().id}/drafts/gdpr_art33`)).statusCode).toBe(200);
    });

    it('refuses a submission before the incident was noticed', async () => {
      const res = await admin.request('POST', `${base()}/${incidentId}/submissions`, {
        kind: 'final_report',
        submittedAt: new Date(noticedAt.getTime() - 60_000).toISOString(),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0].path).toEqual(['submittedAt']);
    });

    it('keeps the timeline and writes the audit trail', async () => {
      expect(
        (await admin.request('POST', `${base()}/${incidentId}/events`, { kind: 'measure', text: 'Netzwerkkabel des Empfangsrechners gezogen' })).statusCode,
      ).toBe(201);
      const incident = (await admin.request('GET', `${base()}/${incidentId}`)).json();
      expect(incident.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['reported', 'assessed', 'submitted', 'measure']));
      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=500`)).json().items as { action: string }[];
      expect(audit.map((e) => e.action)).toEqual(
        expect.arrayContaining(['incident.reported', 'incident.assessed', 'incident.report_submitted', 'incident.event_added']),
      );
    });

    it('treats a not significant incident without BSIG clocks', async () => {
      const created = await admin.request('POST', base(), {
        title: 'Phishing-Mail gemeldet, nicht geklickt',
        noticedAt: new Date().toISOString(),
        patientDataInvolved: false,
        suspectedOrigin: 'phishing',
      });
      const id = created.json().id;
      const res = await admin.request('PUT', `${base()}/${id}/significance`, {
        ...significant,
        severeDisruption: 'no',
        financialLoss: 'no',
        personalDataBreach: false,
        gdprRisk: 'none',
      });
      expect(res.json().significant).toBe(false);
      const incident = (await admin.request('GET', `${base()}/${id}`)).json();
      expect(incident.clocks.bsig).toBeNull();
      expect(incident.clocks.gdpr).toBeNull();
      expect(incident.clocks.next).toBeNull();
    });
  });
}
