import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/connect.ts';

/**
 * Counted answers (catalog, dashboard) kept per organisation with the compliance version they were made from
 * (migration 0014, decision 015). A request reads the version first, then, only when it moved or the day changed,
 * counts again. Reading the version before the data is what keeps this correct under concurrent writes: a write
 * committed in between shows up in the data but not yet in the version, so the answer is at worst newer than its
 * version and is counted once more on the next request; never older.
 *
 * Several app processes on one PostgreSQL server each keep their own answers; the version lives in the database, so
 * a write through one process is seen by all.
 */
const MAX_ORGANISATIONS = 100;

interface Entry<T> {
  key: string;
  value: Promise<T>;
}

/**
 * The organisation's compliance version with the row's xmin (the transaction that last raised it): a database
 * restored under a running process may bring a version number back that was seen before, never the same xmin.
 */
export async function complianceVersion(tx: Tx, organisationId: string): Promise<string> {
  const [row] = await queryRows<{ v: string }>(
    tx,
    sql`select version::text || ':' || xmin::text as v from compliance_versions where organisation_id = ${organisationId}`,
  );
  return row?.v ?? '0';
}

export class KeptAnswers<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** How often an answer was counted (for the tests and the benchmark). */
  computed = 0;

  constructor(private readonly limit = MAX_ORGANISATIONS) {}

  /**
   * The answer for `organisationId` under `key` (version and day), counted by `compute` when none is kept for that
   * key. Requests that arrive while it is being counted share the one count; a failed count is not kept.
   */
  get(organisationId: string, key: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.entries.get(organisationId);
    if (kept && kept.key === key) {
      // Most recently used last, so the oldest organisation is the first one dropped.
      this.entries.delete(organisationId);
      this.entries.set(organisationId, kept);
      return kept.value;
    }
    this.computed++;
    const value = compute();
    const entry = { key, value };
    this.entries.delete(organisationId);
    this.entries.set(organisationId, entry);
    value.catch(() => {
      if (this.entries.get(organisationId) === entry) this.entries.delete(organisationId);
    });
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear() {
    this.entries.clear();
  }
}
