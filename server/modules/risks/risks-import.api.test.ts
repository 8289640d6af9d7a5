import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/auth/roles.ts';
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
  const sheet = book.addWorksheet('Risiken');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const germanHeader = ['Nr.', 'Risiko', 'Eintrittswahrscheinlichkeit (1–5)', 'Schadensausmaß (1–5)', 'Behandlung', 'Anforderungen', 'Nächste Überprüfung'];

interface Risk {
  id: string;
  number: number;
  title: string;
  likelihood: number;
  impact: number;
  treatment: string;
  requirementIds: string[];
  reviewOn: string | null;
  revision: number;
  acceptedAt: string | null;
  templateId: string | null;
  owner: string;
  updatedAt: string;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`importing the risk register on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const base = () => `/api/v1/organisations/${orgId}/risks`;
    const send = async (agent: Agent, url: string, fileName: string, content: Buffer, mapping?: Record<number, string | null>) => {
      const b = body(fileName, content, mapping);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': b.contentType },
        payload: b.payload,
      });
    };
    const post = (path: 'import' | 'import/preview', fileName: string, content: Buffer, mapping?: Record<number, string | null>) =>
      send(admin, `${base()}/${path}`, fileName, content, mapping);
    const list = async () => (await admin.request('GET', `${base()}?limit=100&sort=number&order=asc`)).json().items as Risk[];
    const clear = async () => {
      for (const risk of await list()) await admin.request('DELETE', `${base()}/${risk.id}`);
      // Each test starts without a remembered mapping (a committed import remembers its titles).
      await t.ctx.db.execute(sql`delete from import_mappings`);
    };
    const audited = async () => (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?action=register.imported`)).json().items.length as number;

    /** A member with the given role, signed in. */
    async function member(role: Role, email: string): Promise<Agent> {
      const invite = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email, role });
      expect(invite.statusCode, invite.body).toBeLessThan(300);
      const token = new URL(invite.json().link).pathname.split('/').pop();
      const accepted = await t.app.inject({
        method: 'POST',
        url: `/api/v1/invitations/${token}/accept`,
        payload: { name: `Person ${role}`, password: PASSWORD },
      });
      expect(accepted.statusCode).toBeLessThan(300);
      const secret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, secret);
      return login(t, email, secret);
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());
    beforeEach(clear);

    it('previews and imports an XLSX with German titles; a re-import by number (R-7 or 7) updates and never duplicates', async () => {
      const file = await workbook([
        germanHeader,
        ['', 'Ransomware verschlüsselt den Server', 3, 5, 'Verringern', 'KBV-A1-16', new Date(Date.UTC(2027, 2, 31))],
        ['', 'Stromausfall', 'selten', '4 schwer', 'Akzeptieren', '', '31.12.2027'],
      ]);
      const preview = await post('import/preview', 'risiken.xlsx', file);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({
        columns: germanHeader,
        mapping: { 0: 'number', 1: 'title', 2: 'likelihood', 3: 'impact', 4: 'treatment', 5: 'requirementIds', 6: 'reviewOn' },
        counts: { rows: 2, create: 2, update: 0, error: 0 },
      });
      expect(await list()).toEqual([]);

      const res = await post('import', 'risiken.xlsx', file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ created: 2, updated: 0 });
      const risks = await list();
      expect(risks.map((r) => [r.number, r.title])).toEqual([
        [1, 'Ransomware verschlüsselt den Server'],
        [2, 'Stromausfall'],
      ]);
      expect(risks[0]).toMatchObject({ likelihood: 3, impact: 5, treatment: 'reduce', requirementIds: ['KBV-A1-16'], reviewOn: '2027-03-31', revision: 1 });
      expect(risks[1]).toMatchObject({ likelihood: 1, impact: 4, treatment: 'accept', reviewOn: '2027-12-31' });

      // Management accepts R-2; a re-import that keeps its rating keeps the acceptance, one that changes R-1 numbers nothing new.
      expect((await admin.request('POST', `${base()}/${risks[1]!.id}/acceptance`, { revision: 1 })).statusCode).toBe(200);
      const again = await workbook([
        ['Nr.', 'Risiko', 'Verantwortlich', 'Eintrittswahrscheinlichkeit (1–5)'],
        ['R-1', 'Ransomware verschlüsselt den Praxisserver', 'Praxismanagerin', 4],
        ['2', 'Stromausfall', 'Technik', ''],
        ['', 'Wasserschaden im Serverraum', '', 2],
      ]);
      expect((await post('import/preview', 'neu.xlsx', again)).json().counts).toEqual({ rows: 3, create: 0, update: 2, error: 1 });
      const missingImpact = (await post('import/preview', 'neu.xlsx', again)).json().rows[2];
      expect(missingImpact.errors).toEqual([{ column: null, field: 'impact', code: 'invalid_type' }]);

      const fixed = await workbook([
        ['Nr.', 'Risiko', 'Verantwortlich', 'Eintrittswahrscheinlichkeit (1–5)', 'Schadensausmaß (1–5)'],
        ['R-1', 'Ransomware verschlüsselt den Praxisserver', 'Praxismanagerin', 4, ''],
        ['2', 'Stromausfall', 'Technik', '', ''],
        ['', 'Wasserschaden im Serverraum', '', 2, 3],
      ]);
      const committed = await post('import', 'neu.xlsx', fixed);
      expect(committed.json(), committed.body).toEqual({ created: 1, updated: 2 });
      const after = await list();
      expect(after.map((r) => [r.number, r.title, r.revision])).toEqual([
        [1, 'Ransomware verschlüsselt den Praxisserver', 2],
        [2, 'Stromausfall', 2],
        [3, 'Wasserschaden im Serverraum', 1],
      ]);
      expect(after[0]).toMatchObject({ likelihood: 4, impact: 5, owner: 'Praxismanagerin', requirementIds: ['KBV-A1-16'] });
      expect(after[1]!.acceptedAt).not.toBeNull();
      expect(after[1]).toMatchObject({ owner: 'Technik', likelihood: 1, impact: 4, treatment: 'accept' });

      // A change of the rating by import clears the acceptance, as the form does.
      const rerated = await workbook([
        ['Nr.', 'Schadensausmaß (1–5)'],
        ['R-2', 2],
      ]);
      expect((await post('import', 'neu.xlsx', rerated)).json()).toEqual({ created: 0, updated: 1 });
      expect((await list())[1]).toMatchObject({ impact: 2, acceptedAt: null });

      // A normal create continues after the imported numbers.
      expect((await admin.request('POST', base(), { title: 'Danach', likelihood: 1, impact: 1 })).json().number).toBe(4);
      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?action=register.imported`)).json();
      expect(audit.items[1]).toMatchObject({ entityType: 'risk', data: { register: 'risks', created: 1, updated: 2, numbers: [3, 3] } });
    });

    it('reads a UTF-8 CSV with ; and English titles, and a Windows-1252 CSV with ,', async () => {
      const csv = Buffer.from(
        '\ufeffNo.;Risk;Likelihood (1–5);Impact (1–5);Treatment\r\n;Lab results sent to the wrong practice;unlikely;Severe;Transfer\r\n',
        'utf8',
      );
      const res = await post('import', 'risks.csv', csv);
      expect(res.statusCode, res.body).toBe(200);
      const first = (await list())[0]!;
      expect(first).toMatchObject({ title: 'Lab results sent to the wrong practice', likelihood: 2, impact: 4, treatment: 'transfer' });

      const latin = Buffer.from(
        'Nr.,Risiko,Eintrittswahrscheinlichkeit (1–5),Schadensausmaß (1–5),Maßnahmen\r\n,Türschloss der Anmeldung defekt,möglich,spürbar,"Schloss tauschen, Schlüssel zählen"\r\n'.replace(
          /–/g,
          '-',
        ),
        'latin1',
      );
      const second = await post('import', 'risiken.csv', latin, { 0: 'number', 1: 'title', 2: 'likelihood', 3: 'impact', 4: 'measures' });
      expect(second.statusCode, second.body).toBe(200);
      expect((await list())[1]).toMatchObject({ number: first.number + 1, title: 'Türschloss der Anmeldung defekt', likelihood: 3, impact: 3 });
    });

    it('reports each bad row at row and column and writes nothing', async () => {
      const existing = (await admin.request('POST', base(), { title: 'Vorhanden', likelihood: 2, impact: 2 })).json() as Risk;
      const auditedBefore = await audited();
      const file = await workbook([
        germanHeader,
        ['', 'Gut', 2, 2, 'Verringern', '', ''],
        ['', 'Behandlung unbekannt', 2, 2, 'Ignorieren', '', ''],
        ['', 'Zu wahrscheinlich', 6, 2, '', '', ''],
        ['', 'Datum kaputt', 2, 2, '', '', '31.02.2027'],
        [`R-${existing.number}`, 'Erstmals', 2, 2, '', '', ''],
        [existing.number, 'Zweimal', 2, 2, '', '', ''],
        ['R-99', 'Nummer gibt es nicht', 2, 2, '', '', ''],
        ['', 'Anforderung unbekannt', 2, 2, '', 'KBV-A9-99; KBV-A1-16', ''],
        ['', 'Katalog kennt sie nicht', 2, 2, '', 'KBV-A1-99', ''],
      ]);
      const preview = (await post('import/preview', 'fehler.xlsx', file)).json();
      expect(preview.counts).toEqual({ rows: 9, create: 1, update: 1, error: 7 });
      const errorsAt = (row: number) => preview.rows.find((r: { row: number }) => r.row === row).errors;
      expect(errorsAt(3)).toEqual([{ column: 4, field: 'treatment', code: 'sheet.enum_invalid' }]);
      expect(errorsAt(4)).toEqual([{ column: 2, field: 'likelihood', code: 'too_big' }]);
      expect(errorsAt(5)).toEqual([{ column: 6, field: 'reviewOn', code: 'sheet.date_invalid' }]);
      expect(errorsAt(7)).toEqual([{ column: 0, field: 'number', code: 'sheet.duplicate_key' }]);
      expect(errorsAt(8)).toEqual([{ column: 0, field: 'number', code: 'risk.number_unknown' }]);
      expect(errorsAt(9)).toEqual([{ column: 5, field: 'requirementIds', code: 'requirement_id' }]);
      expect(errorsAt(10)).toEqual([{ column: 5, field: 'requirementIds', code: 'risk.requirement_unknown' }]);

      const res = await post('import', 'fehler.xlsx', file);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('sheet.rows_invalid');
      expect(res.json().issues).toContainEqual({ path: [8, 'number'], code: 'risk.number_unknown', message: 'column 0' });
      expect((await list()).map((r) => [r.number, r.title, r.revision])).toEqual([[existing.number, 'Vorhanden', 1]]);
      expect(await audited()).toBe(auditedBefore);
      // No number was used up by the refused file.
      expect((await admin.request('POST', base(), { title: 'Nächstes', likelihood: 1, impact: 1 })).json().number).toBe(existing.number + 1);
    });

    it('refuses unreadable files and writes nothing', async () => {
      for (const content of [Buffer.from('PK\x03\x04 kein Arbeitsbuch'), Buffer.from(''), Buffer.from('Nr.;Risiko\n')]) {
        const res = await post('import', 'kaputt.xlsx', content);
        expect(res.statusCode, res.body).toBe(400);
      }
      expect(await list()).toEqual([]);
    });

    it('offers a template whose example row imports as it is', async () => {
      for (const format of ['xlsx', 'csv'] as const) {
        const res = await t.app.inject({ method: 'GET', url: `${base()}/import/template?format=${format}&locale=de`, headers: { cookie: admin.cookie } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toMatch(new RegExp(`\\.${format}"$`));
        const preview = (await post('import/preview', `vorlage.${format}`, res.rawPayload)).json();
        expect(preview.counts).toEqual({ rows: 1, create: 1, update: 0, error: 0 });
      }
    });

    it('re-imports its own export without a change in number', async () => {
      await admin.request('POST', base(), {
        title: 'Phishing',
        likelihood: 4,
        impact: 3,
        residualLikelihood: 2,
        residualImpact: 3,
        requirementIds: ['KBV-A1-16'],
      });
      await admin.request('POST', base(), { title: 'Diebstahl Laptop', likelihood: 2, impact: 4, treatment: 'transfer', reviewOn: '2027-06-30' });
      const before = await list();
      for (const [format, locale] of [
        ['xlsx', 'de'],
        ['csv', 'en'],
      ] as const) {
        const file = await t.app.inject({ method: 'GET', url: `${base()}/export?format=${format}&locale=${locale}`, headers: { cookie: admin.cookie } });
        const res = await post('import', `export.${format}`, file.rawPayload);
        expect(res.json(), res.body).toEqual({ created: 0, updated: 2 });
      }
      const after = await list();
      expect(after.map(({ revision: _r, ...risk }) => risk)).toEqual(
        before.map(({ revision: _r, updatedAt: _u, ...risk }) => ({ ...risk, updatedAt: expect.any(String) })),
      );
    });

    it('answers another organisation with 404, refuses staff, and writes nothing there', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      const csv = Buffer.from('Nr.;Risiko;Eintrittswahrscheinlichkeit;Schadensausmaß\n;Eingeschleust;1;1\n');
      for (const path of ['import/preview', 'import']) {
        const res = await send(other.agent, `${base()}/${path}`, 'x.csv', csv);
        expect(res.statusCode, res.body).toBe(404);
      }
      const staff = await member('staff', 'mfa-import@praxis-a.example');
      for (const path of ['import/preview', 'import']) expect((await send(staff, `${base()}/${path}`, 'x.csv', csv)).statusCode).toBe(403);
      expect(await list()).toEqual([]);
    });

    describe('matrix labels', () => {
      const labelsUrl = () => `${base()}/matrix-labels`;
      const reset = async () => {
        const current = (await admin.request('GET', labelsUrl())).json();
        if (current.custom) await admin.request('PUT', labelsUrl(), { labels: null, revision: current.revision });
      };
      beforeEach(reset);

      it('answers the defaults in the asked language, stores the own labels trimmed with an audit entry, and resets them', async () => {
        const de = (await admin.request('GET', labelsUrl())).json();
        expect(de).toMatchObject({ custom: false, likelihood: ['selten', 'unwahrscheinlich', 'möglich', 'wahrscheinlich', 'fast sicher'] });
        expect((await admin.request('GET', `${labelsUrl()}?locale=en`)).json().impact).toHaveLength(5);
        const own = { likelihood: ['  nie ', 'kaum', 'manchmal', 'oft', 'ständig'], impact: ['egal', 'ärgerlich', 'teuer', 'schlimm', 'Praxis zu'] };
        const saved = await admin.request('PUT', labelsUrl(), { labels: own, revision: de.revision });
        expect(saved.statusCode, saved.body).toBe(200);
        expect(saved.json()).toMatchObject({ custom: true, likelihood: ['nie', 'kaum', 'manchmal', 'oft', 'ständig'], revision: de.revision + 1 });
        expect((await admin.request('GET', `${labelsUrl()}?locale=en`)).json()).toMatchObject({ custom: true, impact: own.impact });

        // The import reads the own labels; the export writes them.
        const csv = Buffer.from('Risiko;Eintrittswahrscheinlichkeit (1–5);Schadensausmaß (1–5)\nServer fällt aus;oft;Praxis zu\n');
        expect((await post('import', 'x.csv', csv)).json()).toEqual({ created: 1, updated: 0 });
        expect((await list())[0]).toMatchObject({ likelihood: 4, impact: 5 });
        const exported = (
          await t.app.inject({ method: 'GET', url: `${base()}/export?format=csv&locale=de`, headers: { cookie: admin.cookie } })
        ).rawPayload.toString('utf8');
        expect(exported).toContain(';oft;Praxis zu;');

        const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?action=risk.matrix_labels_updated`)).json();
        expect(audit.items[0]).toMatchObject({ data: { reset: false, after: { likelihood: ['nie', 'kaum', 'manchmal', 'oft', 'ständig'] } } });

        const back = await admin.request('PUT', labelsUrl(), { labels: null, revision: saved.json().revision });
        expect(back.json()).toMatchObject({ custom: false, likelihood: de.likelihood, revision: de.revision + 2 });
      });

      it('refuses a stale revision with 409 and keeps what was stored', async () => {
        const start = (await admin.request('GET', labelsUrl())).json();
        const labels = { likelihood: ['1', '2', '3', '4', '5'], impact: ['a', 'b', 'c', 'd', 'e'] };
        expect((await admin.request('PUT', labelsUrl(), { labels, revision: start.revision })).statusCode).toBe(200);
        const stale = await admin.request('PUT', labelsUrl(), { labels: { ...labels, impact: ['v', 'w', 'x', 'y', 'z'] }, revision: start.revision });
        expect(stale.statusCode).toBe(409);
        expect(stale.json().code).toBe('risk.revision_conflict');
        expect((await admin.request('GET', labelsUrl())).json().impact).toEqual(labels.impact);
      });

      it('refuses bad labels at the field: four labels, empty, too long, control characters', async () => {
        const five = ['a', 'b', 'c', 'd', 'e'];
        for (const [labels, path] of [
          [{ likelihood: five.slice(0, 4), impact: five }, ['labels', 'likelihood']],
          [{ likelihood: five, impact: ['a', ' ', 'c', 'd', 'e'] }, ['labels', 'impact', 1]],
          [{ likelihood: five, impact: ['a', 'b', 'x'.repeat(41), 'd', 'e'] }, ['labels', 'impact', 2]],
          [{ likelihood: ['a\u0000', 'b', 'c', 'd', 'e'], impact: five }, ['labels', 'likelihood', 0]],
          [{ likelihood: five }, ['labels', 'impact']],
        ] as const) {
          const res = await admin.request('PUT', labelsUrl(), { labels, revision: 0 });
          expect(res.statusCode, res.body).toBe(400);
          expect(res.json().issues[0].path).toEqual(path);
        }
        expect((await admin.request('PUT', labelsUrl(), { labels: null })).statusCode).toBe(400);
        expect((await admin.request('GET', labelsUrl())).json().custom).toBe(false);
      });

      it("answers another organisation with 404 and refuses staff, and the other's labels stay its own", async () => {
        const other = await createOrganisationWithAdmin(t, 'Praxis C', 'admin@praxis-c.example');
        const labels = { likelihood: ['a', 'b', 'c', 'd', 'e'], impact: ['a', 'b', 'c', 'd', 'e'] };
        expect((await other.agent.request('GET', labelsUrl())).statusCode).toBe(404);
        expect((await other.agent.request('PUT', labelsUrl(), { labels, revision: 0 })).statusCode).toBe(404);
        const theirs = `/api/v1/organisations/${other.organisationId}/risks/matrix-labels`;
        expect((await other.agent.request('PUT', theirs, { labels, revision: 0 })).statusCode).toBe(200);
        expect((await admin.request('GET', labelsUrl())).json().custom).toBe(false);
        const staff = await member('staff', 'mfa-labels@praxis-a.example');
        expect((await staff.request('GET', labelsUrl())).statusCode).toBe(200);
        expect((await staff.request('PUT', labelsUrl(), { labels, revision: 0 })).statusCode).toBe(403);
      });
    });
  });
}
