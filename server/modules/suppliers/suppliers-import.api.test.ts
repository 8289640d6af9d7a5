import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { samplePdf, upload } from '../../test/files.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

/** A multipart body with the file and, when given, the mapping field (as the client sends it). */
function body(fileName: string, content: Buffer, mapping?: Record<number, string | null>) {
  const boundary = `----importkit${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (mapping) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${JSON.stringify(mapping)}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dienstleister');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const germanHeader = ['Name', 'Bedeutung für die Praxis', 'Zugriff auf Patientendaten', 'AVV (Art. 28 DSGVO)', 'Datum des Testatberichts', 'C5 gültig bis'];

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`importing the supplier register on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const base = () => `/api/v1/organisations/${orgId}/suppliers`;
    const send = async (agent: Agent, url: string, fileName: string, content: Buffer) => {
      const b = body(fileName, content);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': b.contentType },
        payload: b.payload,
      });
    };
    const post = (path: 'import' | 'import/preview', fileName: string, content: Buffer) => send(admin, `${base()}/${path}`, fileName, content);
    const list = async () => (await admin.request('GET', `${base()}?limit=100`)).json().items as Record<string, unknown>[];
    const clear = async () => {
      for (const supplier of await list()) await admin.request('DELETE', `${base()}/${supplier.id}`);
    };

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());
    beforeEach(clear);

    it('previews and imports an XLSX with German titles; a re-import by name in any case updates and keeps the AVV file and assets', async () => {
      const file = await workbook([
        germanHeader,
        ['Praxis-IT Müller GmbH', 'Hoch', 'ja', 'Unterschrieben', '', ''],
        ['Cloud-Backup AG', 'Kritisch', 'Ja', 'Fehlt', new Date(Date.UTC(2026, 1, 15)), '14.02.2027'],
      ]);
      const preview = await post('import/preview', 'dienstleister.xlsx', file);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({
        columns: germanHeader,
        mapping: { 0: 'name', 1: 'criticality', 2: 'patientDataAccess', 3: 'avvStatus', 4: 'c5ReportDate', 5: 'c5ValidUntil' },
        counts: { rows: 2, create: 2, update: 0, error: 0 },
      });
      expect(await list()).toEqual([]);

      const res = await post('import', 'dienstleister.xlsx', file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ created: 2, updated: 0 });
      const suppliers = await list();
      const it = suppliers.find((s) => s.name === 'Praxis-IT Müller GmbH')!;
      expect(it).toMatchObject({ criticality: 'high', patientDataAccess: true, avvStatus: 'signed' });
      expect(suppliers.find((s) => s.name === 'Cloud-Backup AG')).toMatchObject({
        criticality: 'critical',
        avvStatus: 'missing',
        c5ReportDate: '2026-02-15',
        c5ValidUntil: '2027-02-14',
      });

      // The AVV file and a linked asset: not in the sheet, so a re-import keeps them.
      const evidence = await upload(admin, t, `/api/v1/organisations/${orgId}/requirements/KBV-A1-04/evidence`, 'AVV.pdf', samplePdf);
      const avvEvidenceId = evidence.json().id as string;
      const withFile = await admin.request('PUT', `${base()}/${it.id}`, {
        name: it.name,
        criticality: 'high',
        patientDataAccess: true,
        avvStatus: 'signed',
        notes: 'Vertrag im Ordner',
        avvEvidenceId,
        revision: 1,
      });
      expect(withFile.statusCode, withFile.body).toBe(200);
      const asset = (await admin.request('POST', `/api/v1/organisations/${orgId}/assets`, { name: 'Server', kind: 'server' })).json() as { id: string };
      expect((await admin.request('PUT', `${base()}/${it.id}/assets`, { assetIds: [asset.id] })).statusCode).toBe(200);

      const again = await workbook([
        ['Name', 'Was der Dienstleister tut'],
        ['PRAXIS-IT müller gmbh', 'Fernwartung'],
        ['Labor Nord', 'Laborbefunde'],
      ]);
      expect((await post('import/preview', 'neu.xlsx', again)).json().counts).toEqual({ rows: 2, create: 1, update: 1, error: 0 });
      expect((await post('import', 'neu.xlsx', again)).json()).toEqual({ created: 1, updated: 1 });
      expect(await list()).toHaveLength(3);
      const detail = (await admin.request('GET', `${base()}/${it.id}`)).json();
      expect(detail).toMatchObject({
        name: 'PRAXIS-IT müller gmbh',
        services: 'Fernwartung',
        criticality: 'high',
        patientDataAccess: true,
        avvStatus: 'signed',
        notes: 'Vertrag im Ordner',
        avvEvidenceId,
        revision: 3,
      });
      expect(detail.assets.map((a: { id: string }) => a.id)).toEqual([asset.id]);
      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?action=register.imported`)).json();
      expect(audit.items).toHaveLength(2);
      expect(audit.items[0]).toMatchObject({ entityType: 'supplier', data: { register: 'suppliers', created: 1, updated: 1 } });
    });

    it('reads a CSV with English titles and labels', async () => {
      const csv = Buffer.from(
        '\ufeffName;Importance for the practice;Access to patient data;DPA (Art. 28 GDPR);Email\r\nLab North;Medium;no;Not required (reason in the notes);lab@example.org\r\n',
        'utf8',
      );
      const res = await post('import', 'suppliers.csv', csv);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ created: 1, updated: 0 });
      expect((await list())[0]).toMatchObject({
        name: 'Lab North',
        criticality: 'medium',
        patientDataAccess: false,
        avvStatus: 'not_required',
        contactEmail: 'lab@example.org',
      });
    });

    it('reports bad rows at row and column and writes nothing', async () => {
      const audited = async () => (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?action=register.imported`)).json().items.length as number;
      const auditedBefore = await audited();
      const file = await workbook([
        germanHeader,
        ['Gut GmbH', 'Hoch', 'ja', '', '', ''],
        ['C5 verkehrt', 'Hoch', 'ja', '', '15.02.2026', '01.01.2026'],
        ['Unbekannt', 'Riesig', 'ja', '', '', ''],
        ['gut gmbh', 'Gering', '', '', '', ''],
      ]);
      const preview = (await post('import/preview', 'fehler.xlsx', file)).json();
      expect(preview.counts).toEqual({ rows: 4, create: 1, update: 0, error: 3 });
      expect(preview.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'error', 'error', 'error']);
      expect(preview.rows[1]).toMatchObject({ row: 3, errors: [{ column: 5, field: 'c5ValidUntil', code: 'supplier.c5_valid_before_report' }] });
      expect(preview.rows[2].errors).toEqual([{ column: 1, field: 'criticality', code: 'sheet.enum_invalid' }]);
      expect(preview.rows[3].errors).toEqual([{ column: 0, field: 'name', code: 'sheet.duplicate_key' }]);

      const res = await post('import', 'fehler.xlsx', file);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('sheet.rows_invalid');
      expect(res.json().issues).toContainEqual({ path: [3, 'c5ValidUntil'], code: 'supplier.c5_valid_before_report', message: 'column 5' });
      expect(await list()).toEqual([]);
      expect(await audited()).toBe(auditedBefore);
    });

    it('offers a template whose example row imports as it is', async () => {
      for (const format of ['xlsx', 'csv'] as const) {
        const res = await t.app.inject({ method: 'GET', url: `${base()}/import/template?format=${format}&locale=de`, headers: { cookie: admin.cookie } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toMatch(new RegExp(`\\.${format}"$`));
        const preview = (await post('import/preview', `vorlage.${format}`, res.rawPayload)).json();
        expect(preview.counts).toEqual({ rows: 1, create: 1, update: 0, error: 0 });
        expect(Object.values(preview.mapping).filter(Boolean)).toHaveLength(22);
      }
    });

    it('answers another organisation with 404 and writes nothing there', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      const csv = Buffer.from('Name\nEingeschleust\n');
      for (const path of ['import/preview', 'import']) {
        const res = await send(other.agent, `${base()}/${path}`, 'x.csv', csv);
        expect(res.statusCode, res.body).toBe(404);
      }
      expect(await list()).toEqual([]);
    });
  });
}
