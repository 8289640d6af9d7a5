import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListBlock, SignatureBlock, TableBlock } from '../../../../domain/documents/document-model.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../../test/test-app.ts';
import { build, expectComplete, renderBoth } from './builders.fixtures.ts';
import { buildManagementReport } from './management-report.ts';

/** The report speaks for the quarter of this moment: 20 May 2026 is in the second quarter. */
const NOW = new Date('2026-05-20T08:00:00Z');

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the quarterly management report on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const api = (method: string, path: string, body?: object) => admin.request(method, `/api/v1/organisations/${orgId}${path}`, body);
    const run = (query: ReturnType<typeof sql>) => t.ctx.db.execute(query);

    /** What the API cannot write for a moment in the past (incidents and trainings dated before "now"), in SQL. */
    async function seedHistory() {
      const person = async (name: string, role: string) => {
        const id = randomUUID();
        await run(sql`insert into people (organisation_id, id, name, role) values (${orgId}, ${id}, ${name}, ${role})`);
        return id;
      };
      const mara = await person('Mara Schulz', 'medical_assistant');
      const lena = await person('Lena Koch', 'medical_assistant');
      await person('Tim Berg', 'administration');
      const weiss = await person('Dr. Jörg Weiß', 'management');
      const roth = await person('Dr. Anna Roth', 'management');
      for (const [director, heldOn] of [
        [weiss, '2024-09-01'],
        [roth, '2026-01-15'],
      ]) {
        await run(sql`insert into management_trainings (organisation_id, id, person_id, held_on, agenda, provider)
          values (${orgId}, ${randomUUID()}, ${director}, ${heldOn}::date, 'NIS2-Pflichten der Geschäftsleitung', 'Kammer')`);
      }
      const course = randomUUID();
      const session = randomUUID();
      await run(sql`insert into training_courses (organisation_id, id, title, topic, duration_minutes, recurrence_months, mandatory)
        values (${orgId}, ${course}, 'Phishing erkennen', 'phishing', 45, 12, true)`);
      await run(sql`insert into training_sessions (organisation_id, id, course_id, held_on) values (${orgId}, ${session}, ${course}, '2026-02-01')`);
      for (const attendee of [mara, lena]) {
        await run(sql`insert into training_attendance (organisation_id, id, session_id, person_id, person_role, status, confirmation_method)
          values (${orgId}, ${randomUUID()}, ${session}, ${attendee}, 'medical_assistant', 'attended', 'list')`);
      }
      const incident = (number: number, title: string, noticedAt: string, significant: boolean | null, completedAt: string | null) =>
        run(sql`insert into incidents (organisation_id, id, number, title, noticed_at, suspected_origin, patient_data_involved, significant, handling_completed_at)
          values (${orgId}, ${randomUUID()}, ${number}, ${title}, ${noticedAt}::timestamptz, 'phishing', false, ${significant}, ${completedAt}::timestamptz)`);
      await incident(1, 'Alter Vorfall aus dem Januar', '2026-01-10T09:00:00Z', false, '2026-01-12T09:00:00Z');
      await incident(2, 'Verschlüsselte Dateien auf dem Server', '2026-03-20T09:00:00Z', null, null);
      await incident(3, 'Phishing-Mail geöffnet', '2026-04-10T08:00:00Z', true, null);
      await incident(4, 'Notebook im Zug vergessen', '2026-05-02T15:00:00Z', false, '2026-05-05T10:00:00Z');
      // Twelve overdue tasks (the report lists ten), one done and one not yet due.
      await run(sql`insert into tasks (organisation_id, id, title, owner_user_id, due_on, status)
        select ${orgId}::uuid, gen_random_uuid(), 'Überfällige Aufgabe ' || lpad(n::text, 2, '0'), ${admin.userId}::uuid, '2026-04-01'::date + n, 'open'
          from generate_series(1, 12) n`);
      await run(sql`insert into tasks (organisation_id, id, title, due_on, status, done_at) values
        (${orgId}, ${randomUUID()}, 'Erledigte Aufgabe', '2026-04-01', 'done', '2026-04-02T10:00:00Z'),
        (${orgId}, ${randomUUID()}, 'Künftige Aufgabe', '2026-06-30', 'open', null)`);
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      // The checks first: a staff figure that departs from a filled people register would need a reason.
      expect(
        (
          await api('POST', '/applicability/kbv', {
            check: { personsHandlingData: 12, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true },
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await api('POST', '/applicability/nis2', {
            financialYear: 2025,
            check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 67.5, annualTurnoverEur: 8_000_000, balanceSheetTotalEur: 4_000_000 },
          })
        ).statusCode,
      ).toBe(201);
      expect((await api('PUT', '/requirements/KBV-A1-01/status', { status: 'implemented' })).statusCode).toBe(200);
      expect((await api('PUT', '/requirements/KBV-A1-16/status', { status: 'in_progress', dueDate: '2026-03-31' })).statusCode).toBe(200);
      expect((await api('PUT', '/requirements/BSIG-30-2-02/status', { status: 'implemented' })).statusCode).toBe(200);
      for (const risk of [
        { title: 'Ransomware legt die Praxis lahm', owner: 'Dr. Weber', likelihood: 4, impact: 5, reviewOn: '2026-04-30' },
        { title: 'Ausfall des TI-Konnektors', likelihood: 3, impact: 4, treatment: 'accept' },
        { title: 'Verlust eines USB-Sticks', likelihood: 2, impact: 2 },
      ]) {
        expect((await api('POST', '/risks', risk)).statusCode).toBe(201);
      }
      const accepted = ((await api('GET', '/risks?limit=50')).json().items as { id: string; title: string; revision: number }[]).find(
        (r) => r.title === 'Ausfall des TI-Konnektors',
      )!;
      expect((await api('POST', `/risks/${accepted.id}/acceptance`, { revision: accepted.revision })).statusCode).toBe(200);
      const supplier = { name: 'Praxis-IT GmbH', patientDataAccess: true, avvStatus: 'requested', nextReviewOn: '2026-05-01' };
      expect((await api('POST', '/suppliers', supplier)).statusCode).toBe(201);
      await seedHistory();
    });
    afterAll(async () => t?.close());

    it('opens with what management must decide, derived from the data, in German', async () => {
      const built = await build(t, orgId, buildManagementReport, 'de', NOW);
      const decisions = built.blocks.find((b): b is ListBlock => b.kind === 'list')!.items;
      expect(decisions).toEqual([
        // Early warning (24 h), notification (72 h) and, with handling still going on after a month, the progress report.
        expect.stringMatching(/^3 Meldungen zu Sicherheitsvorfällen sind überfällig/),
        expect.stringMatching(/^Die Registrierung beim BSI war bis 06\.03\.2026 fällig/),
        expect.stringMatching(/^1 Risiko liegt über der Akzeptanzlinie \(9\)/),
        expect.stringContaining('abgelaufen bei: Dr. Jörg Weiß.'),
        expect.stringContaining('noch nicht gebilligt (§ 38 Abs. 1 BSIG) von: Dr. Anna Roth, Dr. Jörg Weiß.'),
        expect.stringMatching(/^1 Dienstleister erreicht Patientendaten ohne Auftragsverarbeitungsvertrag/),
        expect.stringMatching(/^3 aktive Beschäftigte sind nicht oder nicht mehr geschult/),
        expect.stringMatching(/^12 Aufgaben sind überfällig/),
      ]);
      const rendered = await renderBoth(built, 'de');
      expectComplete(rendered, [
        'Quartalsbericht an die Geschäftsleitung',
        '§ 38 Abs. 1 BSIG',
        '2. Quartal 2026 (01.04.2026 – 30.06.2026)',
        'wichtige Einrichtung',
        'Überfällig seit 06.03.2026',
        'Ransomware legt die Praxis lahm',
        '20 (sehr hoch)',
        'Phishing-Mail geöffnet',
        'Verschlüsselte Dateien auf dem Server',
        'Notebook im Zug vergessen',
        'Abgeschlossen am 05.05.2026',
        '2 von 5 aktiven Beschäftigten (40 %)',
        'Phishing erkennen',
        'Überfällige Aufgaben: 12',
        'Überfällige Aufgabe 01',
        'Gezeigt sind die 10 ersten von 12',
        'KBV Anlage 1 Nr. 16',
        'Überprüfung eines Risikos',
        'Praxis-IT GmbH',
        'Frühe Erstmeldung an das BSI',
        'Fortschrittsmeldung an das BSI',
        'Abgelaufen am 01.09.2025',
        'Gültig bis 15.01.2027',
        'Noch nicht gebilligt',
      ]);
      for (const absent of ['Alter Vorfall aus dem Januar', 'Ausfall des TI-Konnektors', 'Verlust eines USB-Sticks', 'Erledigte Aufgabe', 'Künftige Aufgabe']) {
        expect(rendered.pdfText).not.toContain(absent);
      }
      const signature = built.blocks.find((b): b is SignatureBlock => b.kind === 'signature')!;
      expect(signature.rows.map((r) => r.name)).toEqual(['Dr. Anna Roth', 'Dr. Jörg Weiß']);
      const progress = built.blocks.find((b): b is TableBlock => b.kind === 'table')!;
      // Medium practice: Anlagen 1, 2 and 5 apply (69 requirements), one implemented; the ten § 30 measures, one implemented.
      expect(progress.rows).toEqual([
        ['KBV-IT-Sicherheitsrichtlinie (§ 390 SGB V)', '69', '1', '1', '67', '1 %'],
        ['Maßnahmen nach § 30 Abs. 2 BSIG', '10', '1', '0', '9', '10 %'],
      ]);
    });

    it('says the same in English, with nothing left unfinished', async () => {
      const rendered = await renderBoth(await build(t, orgId, buildManagementReport, 'en', NOW), 'en');
      expectComplete(rendered, [
        'Quarterly report to management',
        'Q2 2026 (1 Apr 2026 – 30 Jun 2026)',
        'What management must decide',
        '1 risk lies above the acceptance line (9)',
        '2 of 5 active staff (40 %)',
        'Early warning to the BSI',
        'Lapsed on 1 Sept 2025',
      ]);
    });

    it('has nothing to decide for an organisation without open items', async () => {
      const fresh = await startTestApp(engine);
      try {
        const { organisationId } = await runFirstSetup(fresh.app);
        const built = await build(fresh, organisationId, buildManagementReport, 'de', NOW);
        const rendered = await renderBoth(built, 'de');
        // Without a NIS2 check or directors the report says so; nothing else is open.
        expect(built.blocks.find((b): b is ListBlock => b.kind === 'list')!.items).toEqual([
          expect.stringMatching(/^Im Personalverzeichnis ist niemand/),
          expect.stringMatching(/^Die Betroffenheit nach § 28 BSIG ist nicht geprüft/),
        ]);
        expectComplete(rendered, [
          'Kein offenes Risiko über der Akzeptanzlinie (9); erfasst sind 0 Risiken.',
          'Hängt von der Einstufung ab',
          'Keine überfälligen Aufgaben.',
          'Keine Geschäftsleitung im Personalverzeichnis erfasst.',
        ]);
      } finally {
        await fresh.close();
      }
    });
  });
}
