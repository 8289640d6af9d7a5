import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countProgress, isDone, isOverdue, overallStatus, type ScopedStatus, statusAtLocations } from '../../../domain/compliance/progress.ts';
import type { RequirementStatus } from '../../../domain/compliance/requirement-status.schema.ts';
import { queryRows } from '../../db/connect.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * The catalog and the dashboard are counted by the database (decision 011). This test seeds 25 locations with a
 * spread of entries and recomputes every figure from the rows with the pure rules over rows in domain/compliance:
 * if a SQL aggregate counted wrongly, some figure here would differ.
 */
const LOCATIONS = 25;

interface Row {
  requirement_id: string;
  location_id: string | null;
  status: RequirementStatus;
  due_date: string | null;
  evidence_count: number;
  owner_user_id: string | null;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(
    `catalog and dashboard aggregates at ${LOCATIONS} locations on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    () => {
      let t: TestApp;
      let admin: Agent;
      let orgId: string;

      beforeAll(async () => {
        t = await startTestApp(engine);
        ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
        for (let i = 3; i <= LOCATIONS; i++)
          await admin.request('POST', `/api/v1/organisations/${orgId}/locations`, { name: `Standort ${String(i).padStart(2, '0')}` });
        await admin.request('POST', `/api/v1/organisations/${orgId}/applicability/kbv`, {
          check: { personsHandlingData: 12, significantScaleProcessing: false, majorMedicalDevices: true, contractPractice: true },
        });
        // Organisation-wide entries for two requirements in three, own entries at a changing share of locations; some
        // requirements get no entry at all, some only location entries; due dates before and after "today".
        await t.ctx.db.execute(sql`
        insert into requirement_statuses (organisation_id, id, requirement_id, location_id, status, not_applicable_reason, due_date, evidence_count, owner_user_id)
        select ${orgId}::uuid, gen_random_uuid(), r.id, l.id, st.status,
               case when st.status = 'not_applicable' then 'Nicht vorhanden' end,
               case when (r.sort_order + l.n) % 4 = 0 then date '2026-01-15' when (r.sort_order + l.n) % 4 = 1 then date '2099-12-31' end,
               (r.sort_order + l.n) % 3,
               case when l.id is null then ${admin.userId}::uuid end
          from catalog_requirements r
          cross join (select null::uuid as id, 0 as n
                      union all select id, row_number() over (order by id)::int from locations where organisation_id = ${orgId}) l
          cross join lateral (select case
                   -- done at every location (implemented, here and there not applicable), or in progress everywhere
                   when r.sort_order % 5 = 1 then case when l.n % 7 = 3 then 'not_applicable' else 'implemented' end
                   when r.sort_order % 10 = 2 then 'in_progress'
                   -- decided for the whole organisation only
                   when r.sort_order % 10 = 7 then 'not_applicable'
                   else (array['open', 'in_progress', 'implemented', 'implemented', 'not_applicable'])[1 + (r.sort_order * 3 + l.n * 7) % 5] end as status) st
         where r.sort_order % 9 <> 0
           and case when r.sort_order % 5 = 1 or r.sort_order % 10 = 2 then true
                    when r.sort_order % 10 = 7 then l.id is null
                    when l.id is null then r.sort_order % 3 <> 0
                    else (r.sort_order * l.n) % (1 + r.sort_order % 4) = 0 end`);
      });
      afterAll(async () => t?.close());

      async function rows() {
        return queryRows<Row>(
          t.ctx.db,
          sql`select requirement_id, location_id, status, to_char(due_date, 'YYYY-MM-DD') as due_date, evidence_count, owner_user_id
              from requirement_statuses where organisation_id = ${orgId}`,
        );
      }

      it('gives every requirement the status, counts, due date, overdue flag and evidence the rules over rows give', async () => {
        const catalog = (await admin.request('GET', `/api/v1/organisations/${orgId}/catalog`)).json();
        const locationIds = (catalog.locations as { id: string }[]).map((l) => l.id);
        expect(locationIds).toHaveLength(LOCATIONS);
        const entries = await rows();
        const today = catalog.today as string;
        let withOwnEntries = 0;
        for (const r of catalog.requirements as {
          id: string;
          status: string;
          overdue: boolean;
          dueDate: string | null;
          evidenceCount: number;
          ownerUserId: string | null;
          locationCounts: Record<string, number>;
        }[]) {
          const mine = entries.filter((e) => e.requirement_id === r.id);
          const scoped: ScopedStatus[] = mine.map((e) => ({ locationId: e.location_id, status: e.status }));
          const atLocations = [...statusAtLocations(scoped, locationIds).values()];
          expect(r.status, r.id).toBe(overallStatus(scoped, locationIds));
          expect(r.locationCounts, r.id).toEqual({
            ownEntries: mine.filter((e) => e.location_id !== null).length,
            open: atLocations.filter((s) => s === 'open').length,
            in_progress: atLocations.filter((s) => s === 'in_progress').length,
            implemented: atLocations.filter((s) => s === 'implemented').length,
            not_applicable: atLocations.filter((s) => s === 'not_applicable').length,
          });
          expect(r.overdue, r.id).toBe(mine.some((e) => isOverdue(e.due_date, e.status, today)));
          expect(r.dueDate, r.id).toBe(
            mine
              .filter((e) => e.due_date && !isDone(e.status))
              .map((e) => e.due_date!)
              .sort()[0] ?? null,
          );
          expect(r.evidenceCount, r.id).toBe(mine.reduce((n, e) => n + e.evidence_count, 0));
          expect(r.ownerUserId, r.id).toBe(mine.find((e) => e.location_id === null)?.owner_user_id ?? null);
          if (mine.some((e) => e.location_id !== null)) withOwnEntries++;
        }
        // The seed really exercises the per-location rule, with every status somewhere.
        expect(withOwnEntries).toBeGreaterThan(40);
        expect(new Set((catalog.requirements as { status: string }[]).map((r) => r.status))).toEqual(
          new Set(['open', 'in_progress', 'implemented', 'not_applicable']),
        );
      });

      it('counts progress per location and lists overdue entries as the rules over rows do', async () => {
        const catalog = (await admin.request('GET', `/api/v1/organisations/${orgId}/catalog`)).json();
        const d = (await admin.request('GET', `/api/v1/organisations/${orgId}/dashboard`)).json();
        const locationIds = (catalog.locations as { id: string }[]).map((l) => l.id);
        const entries = await rows();
        const applicable = (catalog.requirements as { id: string; framework: string; applicable: boolean }[]).filter((r) => r.applicable);
        const kbv = applicable.filter((r) => r.framework === 'kbv').map((r) => r.id);
        const statusesAt = (requirementId: string) =>
          statusAtLocations(
            entries.filter((e) => e.requirement_id === requirementId).map((e) => ({ locationId: e.location_id, status: e.status })),
            locationIds,
          );
        const perRequirement = new Map(kbv.map((id) => [id, statusesAt(id)]));
        expect(d.progress.byLocation).toHaveLength(LOCATIONS);
        for (const l of d.progress.byLocation as {
          locationId: string;
          name: string;
          total: number;
          done: number;
          inProgress: number;
          open: number;
          ratio: number;
        }[]) {
          const { locationId, name, ...counts } = l;
          expect(counts, name).toEqual(countProgress(kbv.map((id) => perRequirement.get(id)!.get(locationId)!)));
        }
        // In the order of the locations page (German collation).
        const listed = ((await admin.request('GET', `/api/v1/organisations/${orgId}/locations`)).json() as { id: string }[]).map((l) => l.id);
        expect((d.progress.byLocation as { locationId: string }[]).map((l) => l.locationId)).toEqual(listed);

        const overdue = entries
          .filter((e) => applicable.some((r) => r.id === e.requirement_id) && isOverdue(e.due_date, e.status, d.today))
          .map((e) => `${e.requirement_id}/${e.location_id}`);
        expect(d.overdueTotal).toBe(overdue.length);
        expect(d.overdueTotal).toBeGreaterThan(d.overdue.length);
        expect(d.overdue).toHaveLength(50);
        for (const o of d.overdue as { requirementId: string; locationId: string | null }[]) expect(overdue).toContain(`${o.requirementId}/${o.locationId}`);
        expect(d.evidenceFiles).toBe(entries.reduce((n, e) => n + e.evidence_count, 0));
      });

      it('gives the entries of one requirement on its detail, organisation-wide first', async () => {
        const entries = (await rows()).filter((e) => e.requirement_id === 'KBV-A1-02');
        const detail = (await admin.request('GET', `/api/v1/organisations/${orgId}/requirements/KBV-A1-02`)).json();
        expect(detail.entries).toHaveLength(entries.length);
        expect(detail.entries.map((e: { locationId: string | null }) => e.locationId).sort()).toEqual(entries.map((e) => e.location_id).sort());
        expect(detail.locations).toHaveLength(LOCATIONS);
        if (entries.some((e) => e.location_id === null)) expect(detail.entries[0].locationId).toBeNull();
      });
    },
  );
}
