import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeListCursor } from '../../../domain/common/list.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * The lists that grow without bound (incidents, audit trail, outbox) answer in pages with a stable order and the
 * total (decisions 011 and 021): walking the pages gives every row once, in the order asked for, and as many as the
 * total says, also while rows are added between the pages.
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

    it('pages the incidents by number, newest first, with the total and the next cursor', async () => {
      const { items, totals, pages } = await walk<{ number: number }>(`/api/v1/organisations/${orgId}/incidents?limit=2`);
      expect(items.map((i) => i.number)).toEqual([5, 4, 3, 2, 1]);
      expect(totals).toEqual([5, 5, 5]);
      expect(pages).toBe(3);
      const bad = await admin.request('GET', `/api/v1/organisations/${orgId}/incidents?limit=0`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0].path).toEqual(['limit']);
    });

    interface Page<T> {
      items: T[];
      total: number;
      nextCursor: string | null;
    }
    async function walk<T>(url: string, agent: Agent = admin): Promise<{ items: T[]; totals: number[]; pages: number }> {
      const items: T[] = [];
      const totals: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await agent.request('GET', `${url}${url.includes('?') ? '&' : '?'}${cursor ? `cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json() as Page<T>;
        items.push(...page.items);
        totals.push(page.total);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      return { items, totals, pages };
    }

    it('pages the audit trail with a cursor, newest first, and counts it from the chain head', async () => {
      const { items, totals, pages } = await walk<{ seq: number }>(`/api/v1/organisations/${orgId}/audit?limit=3`);
      const total = totals[0]!;
      expect(total).toBeGreaterThanOrEqual(10);
      expect(pages).toBe(Math.ceil(total / 3));
      expect(items.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => total - i));
      const oldestFirst = await walk<{ seq: number }>(`/api/v1/organisations/${orgId}/audit?limit=4&order=asc`);
      expect(oldestFirst.items.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    });

    it('gives every audit entry once while entries are appended between the pages', async () => {
      const url = `/api/v1/organisations/${orgId}/audit?limit=4`;
      const first = (await admin.request('GET', url)).json() as Page<{ seq: number }>;
      const seen = first.items.map((e) => e.seq);
      const totalAtStart = first.total;
      let cursor = first.nextCursor;
      let added = 0;
      while (cursor) {
        // Each page is read after two new entries were written at the head of the trail.
        for (let i = 0; i < 2; i++) {
          const res = await admin.request('POST', `/api/v1/organisations/${orgId}/locations`, { name: `Filiale ${added++}` });
          expect(res.statusCode).toBe(201);
        }
        const page = (await admin.request('GET', `${url}&cursor=${cursor}`)).json() as Page<{ seq: number }>;
        seen.push(...page.items.map((e) => e.seq));
        cursor = page.nextCursor;
      }
      expect(added).toBeGreaterThan(0);
      expect(seen).toEqual(Array.from({ length: totalAtStart }, (_, i) => totalAtStart - i));
      const now = (await admin.request('GET', url)).json() as Page<{ seq: number }>;
      expect(now.total).toBe(totalAtStart + added);
      expect(now.items[0]!.seq).toBe(totalAtStart + added);
    });

    it('filters the audit trail by action and by person in SQL, with the matching total', async () => {
      const all = await walk<{ action: string; actorUserId: string | null }>(`/api/v1/organisations/${orgId}/audit?limit=500`);
      const invited = all.items.filter((e) => e.action === 'invitation.created').length;
      expect(invited).toBe(5);
      const page = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=2&action=invitation.created`)).json() as Page<{ action: string }>;
      expect(page.total).toBe(invited);
      expect(page.items.map((e) => e.action)).toEqual(['invitation.created', 'invitation.created']);
      const filtered = await walk<{ action: string }>(`/api/v1/organisations/${orgId}/audit?limit=2&action=invitation.created`);
      expect(filtered.items).toHaveLength(invited);
      const mine = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?actorUserId=${admin.userId}&limit=500`)).json() as Page<{
        actorUserId: string;
      }>;
      expect(mine.total).toBe(all.items.filter((e) => e.actorUserId === admin.userId).length);
      expect(new Set(mine.items.map((e) => e.actorUserId))).toEqual(new Set([admin.userId]));
    });

    it.each([
      ['sort=hash', ['sort']],
      ['limit=0', ['limit']],
      ['limit=501', ['limit']],
      ['order=up', ['order']],
      ['cursor=%21%21', ['cursor']],
      // Well-formed cursors with values that are no sequence number: a 400, never an SQL error.
      [`cursor=${encodeListCursor({ sort: 'seq', order: 'desc', after: ['1 or 1=1', '1'] })}`, ['cursor']],
      [`cursor=${encodeListCursor({ sort: 'seq', order: 'desc', after: ['99999999999999999999', '1'] })}`, ['cursor']],
      [`cursor=${encodeListCursor({ sort: 'seq', order: 'asc', after: ['5', '5'] })}`, ['cursor']],
      ['action=%00', ['action']],
      ['actorUserId=nobody', ['actorUserId']],
    ])('refuses the audit query %s with 400 naming the field', async (query, path) => {
      const res = await admin.request('GET', `/api/v1/organisations/${orgId}/audit?${query}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().issues.map((i: { path: unknown }) => i.path)).toContainEqual(path);
    });

    it('pages the outbox newest first (ties broken by id) with the total and the next cursor', async () => {
      const all = (await admin.request('GET', `/api/v1/organisations/${orgId}/outbox?limit=500`)).json() as Page<{ id: string; createdAt: string }> & {
        smtp: boolean;
      };
      expect(all.smtp).toBe(false);
      expect(all.total).toBe(all.items.length);
      expect(all.total).toBeGreaterThanOrEqual(5);
      expect(all.nextCursor).toBeNull();
      const order = [...all.items].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
      expect(all.items.map((m) => m.id)).toEqual(order.map((m) => m.id));
      const paged = await walk<{ id: string }>(`/api/v1/organisations/${orgId}/outbox?limit=2`);
      expect(paged.totals.every((n) => n === all.total)).toBe(true);
      expect(paged.items.map((m) => m.id)).toEqual(all.items.map((m) => m.id));
    });

    it.each(['recipient', 'subject', 'createdAt'])('pages the outbox sorted by %s both ways, each mail once', async (sort) => {
      for (const order of ['asc', 'desc']) {
        const whole = (await admin.request('GET', `/api/v1/organisations/${orgId}/outbox?limit=500&sort=${sort}&order=${order}`)).json() as Page<{
          id: string;
        }>;
        const paged = await walk<{ id: string }>(`/api/v1/organisations/${orgId}/outbox?limit=2&sort=${sort}&order=${order}`);
        expect(paged.items.map((m) => m.id)).toEqual(whole.items.map((m) => m.id));
        expect(new Set(paged.items.map((m) => m.id)).size).toBe(whole.total);
      }
    });

    it('searches and filters the outbox in SQL; % and _ match only themselves', async () => {
      const found = (await admin.request('GET', `/api/v1/organisations/${orgId}/outbox?q=PERSON3`)).json() as Page<{ recipient: string }>;
      expect(found.total).toBe(1);
      expect(found.items.map((m) => m.recipient)).toEqual(['person3@praxis.example']);
      expect(((await admin.request('GET', `/api/v1/organisations/${orgId}/outbox?q=%25`)).json() as Page<unknown>).total).toBe(0);
      expect(((await admin.request('GET', `/api/v1/organisations/${orgId}/outbox?q=person_`)).json() as Page<unknown>).total).toBe(0);
      const invitations = (await admin.request('GET', `/api/v1/organisations/${orgId}/outbox?kind=invitation&limit=1`)).json() as Page<{ kind: string }>;
      expect(invitations.total).toBe(5);
      expect(invitations.items).toHaveLength(1);
      expect(invitations.nextCursor).not.toBeNull();
      expect(((await admin.request('GET', `/api/v1/organisations/${orgId}/outbox?kind=password_reset`)).json() as Page<unknown>).total).toBe(0);
    });

    it.each([
      ['q=x%00y', ['q']],
      ['sort=body_text', ['sort']],
      ['kind=DROP%20TABLE', ['kind']],
      [
        `cursor=${encodeListCursor({ sort: 'createdAt', order: 'desc', after: ['2026-02-30T10:00:00.000000Z', '0b7c1f7e-3f7a-4c1e-9d2a-1e3b5c7d9f00'] })}`,
        ['cursor'],
      ],
      [`cursor=${encodeListCursor({ sort: 'createdAt', order: 'desc', after: ['2026-01-01T10:00:00.000000Z', 'zzz'] })}`, ['cursor']],
      [
        `sort=recipient&cursor=${encodeListCursor({ sort: 'createdAt', order: 'desc', after: ['2026-01-01T10:00:00.000000Z', '0b7c1f7e-3f7a-4c1e-9d2a-1e3b5c7d9f00'] })}`,
        ['cursor'],
      ],
    ])('refuses the outbox query %s with 400 naming the field', async (query, path) => {
      const res = await admin.request('GET', `/api/v1/organisations/${orgId}/outbox?${query}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().issues.map((i: { path: unknown }) => i.path)).toContainEqual(path);
    });
  });
}
