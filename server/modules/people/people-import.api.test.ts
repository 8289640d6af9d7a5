import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** A multipart body with the file (as the client sends it). */
function body(fileName: string, content: Buffer) {
  const boundary = `----importkit${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Personal');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const germanHeader = ['Personalnummer', 'Name', 'Funktion', 'Standort', 'Beginn', 'Ende', 'Wochenstunden', 'Vertragsart', 'Patientendaten'];

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`importing the people register on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let n = 0;
    /** A fresh organisation per test: people cannot simply be deleted (retention), so tests do not share one. */
    const practice = async () => {
      n += 1;
      const { agent, organisationId } = await createOrganisationWithAdmin(t, `Praxis I${n}`, `admin@praxis-i${n}.example`);
      const base = `/api/v1/organisations/${organisationId}/people`;
      const send = (who: Agent, path: 'import' | 'import/preview', fileName: string, content: Buffer) => {
        const b = body(fileName, content);
        return t.app.inject({
          method: 'POST',
          url: `${base}/${path}`,
          headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': b.contentType },
          payload: b.payload,
        });
      };
      const list = async () => (await agent.request('GET', `${base}?limit=100`)).json().items as Record<string, unknown>[];
      return {
        agent,
        organisationId,
        base,
        send,
        post: (path: 'import' | 'import/preview', fileName: string, content: Buffer) => send(agent, path, fileName, content),
        list,
      };
    };

    beforeAll(async () => {
      t = await startTestApp(engine);
      await runFirstSetup(t.app);
    });
    afterAll(async () => t?.close());

    it('previews and imports an XLSX with German titles; a re-import by personnel number or unique name updates', async () => {
      const p = await practice();
      await p.agent.request('POST', `/api/v1/organisations/${p.organisationId}/locations`, { name: 'Praxis Mitte' });
      const file = await workbook([
        germanHeader,
        ['P-1', 'Anna Berger', 'MFA', 'praxis mitte', new Date(Date.UTC(2021, 3, 1)), '', '38,5', 'Unbefristet', 'ja'],
        ['', 'Dr. Jonas Keller', 'Ärztin/Arzt', '', '01.01.2015', '', '', 'Inhaber/in', 'ja'],
        ['P-3', 'Lea Sommer', 'Medizinische/r Fachangestellte/r (MFA)', '', '01.08.2025', '', '40', 'Ausbildung', 'ja'],
      ]);
      const preview = await p.post('import/preview', 'personal.xlsx', file);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({
        mapping: {
          0: 'personnelNumber',
          1: 'name',
          2: 'role',
          3: 'location',
          4: 'startsOn',
          5: 'endsOn',
          6: 'weeklyHours',
          7: 'contractType',
          8: 'handlesPatientData',
        },
        counts: { rows: 3, create: 2, update: 0, error: 1 },
      });
      // "MFA" is no label: the row names the field.
      expect(preview.json().rows[0].errors).toEqual([{ column: 2, field: 'role', code: 'sheet.enum_invalid' }]);
      expect(await p.list()).toEqual([]);

      const fixed = await workbook([
        germanHeader,
        ['P-1', 'Anna Berger', 'medical_assistant', 'praxis mitte', new Date(Date.UTC(2021, 3, 1)), '', '38,5', 'Unbefristet', 'ja'],
        ['', 'Dr. Jonas Keller', 'Ärztin/Arzt', '', '01.01.2015', '', '', 'Inhaber/in', 'ja'],
        ['P-3', 'Lea Sommer', 'Medizinische/r Fachangestellte/r (MFA)', '', '01.08.2025', '', '40', 'Ausbildung', 'ja'],
      ]);
      const res = await p.post('import', 'personal.xlsx', fixed);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ created: 3, updated: 0 });
      const people = await p.list();
      expect(people.find((x) => x.name === 'Anna Berger')).toMatchObject({
        personnelNumber: 'P-1',
        weeklyHours: 38.5,
        startsOn: '2021-04-01',
        contractType: 'permanent',
      });
      expect(people.find((x) => x.name === 'Anna Berger')!.locationId).toEqual(expect.any(String));
      expect(people.find((x) => x.name === 'Dr. Jonas Keller')).toMatchObject({
        personnelNumber: '',
        weeklyHours: null,
        contractType: 'owner',
        role: 'physician',
      });

      const again = await workbook([
        ['Personalnummer', 'Name', 'Funktion', 'Ende'],
        ['p-1', 'Anna Berger-Wolf', 'Pflegekraft', ''],
        ['', 'dr. jonas keller', 'Ärztin/Arzt', ''],
        ['P-9', 'Neu Person', 'Verwaltung', ''],
      ]);
      expect((await p.post('import/preview', 'neu.xlsx', again)).json().counts).toEqual({ rows: 3, create: 1, update: 2, error: 0 });
      expect((await p.post('import', 'neu.xlsx', again)).json()).toEqual({ created: 1, updated: 2 });
      const after = await p.list();
      expect(after).toHaveLength(4);
      expect(after.find((x) => x.personnelNumber === 'p-1')).toMatchObject({ name: 'Anna Berger-Wolf', role: 'nurse', weeklyHours: 38.5, revision: 2 });
      expect(after.find((x) => x.name === 'dr. jonas keller')).toMatchObject({ contractType: 'owner', revision: 2 });
      const audit = (await p.agent.request('GET', `/api/v1/organisations/${p.organisationId}/audit?action=register.imported`)).json();
      expect(audit.items[0]).toMatchObject({ entityType: 'person', data: { register: 'people', created: 1, updated: 2 } });
    });

    it('reads a CSV with English titles and labels', async () => {
      const p = await practice();
      const csv = Buffer.from(
        '\ufeffPersonnel number;Name;Role;Start;Weekly hours;Contract;Patient data\r\nE-1;Sam Lee;Nurse;2024-02-01;20;Mini-job;yes\r\nE-2;Kim Park;External;;;Freelance / contractor;no\r\nE-3;Alex Roe;Administration;2023-01-01;19.5;Fixed term;no\r\n',
        'utf8',
      );
      const res = await p.post('import', 'staff.csv', csv);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ created: 3, updated: 0 });
      expect((await p.list()).find((x) => x.name === 'Sam Lee')).toMatchObject({
        role: 'nurse',
        contractType: 'mini_job',
        weeklyHours: 20,
        handlesPatientData: true,
      });
    });

    it('reports bad rows at row and column and writes nothing', async () => {
      const p = await practice();
      await p.agent.request('POST', `${p.base}`, { name: 'Doppelt', role: 'nurse' });
      await p.agent.request('POST', `${p.base}`, { name: 'doppelt', role: 'nurse' });
      const file = await workbook([
        germanHeader,
        ['A-1', 'Gut', 'Pflegekraft', '', '', '', '', '', ''],
        ['A-1', 'Zweimal Nummer', 'Pflegekraft', '', '', '', '', '', ''],
        ['', 'Zweimal Name', 'Pflegekraft', '', '', '', '', '', ''],
        ['', 'zweimal name', 'Pflegekraft', '', '', '', '', '', ''],
        ['', 'Doppelt', 'Pflegekraft', '', '', '', '', '', ''],
        ['B-1', 'Verkehrt', 'Pflegekraft', '', '01.05.2026', '01.04.2026', '', '', ''],
        ['B-2', 'Nirgends', 'Pflegekraft', 'Filiale Süd', '', '', 'viel', '', ''],
      ]);
      const preview = (await p.post('import/preview', 'fehler.xlsx', file)).json();
      expect(preview.counts).toEqual({ rows: 7, create: 2, update: 0, error: 5 });
      expect(preview.rows[1]).toMatchObject({ row: 3, errors: [{ column: 0, field: 'personnelNumber', code: 'sheet.duplicate_key' }] });
      expect(preview.rows[3].errors).toEqual([{ column: 1, field: 'name', code: 'sheet.duplicate_key' }]);
      expect(preview.rows[4].errors).toEqual([{ column: 1, field: 'name', code: 'person.name_ambiguous' }]);
      expect(preview.rows[5].errors).toEqual([{ column: 5, field: 'endsOn', code: 'person.ends_before_start' }]);
      expect(preview.rows[6].errors).toEqual([
        { column: 6, field: 'weeklyHours', code: 'person.weekly_hours_invalid' },
        { column: 3, field: 'location', code: 'person.location_unknown' },
      ]);
      const res = await p.post('import', 'fehler.xlsx', file);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('sheet.rows_invalid');
      expect(res.json().issues).toContainEqual({ path: [3, 'personnelNumber'], code: 'sheet.duplicate_key', message: 'column 0' });
      expect(await p.list()).toHaveLength(2);
    });

    it('refuses broken files with a clear code and writes nothing', async () => {
      const p = await practice();
      const cases: [string, Buffer, string][] = [
        ['kaputt.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), 'sheet.unreadable'],
        ['leer.csv', Buffer.from(''), 'sheet.empty'],
        ['bild.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'sheet.unreadable'],
      ];
      for (const [name, content, code] of cases) {
        const res = await p.post('import', name, content);
        expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
        expect(res.json().code, name).toBe(code);
      }
      const headerOnly = await p.post('import', 'nur-kopf.csv', Buffer.from('Name;Funktion\n'));
      expect(headerOnly.statusCode).toBeGreaterThanOrEqual(200);
      expect(headerOnly.statusCode).toBeLessThan(500);
      expect(await p.list()).toEqual([]);
    });

    it('offers a template whose example row imports as it is', async () => {
      const p = await practice();
      for (const format of ['xlsx', 'csv'] as const) {
        const res = await t.app.inject({ method: 'GET', url: `${p.base}/import/template?format=${format}&locale=de`, headers: { cookie: p.agent.cookie } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toMatch(new RegExp(`\\.${format}"$`));
        const preview = (await p.post('import/preview', `vorlage.${format}`, res.rawPayload)).json();
        expect(preview.counts).toEqual({ rows: 1, create: 1, update: 0, error: 0 });
        expect(Object.values(preview.mapping).filter(Boolean)).toHaveLength(11);
      }
    });

    it('exports the register with the list filters and reads its own export back as updates', async () => {
      const p = await practice();
      await p.agent.request('POST', p.base, { name: 'Export Eins', personnelNumber: 'X-1', role: 'nurse', weeklyHours: 19.5, startsOn: '2022-01-01' });
      await p.agent.request('POST', p.base, { name: 'Export Zwei', role: 'physician', endsOn: '2020-01-01', startsOn: '2010-01-01' });
      for (const format of ['xlsx', 'csv'] as const) {
        const res = await t.app.inject({ method: 'GET', url: `${p.base}/export?format=${format}&status=active`, headers: { cookie: p.agent.cookie } });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Personal-.*\.(xlsx|csv)"$/);
        const preview = (await p.post('import/preview', `export.${format}`, res.rawPayload)).json();
        expect(preview.counts, format).toEqual({ rows: 1, create: 0, update: 1, error: 0 });
      }
    });

    it('answers another organisation with 404, and staff with 403', async () => {
      const p = await practice();
      const other = await practice();
      const csv = Buffer.from('Name;Funktion\nEingeschleust;Extern\n');
      for (const path of ['import/preview', 'import'] as const) {
        const b = body('x.csv', csv);
        const res = await t.app.inject({
          method: 'POST',
          url: `${p.base}/${path}`,
          headers: { cookie: other.agent.cookie, 'x-csrf-token': other.agent.csrf, 'content-type': b.contentType },
          payload: b.payload,
        });
        expect(res.statusCode, res.body).toBe(404);
      }
      const invite = await p.agent.request('POST', `/api/v1/organisations/${p.organisationId}/invitations`, {
        email: `mfa${n}@praxis-i.example`,
        role: 'staff',
      });
      const token = new URL(invite.json().link).pathname.split('/').pop();
      const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Mia MFA', password: PASSWORD } });
      const secret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, secret);
      const staff = await login(t, `mfa${n}@praxis-i.example`, secret);
      expect((await p.send(staff, 'import', 'x.csv', csv)).statusCode).toBe(403);
      expect(await p.list()).toEqual([]);
    });
  });
}
