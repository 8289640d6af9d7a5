import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { samplePdf } from '../server/test/files.ts';
import { type Agent, createOrganisationWithAdmin, runFirstSetup, type TestApp } from '../server/test/test-app.ts';

export const LOCATIONS = 10;
export const EVIDENCE_FILES = 2000;
/** The cap on locations per organisation (MAX_LOCATIONS_PER_ORGANISATION): the largest organisation the app serves. */
export const MANY_LOCATIONS = 300;

async function recordChecks(agent: Agent, organisationId: string) {
  await agent.request('POST', `/api/v1/organisations/${organisationId}/applicability/kbv`, {
    check: { personsHandlingData: 40, significantScaleProcessing: true, majorMedicalDevices: true, contractPractice: true },
  });
  await agent.request('POST', `/api/v1/organisations/${organisationId}/applicability/nis2`, {
    financialYear: 2025,
    check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 120, annualTurnoverEur: 12_000_000, balanceSheetTotalEur: 9_000_000 },
  });
}

/** An organisation with every requirement worked on at 10 locations and 2 000 evidence files (4 KB each). */
export async function seedLargeOrganisation(t: TestApp) {
  const { agent, organisationId } = await runFirstSetup(t.app);
  for (let i = 3; i <= LOCATIONS; i++) {
    await agent.request('POST', `/api/v1/organisations/${organisationId}/locations`, { name: `Standort ${i}` });
  }
  await recordChecks(agent, organisationId);
  // Every requirement gets an organisation-wide status and one per location; evidence spread over them.
  const statuses = ['open', 'in_progress', 'implemented'] as const;
  await t.ctx.db.execute(sql`
    insert into requirement_statuses (organisation_id, id, requirement_id, location_id, status, due_date)
    select ${organisationId}::uuid, gen_random_uuid(), r.id, l.id,
           (array[${statuses[0]}, ${statuses[1]}, ${statuses[2]}])[1 + (r.sort_order + coalesce(l.n, 0)) % 3],
           case when r.sort_order % 7 = 0 then date '2026-01-31' end
      from catalog_requirements r
      cross join (select null::uuid as id, 0 as n
                  union all select id, row_number() over (order by id)::int from locations where organisation_id = ${organisationId}) l`);
  const content = Buffer.concat([samplePdf, Buffer.alloc(4096, 32)]);
  const statusIds = (await t.ctx.db.execute(sql`select id from requirement_statuses where organisation_id = ${organisationId}`)) as unknown as {
    rows: { id: string }[];
  };
  for (let i = 0; i < EVIDENCE_FILES; i += 200) {
    const batch = Array.from({ length: Math.min(200, EVIDENCE_FILES - i) }, (_, k) => {
      const status = statusIds.rows[(i + k) % statusIds.rows.length]!.id;
      return sql`(${organisationId}::uuid, ${randomUUID()}::uuid, ${status}::uuid, ${`nachweis-${i + k}.pdf`}, 'application/pdf', ${content.length}, ${'0'.repeat(64)}, ${content})`;
    });
    await t.ctx.db.execute(
      sql`insert into evidence_files (organisation_id, id, requirement_status_id, file_name, media_type, size_bytes, sha256, content) values ${sql.join(batch, sql`, `)}`,
    );
  }
  await t.ctx.db.execute(sql`update requirement_statuses s
    set evidence_count = (select count(*) from evidence_files e where e.organisation_id = s.organisation_id and e.requirement_status_id = s.id)
    where s.organisation_id = ${organisationId}`);
  return { agent, organisationId };
}

/**
 * A second organisation at the location cap: 300 locations (inserted directly, the API's per-request work is not
 * what is measured), an organisation-wide status for every requirement and an own entry at about two locations in
 * three for every requirement (about 20 000 entries), some with due dates in the past.
 */
export async function seedManyLocations(t: TestApp, locations = MANY_LOCATIONS) {
  const { agent, organisationId } = await createOrganisationWithAdmin(t, 'MVZ Verbund', 'admin@mvz-verbund.example');
  await t.ctx.db.execute(sql`
    insert into locations (organisation_id, id, name)
    select ${organisationId}::uuid, gen_random_uuid(), 'Standort ' || n from generate_series(2, ${locations}) n`);
  await recordChecks(agent, organisationId);
  await t.ctx.db.execute(sql`
    insert into requirement_statuses (organisation_id, id, requirement_id, location_id, status, not_applicable_reason, due_date)
    select ${organisationId}::uuid, gen_random_uuid(), r.id, l.id,
           (array['open', 'in_progress', 'implemented', 'implemented', 'not_applicable'])[1 + (r.sort_order * 7 + l.n) % 5],
           case when (r.sort_order * 7 + l.n) % 5 = 4 then 'Kein solches Gerät am Standort' end,
           case when (r.sort_order + l.n) % 11 = 0 then date '2026-01-31' end
      from catalog_requirements r
      cross join (select null::uuid as id, 0 as n
                  union all select id, row_number() over (order by id)::int from locations where organisation_id = ${organisationId}) l
     where l.id is null or (r.sort_order + l.n) % 3 <> 0`);
  const [count] = (
    (await t.ctx.db.execute(sql`select count(*)::int as n from requirement_statuses where organisation_id = ${organisationId}`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  return { agent, organisationId, locations, statusEntries: count!.n };
}
