import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the supplier register as XLSX and CSV on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const download = (query: string, cookie = admin.cookie) =>
      t.app.inject({ method: 'GET', url: `/api/v1/organisations/${orgId}/suppliers/export?${query}`, headers: { cookie } });

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      const base = `/api/v1/organisations/${orgId}/suppliers`;
      const cloud = await admin.request('POST', base, {
        name: 'Muster Cloud GmbH',
        services: 'Cloud-Backup',
        criticality: 'high',
        patientDataAccess: true,
        avvStatus: 'signed',
        avvSignedOn: '2026-01-15',
        cloudHealthData: true,
        c5Basis: 'attestation',
        c5Type: 'type2',
        c5ReportDate: '2026-05-20',
        c5ValidUntil: '2027-05-19',
      });
      expect(cloud.statusCode, cloud.body).toBe(201);
      expect((await admin.request('POST', base, { name: 'Reinigung Blitzblank', patientDataAccess: false })).statusCode).toBe(201);
    });
    afterAll(async () => t?.close());

    it('writes an XLSX with German titles, labels and real dates', async () => {
      const res = await download('format=xlsx');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/filename="Dienstleister-\d{4}-\d{2}-\d{2}\.xlsx"/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 3)).toEqual(['Name', 'Was der Dienstleister tut', 'Bedeutung für die Praxis']);
      const cloud = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(cloud[0]).toBe('Muster Cloud GmbH');
      expect(cloud[header.indexOf('Bedeutung für die Praxis')]).toBe('Hoch');
      expect(cloud[header.indexOf('AVV (Art. 28 DSGVO)')]).toBe('Unterschrieben');
      expect(cloud[header.indexOf('Art des C5-Testats')]).toBe('Typ 2 (Wirksamkeit)');
      expect((cloud[header.indexOf('C5 gültig bis')] as Date).toISOString().slice(0, 10)).toBe('2027-05-19');
      expect(sheet.rowCount).toBe(3);
    });

    it('writes the filtered part as CSV, in English on request, and refuses strangers and bad formats', async () => {
      const csv = (await download('format=csv&patientDataAccess=no')).rawPayload.toString('utf8').slice(1).split('\r\n').filter(Boolean);
      expect(csv).toHaveLength(2);
      expect(csv[1]).toMatch(/^Reinigung Blitzblank;;Mittel;Nein;/);
      const english = (await download('format=csv&locale=en')).rawPayload.toString('utf8').slice(1).split('\r\n');
      expect(english[0]).toMatch(/^Name,/);
      expect(english.find((l) => l.startsWith('Muster Cloud GmbH'))).toContain(',2027-05-19,');
      expect((await download('format=docx')).statusCode).toBe(400);
      const other = await createOrganisationWithAdmin(t, 'Praxis Fremd', 'admin@fremd.example');
      expect((await download('format=xlsx', other.agent.cookie)).statusCode).toBe(404);
    });
  });
}
