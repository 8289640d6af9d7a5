import { deflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connect.ts';
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

async function workbook(rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Geräte');
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * A ZIP with one entry whose deflated content is 60 MB of zeros: small on the wire, a bomb when unpacked. `announced`
 * is the size its headers claim: the truth, or a lie that a check of the directory alone would believe.
 */
function zipBomb(announced = 60 * 1024 * 1024): Buffer {
  const data = deflateRawSync(Buffer.alloc(60 * 1024 * 1024));
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(announced, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(announced, 24);
  central.writeUInt16LE(name.length, 28);
  const directoryOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

const germanHeader = [
  'Inventarnummer',
  'Bezeichnung',
  'Art',
  'Standort',
  'Supportende des Herstellers',
  'Admin-Zugang mit Zwei-Faktor-Anmeldung',
  'Schutzbedarf',
];

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`importing the asset register on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let locationName: string;
    const base = () => `/api/v1/organisations/${orgId}/assets`;
    const post = async (path: 'import' | 'import/preview', fileName: string, content: Buffer, mapping?: Record<number, string | null>) => {
      const b = body(fileName, content, mapping);
      return t.app.inject({
        method: 'POST',
        url: `${base()}/${path}`,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': b.contentType },
        payload: b.payload,
      });
    };
    const list = async () => (await admin.request('GET', `${base()}?limit=100`)).json().items as Record<string, unknown>[];
    const clear = async () => {
      for (const asset of await list()) await admin.request('DELETE', `${base()}/${asset.id}`);
      // Each test starts without a remembered mapping (a committed import remembers its titles).
      await t.ctx.db.execute(sql`delete from import_mappings`);
    };
    /** A refused file: a 400 with the code, and the register exactly as before. */
    const refused = async (fileName: string, content: Buffer, code: string) => {
      const before = await list();
      for (const path of ['import/preview', 'import'] as const) {
        const res = await post(path, fileName, content);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().code).toBe(code);
      }
      expect(await list()).toEqual(before);
    };

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      locationName = (await admin.request('GET', `/api/v1/organisations/${orgId}/locations`)).json()[0].name;
    });
    afterAll(async () => t?.close());
    beforeEach(clear);

    it('previews and imports an XLSX with German titles; a re-import updates instead of duplicating', async () => {
      const file = await workbook([
        germanHeader,
        ['PC-01', 'PC Empfang', 'Arbeitsplatz-PC', locationName, new Date(Date.UTC(2031, 9, 14)), 'ja', 'Hoch'],
        ['NB-02', 'Notebook', 'laptop', '', '31.12.26', 'Nein', ''],
      ]);
      const preview = await post('import/preview', 'geraete.xlsx', file);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({
        columns: germanHeader,
        mapping: { 0: 'inventoryNumber', 1: 'name', 2: 'kind', 3: 'location', 4: 'supportEndsOn', 5: 'adminMfa', 6: 'protectionNeed' },
        rows: [
          { row: 2, action: 'create', errors: [] },
          { row: 3, action: 'create', errors: [] },
        ],
        counts: { rows: 2, create: 2, update: 0, error: 0 },
      });
      expect(await list()).toEqual([]);

      const res = await post('import', 'geraete.xlsx', file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ created: 2, updated: 0 });
      const assets = await list();
      const pc = assets.find((a) => a.inventoryNumber === 'PC-01')!;
      expect(pc).toMatchObject({ name: 'PC Empfang', kind: 'workstation', supportEndsOn: '2031-10-14', adminMfa: true, protectionNeed: 'high' });
      expect(pc.locationId).toBeTruthy();
      expect(assets.find((a) => a.inventoryNumber === 'NB-02')).toMatchObject({
        kind: 'laptop',
        supportEndsOn: '2026-12-31',
        adminMfa: false,
        protectionNeed: 'normal',
      });

      // The same numbers again (other case): updated, not added; an unmapped column keeps its value.
      const again = await workbook([
        ['Inventarnummer', 'Bezeichnung', 'Art'],
        ['pc-01', 'PC Anmeldung', 'workstation'],
        ['NB-03', 'Notebook 3', 'laptop'],
      ]);
      expect((await post('import/preview', 'neu.xlsx', again)).json().counts).toEqual({ rows: 2, create: 1, update: 1, error: 0 });
      expect((await post('import', 'neu.xlsx', again)).json()).toEqual({ created: 1, updated: 1 });
      const after = await list();
      expect(after).toHaveLength(3);
      expect(after.find((a) => a.id === pc.id)).toMatchObject({
        name: 'PC Anmeldung',
        inventoryNumber: 'pc-01',
        revision: 2,
        adminMfa: true,
        supportEndsOn: '2031-10-14',
      });
      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?action=register.imported`)).json();
      expect(audit.items).toHaveLength(2);
      expect(audit.items[0].data).toMatchObject({ register: 'assets', created: 1, updated: 1 });
    });

    it('reads a UTF-8 CSV with ; and English titles, and a Windows-1252 CSV with ,', async () => {
      const utf8 = Buffer.from(
        "\ufeffInventory number;Name;Kind;Notes\r\nK-1;Kartenterminal Empfang;Card terminal;'=1+1\r\nK-2;Konnektor;ti_connector;Prüfung läuft\r\n",
        'utf8',
      );
      expect((await post('import', 'terminals.csv', utf8)).json()).toEqual({ created: 2, updated: 0 });
      const [k1, k2] = (await list()).sort((a, b) => String(a.inventoryNumber).localeCompare(String(b.inventoryNumber)));
      expect(k1).toMatchObject({ kind: 'card_terminal', notes: '=1+1' });
      expect(k2).toMatchObject({ kind: 'ti_connector', notes: 'Prüfung läuft' });

      const latin = Buffer.from('Inventarnr.,Gerät,Typ,Bemerkung\r\nD-1,Drucker Büro,Drucker/Scanner,"Größe A4, Farbe"\r\n', 'latin1');
      const res = await post('import', 'drucker.csv', latin);
      expect(res.statusCode, res.body).toBe(200);
      expect((await list()).find((a) => a.inventoryNumber === 'D-1')).toMatchObject({ name: 'Drucker Büro', kind: 'printer', notes: 'Größe A4, Farbe' });
    });

    it('takes a formula cell as its cached result and never evaluates it', async () => {
      const file = await workbook(
        [
          ['Inventarnummer', 'Bezeichnung', 'Art', 'Bemerkungen'],
          ['F-1', 'Formel', 'other', null],
          ['F-2', 'Ohne Ergebnis', 'other', null],
        ],
        (sheet) => {
          sheet.getCell('D2').value = { formula: '1+1', result: 2 };
          sheet.getCell('D3').value = { formula: 'HYPERLINK("http://example.com")' } as ExcelJS.CellFormulaValue;
        },
      );
      expect((await post('import', 'formeln.xlsx', file)).json()).toEqual({ created: 2, updated: 0 });
      const assets = await list();
      expect(assets.find((a) => a.inventoryNumber === 'F-1')!.notes).toBe('2');
      expect(assets.find((a) => a.inventoryNumber === 'F-2')!.notes).toBe('');
    });

    it('reports bad rows at row and column and writes nothing', async () => {
      const file = await workbook([
        germanHeader,
        ['A-1', 'Gut', 'server', '', '', '', ''],
        ['A-2', 'Schlechtes Datum', 'server', '', '32.13.2026', '', ''],
        ['a-1', 'Doppelt', 'server', '', '', '', ''],
        ['A-4', 'Unbekannter Ort', 'Toaster', 'Mondbasis', '', 'vielleicht', ''],
        ['A-5', '', 'server', '', '', '', ''],
      ]);
      const preview = (await post('import/preview', 'fehler.xlsx', file)).json();
      expect(preview.counts).toEqual({ rows: 5, create: 1, update: 0, error: 4 });
      expect(preview.rows[1]).toMatchObject({ row: 3, errors: [{ column: 4, field: 'supportEndsOn', code: 'sheet.date_invalid' }] });
      expect(preview.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'error', 'error', 'error', 'error']);
      expect(preview.rows[2].errors).toEqual([{ column: 0, field: 'inventoryNumber', code: 'sheet.duplicate_key' }]);
      expect(preview.rows[3].errors).toEqual(
        expect.arrayContaining([
          { column: 2, field: 'kind', code: 'sheet.enum_invalid' },
          { column: 5, field: 'adminMfa', code: 'sheet.boolean_invalid' },
          { column: 3, field: 'location', code: 'asset.location_unknown' },
        ]),
      );
      expect(preview.rows[4].errors).toEqual([{ column: 1, field: 'name', code: 'too_small' }]);

      const res = await post('import', 'fehler.xlsx', file);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('sheet.rows_invalid');
      expect(res.json().issues).toContainEqual({ path: [3, 'supportEndsOn'], code: 'sheet.date_invalid', message: 'column 4' });
      expect(await list()).toEqual([]);
    });

    it('uses the mapping the client chose', async () => {
      const csv = Buffer.from('Nr;Was;Kategorie;Egal\nX-1;Router;network;weg\n');
      const preview = (await post('import/preview', 'x.csv', csv)).json();
      expect(preview.mapping).toEqual({ 0: null, 1: null, 2: null, 3: null });
      expect(preview.rows[0].errors).toContainEqual({ column: null, field: 'name', code: 'sheet.column_missing' });
      const mapping = { 0: 'inventoryNumber', 1: 'name', 2: 'kind', 3: null };
      expect((await post('import/preview', 'x.csv', csv, mapping)).json().counts).toMatchObject({ create: 1, error: 0 });
      expect((await post('import', 'x.csv', csv, mapping)).json()).toEqual({ created: 1, updated: 0 });
      expect((await post('import', 'x.csv', csv, { 0: 'name', 1: 'name' })).json().code).toBe('sheet.mapping_invalid');
    });

    it('remembers the mapping of a committed import on the server, for this organisation only', async () => {
      const csv = Buffer.from('Etikett Nr.;Ding;Sorte;Hinweis Technik;Bezeichnung\nR-1;Router Keller;network;alt;ignoriert\n');
      // "Bezeichnung" would be the name by its title; the person maps it away and takes "Ding" instead.
      const mapping = { 0: 'inventoryNumber', 1: 'name', 2: 'kind', 3: 'notes', 4: null };
      expect((await post('import/preview', 'keller.csv', csv)).json().mapping).toEqual({ 0: null, 1: null, 2: null, 3: null, 4: 'name' });
      // A preview alone remembers nothing.
      await post('import/preview', 'keller.csv', csv, mapping);
      expect((await post('import/preview', 'keller.csv', csv)).json().mapping).toEqual({ 0: null, 1: null, 2: null, 3: null, 4: 'name' });
      expect((await post('import', 'keller.csv', csv, mapping)).json()).toEqual({ created: 1, updated: 0 });

      // The next file with these titles (in any case and spacing, in another order, beside new ones) comes back mapped.
      const next = Buffer.from('sorte;ETIKETTNR.;Standort;Ding ;Bezeichnung\nnetwork;R-1;;Router Keller;x\n');
      const preview = (await post('import/preview', 'keller2.csv', next)).json();
      expect(preview.mapping).toEqual({ 0: 'kind', 1: 'inventoryNumber', 2: 'location', 3: 'name', 4: null });
      expect(preview.counts).toMatchObject({ update: 1, error: 0 });
      // Committing without a mapping uses the same one the preview showed.
      expect((await post('import', 'keller2.csv', next)).json()).toEqual({ created: 0, updated: 1 });
      // An explicit mapping still wins over the remembered one.
      expect((await post('import/preview', 'keller2.csv', next, { 3: null, 4: 'name' })).json().mapping).toMatchObject({ 3: null, 4: 'name' });

      // Another organisation sees only the automatic matching, and reads nothing of ours from the table.
      const other = await createOrganisationWithAdmin(t, `Praxis Andere ${engine}`, `andere-import-${engine}@example.org`);
      const b = body('keller.csv', csv);
      const theirs = await t.app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${other.organisationId}/assets/import/preview`,
        headers: { cookie: other.agent.cookie, 'x-csrf-token': other.agent.csrf, 'content-type': b.contentType },
        payload: b.payload,
      });
      expect(theirs.statusCode, theirs.body).toBe(200);
      expect(theirs.json().mapping).toEqual({ 0: null, 1: null, 2: null, 3: null, 4: 'name' });
      const stored = await queryRows<{ organisation_id: string; register: string; mapping: Record<string, string | null> }>(
        t.ctx.db,
        sql`select organisation_id, register, mapping from import_mappings where register = 'assets'`,
      );
      expect(stored.map((r) => r.organisation_id)).toEqual([orgId]);
      expect(stored[0]!.mapping).toEqual({
        'ETIKETTNR.': 'inventoryNumber',
        Ding: 'name',
        sorte: 'kind',
        'Hinweis Technik': 'notes',
        Standort: 'location',
        Bezeichnung: null,
      });
    });

    it('remembers titles within limits and survives two imports committing at once', async () => {
      const long = 'L'.repeat(201);
      const titles = ['Inventarnummer', 'Bezeichnung', 'Art', long, ...Array.from({ length: 250 }, (_, i) => `Spalte ${i}`)];
      const csv = Buffer.from(`${titles.join(';')}\nW-1;Waage;other\n`);
      const first = await post('import', 'breit.csv', csv);
      expect(first.statusCode, first.body).toBe(200);
      const [row] = await queryRows<{ mapping: Record<string, string | null> }>(
        t.ctx.db,
        sql`select mapping from import_mappings where organisation_id = ${orgId} and register = 'assets'`,
      );
      const remembered = Object.keys(row!.mapping);
      expect(remembered).toHaveLength(200);
      expect(remembered).not.toContain(long);
      expect(row!.mapping).toMatchObject({ Inventarnummer: 'inventoryNumber', Bezeichnung: 'name', Art: 'kind' });

      const one = Buffer.from('Inventarnummer;Bezeichnung;Art\nC-1;Eins;other\n');
      const two = Buffer.from('Inventarnummer;Bezeichnung;Art\nC-2;Zwei;other\n');
      const results = await Promise.all([post('import', 'eins.csv', one), post('import', 'zwei.csv', two)]);
      for (const res of results) expect(res.statusCode, res.body).toBe(200);
    });

    it('refuses broken files with a 400, never a 500', async () => {
      await refused('leer.csv', Buffer.alloc(0), 'sheet.empty');
      await refused('kopf.csv', Buffer.from('Inventarnummer;Bezeichnung;Art\n'), 'sheet.empty');
      await refused('kopf.xlsx', await workbook([germanHeader]), 'sheet.empty');
      await refused('bild.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'sheet.unreadable');
      await refused('kaputt.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]), 'sheet.unreadable');
      await refused('gross.csv', Buffer.alloc(5 * 1024 * 1024 + 10, 'a;'), 'sheet.too_large');
      await refused('bombe.xlsx', zipBomb(), 'sheet.too_large');
      await refused('luege.xlsx', zipBomb(1000), 'sheet.too_large');
      const rows = Array.from({ length: 10_001 }, (_, i) => `R-${i};Gerät ${i};other`).join('\n');
      await refused('viele.csv', Buffer.from(`Inventarnummer;Bezeichnung;Art\n${rows}\n`), 'sheet.too_many_rows');
    });

    it('ignores a million empty rows, in CSV and XLSX', async () => {
      const csv = Buffer.from(`Inventarnummer;Bezeichnung;Art;Bemerkungen\nE-1;Leer danach;other;\n${';;;\n'.repeat(1_000_000)}`);
      const started = Date.now();
      const res = await post('import', 'leerzeilen.csv', csv);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ created: 1, updated: 0 });
      const file = await workbook(
        [
          ['Inventarnummer', 'Bezeichnung', 'Art'],
          ['E-2', 'Ferne Zelle', 'other'],
        ],
        (sheet) => {
          sheet.getCell('C1048576').numFmt = '0.00';
        },
      );
      expect((await post('import', 'ferne-zelle.xlsx', file)).json()).toEqual({ created: 1, updated: 0 });
      expect(Date.now() - started).toBeLessThan(20_000);
    });

    it('offers a template with the columns and one example row that imports as it is', async () => {
      for (const format of ['xlsx', 'csv'] as const) {
        const res = await t.app.inject({ method: 'GET', url: `${base()}/import/template?format=${format}&locale=de`, headers: { cookie: admin.cookie } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toMatch(new RegExp(`\\.${format}"$`));
        const preview = (await post('import/preview', `vorlage.${format}`, res.rawPayload)).json();
        expect(preview.counts).toEqual({ rows: 1, create: 1, update: 0, error: 0 });
        expect(Object.values(preview.mapping).filter(Boolean)).toHaveLength(16);
      }
    });
  });
}
