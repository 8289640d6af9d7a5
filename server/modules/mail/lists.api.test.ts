import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type Agent, type TestApp } from '../../test/test-app.ts';

/**
 * The lists that grow without bound (incidents, audit trail, outbox) answer in pages with a stable order and the
 * total (decision 011): walking the pages gives every row once, newest first, and as many as the total says.
 */
for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`paged lists on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      for (let i = 1; i <= 5; i++) {
        const noticedAt = new Date(Date.now() - i * 3600_000).toISOString();
        await admin.request('POST', `/api/v1/organisations/${orgId}/incidents`, { title: `Vorfall ${i}`, noticedAt, patientDataInvolved: false });
        await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email: `person${i}@praxis.example`, role: 'staff' });
      }
    });
    afterAll(async () => t?.close());

    it('pages the incidents by number, newest first, with the total in x-total-count', async () => {
      const first = await admin.request('GET', `/api/v1/organisations/${orgId}/incidents?limit=2`);
      expect(first.headers['x-total-count']).toBe('5');
      const numbers: number[] = [];
      let before: number | undefined;
      for (;;) {
        const page = (await admin.request('GET', `/api/v1/organisations/${orgId}/incidents?limit=2${before ? `&before=${before}` : ''}`)).json() as { number: number }[];
        numbers.push(...page.map((i) => i.number));
        if (page.length < 2) break;
        before = page[page.length - 1]!.number;
      }
      expect(numbers).toEqual([5, 4, 3, 2, 1]);
      // Without a limit the first 100: the old answer for any practice with fewer incidents.
      expect(((await admin.request('GET', `/api/v1/organisations/${orgId}/incidents`)).json() as unknown[]).length).toBe(5);
      const bad = await admin.request('GET', `/api/v1/organisations/${orgId}/incidents?limit=0`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0].path).toEqual(['limit']);
    });

    it('pages the audit trail by sequence number and counts it from the chain head', async () => {
      const first = await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=3`);
      const total = Number(first.headers['x-total-count']);
      const seqs: number[] = [];
      let before: number | undefined;
      for (;;) {
        const page = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=3${before ? `&before=${before}` : ''}`)).json() as { seq: number }[];
        seqs.push(...page.map((e) => e.seq));
        if (page.length < 3) break;
        before = page[page.length - 1]!.seq;
      }
      expect(total).toBeGreaterThanOrEqual(10);
      expect(seqs).toEqual(Array.from({ length: total }, (_, i) => total - i));
    });

    it('pages the outbox newest first (ties broken by id) with the total and the next cursor', async () => {
      const all = (await admin.request('GET', `/api/v1/organisations/${orgId}/outbox`)).json() as { mails: { id: string; createdAt: string }[]; total: number; nextBefore: string | null };
      expect(all.total).toBe(all.mails.length);
      expect(all.total).toBeGreaterThanOrEqual(5);
      expect(all.nextBefore).toBeNull();
      const order = [...all.mails].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
      expect(all.mails.map((m) => m.id)).toEqual(order.map((m) => m.id));
      const ids: string[] = [];
      let before: string | null = null;
      do {
        const page = (await admin.request('GET', `/api/v1/organisations/${orgId}/outbox?limit=2${before ? `&before=${before}` : ''}`)).json() as typeof all;
        expect(page.total).toBe(all.total);
        ids.push(...page.mails.map((m) => m.id));
        before = page.nextBefore;
      } while (before);
      expect(ids).toEqual(all.mails.map((m) => m.id));

      // Another organisation's mail as the cursor finds nothing here; a malformed cursor names the field.
      const other = await createOrganisationWithAdmin(t, 'Praxis Fremd', 'admin@fremd.example');
      await other.agent.request('POST', `/api/v1/organisations/${other.organisationId}/invitations`, { email: 'x@fremd.example', role: 'staff' });
      const foreignId = ((await other.agent.request('GET', `/api/v1/organisations/${other.organisationId}/outbox`)).json() as typeof all).mails[0]!.id;
      const foreign = await admin.request('GET', `/api/v1/organisations/${orgId}/outbox?before=${foreignId}`);
      expect(foreign.statusCode).toBe(200);
      expect(foreign.json().mails).toEqual([]);
      const bad = await admin.request('GET', `/api/v1/organisations/${orgId}/outbox?before=zzz`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0].path).toEqual(['before']);
    });
  });
}
