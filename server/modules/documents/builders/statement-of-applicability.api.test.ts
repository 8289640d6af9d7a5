import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../../domain/documents/document-model.ts';
import { kbvRequirements } from '../../../../domain/kbv/requirements.data.ts';
import { nis2Measures } from '../../../../domain/nis2/measures.data.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../../test/test-app.ts';
import { build, expectComplete, locales, renderBoth } from './builders.fixtures.ts';
import { buildStatementOfApplicability } from './statement-of-applicability.ts';

const tables = (blocks: { kind: string }[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the statement of applicability on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const status = (id: string, body: object) => admin.request('PUT', `/api/v1/organisations/${orgId}/requirements/${id}/status`, body);

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      const kbv = await admin.request('POST', `/api/v1/organisations/${orgId}/applicability/kbv`, {
        check: { personsHandlingData: 12, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true },
        targetObjects: { usesWindowsClients: false },
      });
      expect(kbv.statusCode, kbv.body).toBe(201);
      const nis2 = await admin.request('POST', `/api/v1/organisations/${orgId}/applicability/nis2`, {
        financialYear: 2025,
        check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 67.5, annualTurnoverEur: 8_000_000, balanceSheetTotalEur: 4_000_000 },
      });
      expect(nis2.statusCode, nis2.body).toBe(201);
      const north = ((await admin.request('GET', `/api/v1/organisations/${orgId}/locations`)).json() as { id: string; name: string }[]).find(
        (l) => l.name === 'Filiale Nord',
      )!.id;
      for (const [id, body] of [
        ['KBV-A1-01', { status: 'implemented', ownerUserId: admin.userId }],
        ['KBV-A1-01', { status: 'in_progress', locationId: north }],
        ['KBV-A1-18', { status: 'not_applicable', notApplicableReason: 'Die Rechner der Praxis haben weder Mikrofon noch Kamera.' }],
        ['KBV-A1-16', { status: 'in_progress', dueDate: '2025-01-31' }],
        ['BSIG-30-2-02', { status: 'implemented', ownerUserId: admin.userId }],
      ] as const) {
        expect((await status(id, body)).statusCode).toBe(200);
      }
    });
    afterAll(async () => t?.close());

    it.each(locales)('names every requirement with whether it applies, why, its status and owner, by annex (%s)', async (locale) => {
      const built = await build(t, orgId, buildStatementOfApplicability, locale);
      const rendered = await renderBoth(built, locale);
      const de = locale === 'de';
      expectComplete(rendered, [
        de ? 'Erklärung zur Anwendbarkeit' : 'Statement of applicability',
        '§ 390 SGB V',
        de ? 'Anlage 3: zusätzlich für Großpraxen' : 'Annex 3: in addition for large practices',
        de ? 'Anlage 3 gilt für diese Praxis nicht' : 'Annex 3 does not apply to this practice',
        de ? 'wichtige Einrichtung' : 'important entity',
        de ? 'Die Rechner der Praxis haben weder Mikrofon noch Kamera.' : 'Die Rechner der Praxis haben weder Mikrofon noch Kamera.',
        de ? 'an 1 von 2 Standorten erledigt' : 'done at 1 of 2 locations',
        de ? 'überfällig' : 'overdue',
        'Anna Admin',
        kbvRequirements.find((r) => r.id === 'KBV-A1-01')![de ? 'titleDe' : 'titleEn'],
        nis2Measures.find((m) => m.id === 'BSIG-30-2-02')![de ? 'titleDe' : 'titleEn'],
      ]);
      const groups = tables(built.blocks).filter((table) => table.columns.length === 6);
      // Five annexes and the § 30 measures: 92 + 10 requirements, each once.
      expect(groups).toHaveLength(6);
      expect(groups.flatMap((g) => g.rows)).toHaveLength(kbvRequirements.length + nis2Measures.length);
      const row = (groupIndex: number, number: number) => groups[groupIndex]!.rows.find((r) => r[0] === (de ? `Nr. ${number}` : `No. ${number}`))!;
      const yes = de ? 'Ja' : 'Yes';
      const no = de ? 'Nein' : 'No';
      expect(row(0, 1)).toEqual([
        expect.any(String),
        expect.any(String),
        yes,
        expect.any(String),
        de ? 'in Arbeit\nan 1 von 2 Standorten erledigt' : 'in progress\ndone at 1 of 2 locations',
        'Anna Admin',
      ]);
      expect(row(0, 18)![3]).toContain(de ? 'Von der Praxis als nicht anwendbar festgelegt' : 'Declared not applicable by the practice');
      expect(row(0, 16)![4]).toBe(de ? 'in Arbeit\nüberfällig' : 'in progress\noverdue');
      expect(groups[2]!.rows.every((r) => r[2] === no && r[4] === '–')).toBe(true);
      expect(groups[5]!.rows.every((r) => r[2] === yes)).toBe(true);
      expect(built.blocks).toContainEqual({ kind: 'fields', rows: expect.arrayContaining([{ label: expect.any(String), value: '1, 2, 5' }]) });
    });
  });
}
