import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAnchorSchema } from '../../../domain/audit/audit-anchor.ts';
import type { Role } from '../../../domain/auth/roles.ts';
import { queryRows } from '../../db/connect.ts';
import { upload } from '../../test/files.ts';
import { pdfText } from '../../test/pdf-text.ts';
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
import { evidencePackProducer, noDocuments } from './evidence-pack.service.ts';
import { PackGate } from './pack-gate.ts';
import { PackStream } from './pack-writer.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A PDF as the upload check sees it (magic bytes), padded with random bytes to the size wanted. */
const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size - 9)]);
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** The files of a ZIP by path. */
async function unpack(body: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(body);
  const files = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) files.set(name, await entry.async('nodebuffer'));
  return files;
}

/** hashes.sha256 as path → hash. */
const hashLines = (text: string) =>
  new Map(
    text
      .trimEnd()
      .split('\n')
      .map((line) => [line.slice(66), line.slice(0, 64)] as const),
  );

/** The index's text without spaces: hashes and paths wrap inside their table cells. */
const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '');

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`evidence pack on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let origin: string;
    const uploaded = new Map<string, Buffer>();
    const packUrl = (organisationId = orgId, query = '') => `/api/v1/organisations/${organisationId}/evidence-pack${query}`;

    const download = async (agent: Agent, url: string, init: RequestInit = {}): Promise<Download> => {
      const res = await fetch(origin + url, { ...init, headers: { cookie: agent.cookie } });
      return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
    };

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

    async function addEvidence(requirementId: string, fileName: string, content: Buffer, locationId?: string) {
      const query = locationId ? `?locationId=${locationId}` : '';
      const res = await upload(admin, t, `/api/v1/organisations/${orgId}/requirements/${requirementId}/evidence${query}`, fileName, content);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; sha256: string };
    }

    /**
     * `count` evidence files of `size` bytes written straight into the table (test-side), with their true hashes; sent as
     * base64 text, which PGlite takes far faster than a bytea parameter.
     */
    async function seedEvidence(organisationId: string, count: number, size: number) {
      const [status] = await queryRows<{ id: string }>(
        t.ctx.db,
        sql`insert into requirement_statuses (organisation_id, id, requirement_id, status) values (${organisationId}, gen_random_uuid(), 'KBV-A1-05', 'open') returning id`,
      );
      for (let i = 0; i < count; i++) {
        const content = pdfOf(size);
        await t.ctx.db.execute(sql`insert into evidence_files (organisation_id, id, requirement_status_id, file_name, media_type, size_bytes, sha256, content)
          values (${organisationId}, ${randomUUID()}, ${status!.id}, ${`scan-${i}.pdf`}, 'application/pdf', ${content.length}, ${sha256(content)},
                  decode(${content.toString('base64')}, 'base64'))`);
      }
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const org = `/api/v1/organisations/${orgId}`;
      // A small practice: the KBV annexes apply by its size; NIS2 does not, so the ten § 30 BSIG measures do not apply.
      await admin.request('POST', `${org}/applicability/kbv`, {
        check: { personsHandlingData: 8, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true },
      });
      await admin.request('POST', `${org}/applicability/nis2`, {
        financialYear: 2025,
        check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 8, annualTurnoverEur: 900_000, balanceSheetTotalEur: 400_000 },
      });
      const status = await admin.request('PUT', `${org}/requirements/KBV-A1-01/status`, {
        status: 'in_progress',
        ownerUserId: admin.userId,
        dueDate: '2029-03-31',
      });
      expect(status.statusCode, status.body).toBe(200);
      const locations = (await admin.request('GET', `${org}/locations`)).json() as { id: string; name: string }[];
      const branch = locations.find((l) => l.name === 'Filiale Nord')!;
      uploaded.set('evidence/KBV-A1-01/Befund.pdf', pdfOf(40_000));
      uploaded.set('evidence/KBV-A1-01/befund (2).PDF', pdfOf(12_000));
      uploaded.set('evidence/KBV-A1-01/bild.png', png);
      uploaded.set('evidence/KBV-A1-02/Übergabe Standort.pdf', pdfOf(3_000));
      uploaded.set('evidence/KBV-A1-03/Großer Scan.pdf', pdfOf(2_600_000));
      uploaded.set('evidence/BSIG-30-2-01/Freiwillig.pdf', pdfOf(5_000));
      await addEvidence('KBV-A1-01', 'Befund.pdf', uploaded.get('evidence/KBV-A1-01/Befund.pdf')!);
      await addEvidence('KBV-A1-01', 'befund.PDF', uploaded.get('evidence/KBV-A1-01/befund (2).PDF')!);
      await addEvidence('KBV-A1-01', 'bild.html', png);
      await addEvidence('KBV-A1-02', 'Übergabe Standort.pdf', uploaded.get('evidence/KBV-A1-02/Übergabe Standort.pdf')!, branch.id);
      await addEvidence('KBV-A1-03', 'Großer Scan.pdf', uploaded.get('evidence/KBV-A1-03/Großer Scan.pdf')!);
      await addEvidence('BSIG-30-2-01', 'Freiwillig.pdf', uploaded.get('evidence/BSIG-30-2-01/Freiwillig.pdf')!);
    });
    afterAll(async () => t?.close());

    it('streams a ZIP whose every file matches the index and hashes.sha256, which sha256sum -c accepts after unpacking', async () => {
      const res = await download(admin, packUrl());
      expect(res.status, res.body.toString().slice(0, 300)).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="nachweispaket-praxis-a-\d{4}-\d{2}-\d{2}\.zip"$/);
      const files = await unpack(res.body);
      expect([...files.keys()].sort()).toEqual([...uploaded.keys(), 'index.pdf', 'audit-head.txt', 'audit-anchor.json', 'hashes.sha256'].sort());
      // Every evidence file arrives byte for byte, with the hash the upload recorded.
      const recorded = await queryRows<{ sha256: string }>(t.ctx.db, sql`select sha256 from evidence_files where organisation_id = ${orgId}`);
      for (const [name, content] of uploaded) {
        expect(sha256(files.get(name)!), name).toBe(sha256(content));
        expect(recorded.map((r) => r.sha256)).toContain(sha256(content));
      }
      const hashes = hashLines(files.get('hashes.sha256')!.toString('utf8'));
      expect([...hashes.keys()].sort()).toEqual([...files.keys()].filter((name) => name !== 'hashes.sha256').sort());
      for (const [name, hash] of hashes) expect(sha256(files.get(name)!), name).toBe(hash);

      const index = flat(files.get('index.pdf')!);
      for (const name of uploaded.keys()) {
        expect(index).toContain(name.replace(/\s+/g, ''));
        expect(index).toContain(hashes.get(name));
      }

      // sha256sum itself, on the unpacked folder, as an auditor would run it.
      const dir = mkdtempSync(path.join(tmpdir(), 'nachweispaket-'));
      try {
        for (const [name, content] of files) {
          mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          writeFileSync(path.join(dir, name), content);
        }
        const checked = execFileSync('sha256sum', ['-c', 'hashes.sha256'], { cwd: dir, encoding: 'utf8' });
        expect(checked.trimEnd().split('\n')).toHaveLength(files.size - 1);
        expect(checked).not.toMatch(/FAILED/);
        writeFileSync(path.join(dir, 'pack.zip'), res.body);
        execFileSync('unzip', ['-tq', 'pack.zip'], { cwd: dir });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('names the requirements, their status, owner and due date, those that do not apply, and the audit head of its own download', async () => {
      const res = await download(admin, packUrl());
      const files = await unpack(res.body);
      const anchor = auditAnchorSchema.parse((await admin.request('GET', `/api/v1/organisations/${orgId}/audit/anchor`)).json()).organisations[0]!;
      const newest = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=1`)).json().items[0];
      expect(newest).toMatchObject({ action: 'evidence_pack.downloaded', seq: anchor.seq, actorUserId: admin.userId });

      const text = pdfText(files.get('index.pdf')!);
      expect(text).toContain('Nachweisübersicht');
      expect(text).toContain('KBV-A1-01 (Anlage 1 Nr. 1)');
      expect(text).toContain('Geregelte Einarbeitung neuer');
      expect(text).toContain('in Arbeit');
      expect(text).toContain('Anna Admin');
      expect(text).toContain('31.03.2029');
      expect(text).toContain('Nicht anwendbare Anforderungen');
      expect(text).toMatch(/BSIG-30-2-01 \(§ 30 Abs\. 2/);
      expect(text).toContain('Filiale Nord');
      expect(text).toContain(`Protokoll bis Eintrag ${anchor.seq}`);
      expect(flat(files.get('index.pdf')!)).toContain(anchor.hash);

      expect(files.get('audit-head.txt')!.toString('utf8')).toContain(`SHA-256: ${anchor.hash}`);
      const packedAnchor = auditAnchorSchema.parse(JSON.parse(files.get('audit-anchor.json')!.toString('utf8')));
      expect(packedAnchor.organisations).toEqual([anchor]);
    });

    it('carries the latest approved version of each document in documents/, listed in the index and in hashes.sha256', async () => {
      const documents = `/api/v1/organisations/${orgId}/documents/asset_register`;
      const issue = async () => {
        const issued = await admin.request('POST', `${documents}/versions`, { note: '' });
        expect(issued.statusCode, issued.body).toBe(201);
      };
      await issue();
      const approved = await admin.request('POST', `${documents}/versions/1/approval`, { remark: '' });
      expect(approved.statusCode, approved.body).toBe(200);
      // Version 2 is issued but not approved: the pack carries version 1, the latest approved one.
      await issue();
      const files = await unpack((await download(admin, packUrl())).body);
      const inFolder = [...files.keys()].filter((name) => name.startsWith('documents/'));
      expect(inFolder).toHaveLength(1);
      expect(inFolder[0]).toMatch(/^documents\/[a-z0-9-]+-v1\.pdf$/);
      const document = files.get(inFolder[0]!)!;
      expect(document.subarray(0, 5).toString()).toBe('%PDF-');
      expect(hashLines(files.get('hashes.sha256')!.toString('utf8')).get(inFolder[0]!)).toBe(sha256(document));
      const index = flat(files.get('index.pdf')!);
      expect(index).toContain(inFolder[0]!);
      expect(index).toContain(sha256(document));
    });

    it('writes the index in English when asked, and refuses a language it does not speak', async () => {
      const files = await unpack((await download(admin, packUrl(orgId, '?locale=en'))).body);
      const text = pdfText(files.get('index.pdf')!);
      expect(text).toContain('Evidence index');
      expect(text).toContain('Requirements that do not apply');
      expect((await download(admin, packUrl(orgId, '?locale=fr'))).status).toBe(400);
    });

    it('lets the auditor download it; a member of another organisation and another organisation’s id get 404', async () => {
      const auditor = await member('auditor', 'pruefer@praxis-a.example');
      const res = await download(auditor, packUrl());
      expect(res.status).toBe(200);
      expect((await unpack(res.body)).has('index.pdf')).toBe(true);

      const other = await createOrganisationWithAdmin(t, 'Praxis Fremd', 'admin@praxis-fremd.example');
      const before = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit/anchor`)).json().organisations[0].seq;
      const foreign = await download(other.agent, packUrl());
      expect(foreign.status).toBe(404);
      expect(foreign.headers.get('content-disposition')).toBeNull();
      expect((await download(admin, packUrl(other.organisationId))).status).toBe(404);
      const after = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit/anchor`)).json().organisations[0].seq;
      expect(after).toBe(before);
    });

    it('answers HEAD without writing a pack', async () => {
      const seq = async () => (await admin.request('GET', `/api/v1/organisations/${orgId}/audit/anchor`)).json().organisations[0].seq as number;
      const before = await seq();
      const res = await fetch(origin + packUrl(), { method: 'HEAD', headers: { cookie: admin.cookie } });
      expect(res.status).toBe(200);
      expect(await seq()).toBe(before);
    });

    it('packs a file whose stored bytes no longer match the recorded hash as it is, and says so in the index', async () => {
      const damaged = uploaded.get('evidence/KBV-A1-02/Übergabe Standort.pdf')!;
      await t.ctx.db.execute(sql`update evidence_files set sha256 = ${'0'.repeat(64)} where organisation_id = ${orgId} and sha256 = ${sha256(damaged)}`);
      try {
        const files = await unpack((await download(admin, packUrl())).body);
        const name = 'evidence/KBV-A1-02/Übergabe Standort.pdf';
        expect(hashLines(files.get('hashes.sha256')!.toString('utf8')).get(name)).toBe(sha256(damaged));
        const text = pdfText(files.get('index.pdf')!);
        expect(text).toContain('Auffälligkeiten');
        expect(flat(files.get('index.pdf')!)).toContain(`(${'0'.repeat(64)})`);
      } finally {
        await t.ctx.db.execute(sql`update evidence_files set sha256 = ${sha256(damaged)} where organisation_id = ${orgId} and sha256 = ${'0'.repeat(64)}`);
      }
    });

    it('leaves out a file deleted while the pack is written and lists it under the irregularities', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis Loeschung', 'admin@praxis-loeschung.example');
      await seedEvidence(other.organisationId, 12, 1_000_000);
      const actor = { userId: other.agent.userId, organisationId: other.organisationId, role: 'management' as const, isAdmin: true };
      // One file per read step. Held after its first bytes, the pack stops a few megabytes in (backpressure), long before
      // it reads the eleventh file, which is deleted meanwhile.
      const limits = { batchBytes: 1, batchFiles: 1, sliceBytes: 1024 * 1024 };
      const pack = new PackStream(evidencePackProducer(t.ctx.db, new PackGate(), { actor, locale: 'de', documents: noDocuments, limits }));
      const chunks: Buffer[] = [];
      await new Promise<void>((resolve) =>
        pack.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (chunks.length === 1) {
            pack.pause();
            resolve();
          }
        }),
      );
      await t.ctx.db.execute(sql`delete from evidence_files where organisation_id = ${other.organisationId} and file_name = 'scan-10.pdf'`);
      const ended = new Promise((resolve) => pack.once('end', resolve));
      pack.resume();
      await ended;
      const files = await unpack(Buffer.concat(chunks));
      expect([...files.keys()].filter((name) => name.startsWith('evidence/')).sort()).toEqual(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11].map((i) => `evidence/KBV-A1-05/scan-${i}.pdf`).sort(),
      );
      expect(hashLines(files.get('hashes.sha256')!.toString('utf8')).has('evidence/KBV-A1-05/scan-10.pdf')).toBe(false);
      expect(pdfText(files.get('index.pdf')!)).toMatch(/KBV-A1-05: Der Nachweis „scan-10\.pdf“ wurde gelöscht/);
    });

    it('stays healthy when the client goes away in the middle of a download, and the next download goes through', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis Abbruch', 'admin@praxis-abbruch.example');
      await seedEvidence(other.organisationId, 24, 1_000_000);
      const controller = new AbortController();
      const res = await fetch(origin + packUrl(other.organisationId), { headers: { cookie: other.agent.cookie }, signal: controller.signal });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      expect((await reader.read()).value!.length).toBeGreaterThan(0);
      controller.abort();

      const health = await fetch(`${origin}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
      expect(health.status).toBe(200);
      // The organisation's place at the gate is free again: a second pack of it is written in full.
      const again = await fetch(origin + packUrl(other.organisationId), { headers: { cookie: other.agent.cookie }, signal: AbortSignal.timeout(30_000) });
      expect(again.status).toBe(200);
      const files = await unpack(Buffer.from(await again.arrayBuffer()));
      expect([...files.keys()].filter((name) => name.startsWith('evidence/'))).toHaveLength(24);
      if (engine === 'postgres') {
        const [open] = await queryRows<{ n: number }>(
          t.ctx.db,
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
        );
        expect(open!.n).toBe(0);
      }
    });
  });
}
