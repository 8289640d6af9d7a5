import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the asset register as XLSX and CSV on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let locationName: string;
    const url = (query: string) => `/api/v1/organisations/${orgId}/assets/export?${query}`;
    const download = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: url(query), headers: { cookie: admin.cookie } });
      return res;
    };

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      const location = (await admin.request('GET', `/api/v1/organisations/${orgId}/locations`)).json()[0];
      const locationId = location.id;
      locationName = location.name;
      const base = `/api/v1/organisations/${orgId}/assets`;
      const create = async (body: Record<string, unknown>) => expect((await admin.request('POST', base, body)).statusCode).toBe(201);
      await create({ name: 'Konnektor Empfang', kind: 'ti_connector', locationId, inventoryNumber: 'TI-01', supportEndsOn: '2027-03-31', adminMfa: true });
      await create({ name: 'Notebook Hausbesuche', kind: 'laptop', inventoryNumber: 'NB-07', encryptedAtRest: false, protectionNeed: 'very_high' });
      await create({ name: '=HYPERLINK("http://böse.example")', kind: 'other', notes: '@SUMME(A1)' });
    });
    afterAll(async () => t?.close());

    it('writes an XLSX with German titles and labels, real dates and no formulas', async () => {
      const res = await download('format=xlsx');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Geraete-und-Dienste-\d{4}-\d{2}-\d{2}\.xlsx"$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe('Geräte & Dienste');
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 4)).toEqual(['Inventarnummer', 'Bezeichnung', 'Art', 'Standort']);
      expect(sheet.rowCount).toBe(4);
      const rows = [2, 3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
      // Sorted by name: the formula-looking name first ('=' sorts before letters), then Konnektor, Notebook.
      const connector = rows.find((r) => r[1] === 'Konnektor Empfang')!;
      expect(connector[0]).toBe('TI-01');
      expect(connector[2]).toBe('TI-Konnektor/TI-Gateway');
      expect(connector[3]).toBe(locationName);
      const supportEnd = connector[header.indexOf('Supportende des Herstellers')];
      expect(supportEnd).toBeInstanceOf(Date);
      expect((supportEnd as Date).toISOString().slice(0, 10)).toBe('2027-03-31');
      expect(connector[header.indexOf('Admin-Zugang mit Zwei-Faktor-Anmeldung')]).toBe('Ja');
      const notebook = rows.find((r) => r[1] === 'Notebook Hausbesuche')!;
      expect(notebook[header.indexOf('Schutzbedarf')]).toBe('Sehr hoch');
      expect(notebook[header.indexOf('Daten verschlüsselt gespeichert')]).toBe('Nein');
      expect(notebook[header.indexOf('Admin-Zugang mit Zwei-Faktor-Anmeldung')]).toBeUndefined();
      // A text that looks like a formula stays a text cell.
      const formula = sheet.getRow(2).getCell(2);
      expect(formula.type).toBe(ExcelJS.ValueType.String);
      expect(formula.value).toBe('=HYPERLINK("http://böse.example")');
    });

    it('writes a CSV Excel reads: BOM, semicolons, German dates, formula starts defused; English on request', async () => {
      const res = await download('format=csv');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const bytes = res.rawPayload;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]!.split(';').slice(0, 3)).toEqual(['Inventarnummer', 'Bezeichnung', 'Art']);
      expect(lines.find((l) => l.startsWith('TI-01;'))).toContain(';31.03.2027;');
      expect(lines.find((l) => l.includes('HYPERLINK'))).toMatch(/^;"'=HYPERLINK\(""http:\/\/böse\.example""\)";/);
      expect(lines.find((l) => l.includes('HYPERLINK'))).toContain("'@SUMME(A1)");

      const english = (await download('format=csv&locale=en')).rawPayload.toString('utf8').slice(1).split('\r\n');
      expect(english[0]!.split(',').slice(0, 3)).toEqual(['Inventory number', 'Name', 'Kind']);
      expect(english.find((l) => l.startsWith('TI-01,'))).toContain(',2027-03-31,');
    });

    it('exports only what the filters select', async () => {
      const res = await download('format=csv&warning=encryption_missing');
      const lines = res.rawPayload.toString('utf8').slice(1).split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('Notebook Hausbesuche');
    });

    it('names a bad query field and answers a stranger with 404', async () => {
      const bad = await download('format=pdf');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0].path).toEqual(['format']);
      const other = await createOrganisationWithAdmin(t, 'Praxis Fremd', 'admin@fremd.example');
      const res = await t.app.inject({ method: 'GET', url: url('format=xlsx'), headers: { cookie: other.agent.cookie } });
      expect(res.statusCode).toBe(404);
    });
  });
}
