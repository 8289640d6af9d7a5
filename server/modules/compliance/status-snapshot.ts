import { sql } from 'drizzle-orm';
import { countProgress } from '../../../domain/compliance/progress.ts';
import { berlinDate } from '../../../domain/kbv/applicability.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { countCatalog } from './catalog.service.ts';

/**
 * What a managing director approves under § 38 Abs. 1 BSIG: the compliance version (raised by every change of a
 * status, a location or a check) and the progress of the applicable requirements it stands for, counted as the
 * dashboard counts them. Kept apart from the dashboard, which reads the incidents: the incidents module reads this
 * module's entry file, and the entry must not lead back to it.
 */
export async function statusSnapshot(tx: Tx, organisationId: string, now = new Date()) {
  // The version first, as the kept answers do: a write in between makes the progress newer than its version, so a
  // later look counts one change too many, never one too few.
  const [row] = await queryRows<{ version: string }>(
    tx,
    sql`select version::text as version from compliance_versions where organisation_id = ${organisationId}`,
  );
  const catalog = await countCatalog(tx, organisationId, berlinDate(now));
  const applicable = catalog.requirements.filter((r) => r.applicable);
  const progress = (framework: 'kbv' | 'nis2') => {
    const { done, total } = countProgress(applicable.filter((r) => r.framework === framework).map((r) => r.status));
    return { done, total };
  };
  return { version: Number(row?.version ?? 0), kbv: progress('kbv'), nis2: progress('nis2') };
}
