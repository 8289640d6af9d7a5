import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the risk register as XLSX and CSV on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const download = (query: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/organisations/${orgId}/risks/export?${query}`, headers: { cookie: admin.cookie } });

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      const base = `/api/v1/organisations/${orgId}/risks`;
      const ransomware = await admin.request('POST', `${base}/templates/RT-06/adopt`, { locale: 'de' });
      expect(ransomware.statusCode, ransomware.body).toBeLessThan(300);
      const small = await admin.request('POST', base, {
        title: 'Bildschirme im Behandlungsraum',
        likelihood: 2,
        impact: 2,
        treatment: 'accept',
        requirementIds: ['KBV-A1-19', 'KBV-A1-32'],
        reviewOn: '2027-03-31',
      });
      expect(small.statusCode, small.body).toBe(201);
    });
    afterAll(async () => t?.close());

    it('writes an XLSX, highest score first, with German titles, labels, the requirement list and real dates', async () => {
      const res = await download('format=xlsx');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/filename="Risiken-\d{4}-\d{2}-\d{2}\.xlsx"/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 2)).toEqual(['Nr.', 'Risiko']);
      const first = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(first[1]).toBe('Ransomware trifft auf eine Datensicherung, die nicht funktioniert');
      expect(first[header.indexOf('Risikowert')]).toBe(15);
      expect(first[header.indexOf('Behandlung')]).toBe('Verringern');
      const second = (sheet.getRow(3).values as unknown[]).slice(1);
      expect(second[header.indexOf('Anforderungen')]).toBe('KBV-A1-19; KBV-A1-32');
      expect(second[header.indexOf('Behandlung')]).toBe('Akzeptieren');
      expect((second[header.indexOf('Nächste Überprüfung')] as Date).toISOString().slice(0, 10)).toBe('2027-03-31');
    });

    it('exports only the filtered risks and in English on request; a bad filter is a 400 at the field', async () => {
      const csv = (await download('format=csv&locale=en&treatment=accept')).rawPayload.toString('utf8').slice(1).split('\r\n').filter(Boolean);
      expect(csv[0]).toMatch(/^No\.,Risk,/);
      expect(csv).toHaveLength(2);
      expect(csv[1]).toContain('Bildschirme im Behandlungsraum');
      expect(csv[1]).toContain(',Accept,');
      const bad = await download('format=csv&level=extreme');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0].path).toEqual(['level']);
    });
  });
}
