import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeListCursor } from '../../../domain/common/list.ts';
import { INCIDENT_PAGE_MAX } from '../../../domain/incidents/incident-list.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * The incidents list on the list kit (decision 021): filters (status, significance), the search in the title, every
 * sort key both ways, keyset paging with the total, refused queries naming the field, and never a row of another
 * organisation.
 */

const significantAnswers = {
  severeDisruption: 'yes',
  financialLoss: 'no',
  considerableHarmToOthers: 'no',
  maliciousSuspected: true,
  crossBorderImpact: false,
  personalDataBreach: false,
  gdprRisk: 'none',
};
const minorAnswers = { ...significantAnswers, severeDisruption: 'no', maliciousSuspected: false };

type Assessment = 'significant' | 'not_significant' | 'unassessed';
interface Fixture {
  title: string;
  /** Hours before the start of the test when it was noticed. */
  hoursAgo: number;
  assessment: Assessment;
  closed: boolean;
}

// Titles start with different letters, so the title order is the same under every collation (C on PGlite, the
// server's locale on PostgreSQL); one starts in lower case, which a plain C sort would put after "Z".
const fixtures: Fixture[] = [
  { title: 'Phishing-Mail geöffnet', hoursAgo: 50, assessment: 'unassessed', closed: false },
  { title: 'Ransomware am Empfang', hoursAgo: 10, assessment: 'significant', closed: false },
  { title: 'Laptop verloren', hoursAgo: 30, assessment: 'not_significant', closed: true },
  { title: 'anruf eines falschen Technikers', hoursAgo: 5, assessment: 'not_significant', closed: false },
  { title: 'Server 100% ausgelastet', hoursAgo: 70, assessment: 'significant', closed: true },
  { title: 'Druckerstörung', hoursAgo: 1, assessment: 'unassessed', closed: false },
  { title: 'Mail_Filter umgangen', hoursAgo: 20, assessment: 'significant', closed: false },
  { title: 'Zugang gesperrt', hoursAgo: 40, assessment: 'not_significant', closed: false },
  // Noticed at the same moment as "Ransomware am Empfang": the number breaks the tie.
  { title: 'USB-Stick gefunden', hoursAgo: 10, assessment: 'significant', closed: false },
];

/** The status order of the list: open and unassessed, open and significant, open and not significant, closed. */
const statusRank = (f: Fixture) => (f.closed ? 3 : f.assessment === 'unassessed' ? 0 : f.assessment === 'significant' ? 1 : 2);

interface Item {
  id: string;
  number: number;
  title: string;
  noticedAt: string;
  significant: boolean | null;
  handlingCompletedAt: string | null;
  next: { kind: string; remainingMs: number } | null;
}
interface Page {
  items: Item[];
  total: number;
  nextCursor: string | null;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the incidents list on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let neighbour: { agent: Agent; organisationId: string };
    const neighbourIds = new Set<string>();
    const start = Date.now();
    /** Number → fixture (numbers are given out 1, 2, 3 … in the order of the fixtures). */
    const byNumber = new Map<number, Fixture>();
    const list = () => `/api/v1/organisations/${orgId}/incidents`;

