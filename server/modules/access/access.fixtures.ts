import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';

/**
 * A person of the register, written straight into the table for tests: the people routes are another module's, and
 * a leaver needs an end date in the past. Runs as the owner outside any organisation's transaction.
 */
export async function insertPerson(
  database: Database,
  organisationId: string,
  person: { name: string; endsOn?: string | null; role?: string; locationId?: string },
) {
  const id = randomUUID();
  await database.db.execute(sql`insert into people (organisation_id, id, name, role, ends_on, location_id)
    values (${organisationId}, ${id}, ${person.name}, ${person.role ?? 'medical_assistant'}, ${person.endsOn ?? null}::date, ${person.locationId ?? null}::uuid)`);
  return id;
}

/** Moves a person's end date (the people module's PUT is not needed for the access tests). */
export async function setEndsOn(database: Database, organisationId: string, personId: string, endsOn: string | null) {
  await database.db.execute(sql`update people set ends_on = ${endsOn}::date where organisation_id = ${organisationId} and id = ${personId}`);
}