    async function report(agent: Agent, organisationId: string, fixture: Fixture) {
      const url = `/api/v1/organisations/${organisationId}/incidents`;
      const noticedAt = new Date(start - fixture.hoursAgo * 3_600_000).toISOString();
      const created = await agent.request('POST', url, { title: fixture.title, noticedAt, patientDataInvolved: false });
      expect(created.statusCode, created.body).toBe(201);
      const { id, number } = created.json() as { id: string; number: number };
      if (fixture.assessment !== 'unassessed') {
        const answers = fixture.assessment === 'significant' ? significantAnswers : minorAnswers;
        const assessed = await agent.request('PUT', `${url}/${id}/significance`, answers);
        expect(assessed.json().significant).toBe(fixture.assessment === 'significant');
      }
      if (fixture.closed) {
        const closed = await agent.request('PUT', `${url}/${id}/handling-completed`, { completedAt: new Date(start).toISOString() });
        expect(closed.statusCode, closed.body).toBe(200);
      }
      return { id, number };
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      neighbour = await createOrganisationWithAdmin(t, 'Praxis Nachbar', 'admin@nachbar.example');
      // The neighbour's incidents match every filter and search of the tests below.
      for (const fixture of fixtures.slice(0, 5)) {
        neighbourIds.add((await report(neighbour.agent, neighbour.organisationId, { ...fixture, title: `${fixture.title} (Nachbar)` })).id);
      }
      for (const fixture of fixtures) byNumber.set((await report(admin, orgId, fixture)).number, fixture);
    });
    afterAll(async () => t?.close());

    /** Every page of a query, following nextCursor. */
    async function walk(query: string, agent = admin, url = list()) {
      const items: Item[] = [];
      const totals: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await agent.request('GET', `${url}?${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json() as Page;
        expect(page.items.length).toBeLessThanOrEqual(Number(new URLSearchParams(query).get('limit') ?? INCIDENT_PAGE_MAX));
        items.push(...page.items);
        totals.push(page.total);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      return { items, totals, pages, numbers: items.map((i) => i.number) };
    }

    /** The numbers of the fixtures matching `keep`, in the given order (ties by number in the same direction). */
    function expected(keep: (f: Fixture) => boolean, key: (f: Fixture, n: number) => number | string = (_f, n) => n, order: 'asc' | 'desc' = 'desc') {
      const sign = order === 'asc' ? 1 : -1;
      return [...byNumber]
        .filter(([, f]) => keep(f))
        .sort(([na, a], [nb, b]) => {
          const ka = key(a, na);
          const kb = key(b, nb);
          return sign * (ka === kb ? na - nb : ka < kb ? -1 : 1);
        })
        .map(([n]) => n);
    }
    const all = () => true;

    it('pages newest first with the total on every page and no cursor after the last', async () => {
      const first = (await admin.request('GET', `${list()}?limit=2`)).json() as Page;
      expect(first.items.map((i) => i.number)).toEqual([9, 8]);
      expect(first.total).toBe(9);
      expect(first.nextCursor).toEqual(expect.any(String));
      const walked = await walk('limit=2');
      expect(walked.numbers).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
      expect(walked.totals).toEqual([9, 9, 9, 9, 9]);
      expect(walked.pages).toBe(5);
      const whole = (await admin.request('GET', list())).json() as Page;
      expect(whole.items).toHaveLength(9);
      expect(whole.nextCursor).toBeNull();
      // Exactly a page: no empty page after it.
      const exact = await walk('limit=3');
      expect(exact.pages).toBe(3);
    });

    it('carries the running clock of each incident on the page', async () => {
      const { items } = await walk('limit=4');
      const ransomware = items.find((i) => i.title === 'Ransomware am Empfang')!;
      // Significant, noticed 10 hours ago, no NIS2 check (counted as important): the early warning is due in about 14 hours.
      expect(ransomware.next).toMatchObject({ kind: 'early_warning', isOverdue: false });
      expect(ransomware.next!.remainingMs).toBeGreaterThan(13 * 3_600_000);
      expect(ransomware.next!.remainingMs).toBeLessThan(14 * 3_600_000 + 60_000);
      expect(items.find((i) => i.title === 'Druckerstörung')).toMatchObject({ significant: null, next: null, handlingCompletedAt: null });
      expect(items.find((i) => i.title === 'Laptop verloren')!.handlingCompletedAt).not.toBeNull();
    });

    it.each([
      ['status=open', (f: Fixture) => !f.closed],
      ['status=closed', (f: Fixture) => f.closed],
      ['significance=significant', (f: Fixture) => f.assessment === 'significant'],
      ['significance=not_significant', (f: Fixture) => f.assessment === 'not_significant'],
      ['significance=unassessed', (f: Fixture) => f.assessment === 'unassessed'],
      ['status=open&significance=significant', (f: Fixture) => !f.closed && f.assessment === 'significant'],
      ['status=closed&significance=unassessed', () => false],
      // Search in the title: case-insensitive; % and _ match only themselves.
      ['q=PHISHING', (f: Fixture) => f.title.startsWith('Phishing')],
      ['q=mail', (f: Fixture) => /mail/i.test(f.title)],
      ['q=_', (f: Fixture) => f.title.includes('_')],
      ['q=100%25', (f: Fixture) => f.title.includes('100%')],
      ['q=%25', (f: Fixture) => f.title.includes('%')],
      ['q=mail&status=open&significance=significant', (f: Fixture) => /mail/i.test(f.title) && !f.closed && f.assessment === 'significant'],
      ['q=Fax', () => false],
    ])('filters %s in SQL, with the matching total on every page', async (query, keep) => {
      const want = expected(keep);
      const walked = await walk(`${query}&limit=2`);
      expect(walked.numbers).toEqual(want);
      expect(new Set(walked.totals)).toEqual(new Set([want.length]));
      if (want.length === 0) expect((await admin.request('GET', `${list()}?${query}`)).json()).toEqual({ items: [], total: 0, nextCursor: null });
    });

    const sortKeys: [string, (f: Fixture, n: number) => number | string][] = [
      ['number', (_f, n) => n],
      ['noticedAt', (f) => -f.hoursAgo],
      ['status', statusRank],
      ['title', (f) => f.title.toLowerCase()],
    ];
    for (const [sort, key] of sortKeys) {
      for (const order of ['asc', 'desc'] as const) {
        it(`sorts by ${sort} ${order} across pages, ties by number, each incident once`, async () => {
          const walked = await walk(`sort=${sort}&order=${order}&limit=2`);
          expect(walked.numbers).toEqual(expected(all, key, order));
          expect(walked.totals.every((n) => n === 9)).toBe(true);
        });
      }
    }

    it('sorts a filtered list: the open incidents by status, what needs attention first', async () => {
      const walked = await walk('status=open&sort=status&order=asc&limit=3');
      expect(walked.numbers).toEqual(expected((f) => !f.closed, statusRank, 'asc'));
      expect(walked.items.slice(0, 2).map((i) => i.significant)).toEqual([null, null]);
    });

    it.each([
      ['status=deleted', ['status']],
      ['status=', ['status']],
      ['significance=yes', ['significance']],
      ['significance=true', ['significance']],
      ['sort=description', ['sort']],
      ['sort=reportedBy', ['sort']],
      ['order=up', ['order']],
      ['limit=0', ['limit']],
      [`limit=${INCIDENT_PAGE_MAX + 1}`, ['limit']],
      ['limit=ten', ['limit']],
      ['q=x%00y', ['q']],
      [`q=${'x'.repeat(201)}`, ['q']],
      ['cursor=%21%21', ['cursor']],
      // Well-formed cursors with values of the wrong type: a 400, never an SQL error.
      [`cursor=${encodeListCursor({ sort: 'number', order: 'desc', after: ['1 or 1=1', '1'] })}`, ['cursor']],
      [`sort=noticedAt&cursor=${encodeListCursor({ sort: 'noticedAt', order: 'desc', after: ['2026-02-30T10:00:00.000000Z', '3'] })}`, ['cursor']],
      [`sort=status&cursor=${encodeListCursor({ sort: 'status', order: 'desc', after: ['1', 'drei'] })}`, ['cursor']],
      // A cursor made for another sort or direction.
      [`sort=title&cursor=${encodeListCursor({ sort: 'number', order: 'desc', after: ['5', '5'] })}`, ['cursor']],
      [`cursor=${encodeListCursor({ sort: 'number', order: 'asc', after: ['5', '5'] })}`, ['cursor']],
    ])('refuses %s with 400 naming the field', async (query, path) => {
      const res = await admin.request('GET', `${list()}?${query}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().issues.map((i: { path: unknown }) => i.path)).toContainEqual(path);
    });

    it("never shows another organisation's incidents, whatever the filter, search or sort", async () => {
      for (const query of ['order=asc', 'q=Nachbar', 'q=Phishing', 'status=closed', 'significance=unassessed', 'sort=title&order=asc', 'sort=status']) {
        const walked = await walk(`${query}&limit=2`);
        expect(walked.items.filter((i) => neighbourIds.has(i.id))).toEqual([]);
        expect(walked.items.every((i) => byNumber.has(i.number) && byNumber.get(i.number)!.title === i.title)).toBe(true);
      }
      expect(((await admin.request('GET', `${list()}?q=Nachbar`)).json() as Page).total).toBe(0);
      // The neighbour sees its own five, and this organisation's list is a 404 for it, as if it did not exist.
      const theirs = await walk('limit=2', neighbour.agent, `/api/v1/organisations/${neighbour.organisationId}/incidents`);
      expect(new Set(theirs.items.map((i) => i.id))).toEqual(neighbourIds);
      expect(theirs.totals[0]).toBe(5);
      expect((await neighbour.agent.request('GET', list())).statusCode).toBe(404);
    });
  });
}
