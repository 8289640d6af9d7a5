import { sql } from 'drizzle-orm';
import type { BinaryRows } from '../../db/binary-copy.ts';
import { type Db, queryRows, type Tx } from '../../db/connect.ts';
import { APP_ROLE } from '../../db/tenant.ts';

/** One evidence file as the index lists it: everything but its bytes. */
export interface EvidenceRow {
  id: string;
  requirementId: string;
  /** The location of the status entry it belongs to; null for the organisation-wide entry. */
  locationName: string | null;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** SHA-256 recorded when the file was uploaded. */
  sha256: string;
  uploadedAt: Date;
}

/**
 * The tenant transaction (app role, row-level security on the organisation, as withOrganisation sets it) as one
 * snapshot: REPEATABLE READ, READ ONLY. Every statement of the manifest sees the same committed state on PostgreSQL,
 * so the index's counts, statuses, files and audit head agree with each other; PGlite runs one transaction at a time
 * and gives the same.
 */
export function withOrganisationSnapshot<T>(db: Db, organisationId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.organisation_id', ${organisationId}, true)`);
      return work(tx);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export async function organisationName(tx: Tx, organisationId: string): Promise<string> {
  const [row] = await queryRows<{ name: string }>(tx, sql`select name from organisations where id = ${organisationId}`);
  return row?.name ?? '';
}

/** Names of the given people (owners and the person downloading), also of those who have left the organisation. */
export async function userNames(tx: Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from users where id in (${sql.join(
      userIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Every evidence file of the organisation without its bytes, in catalog order, then by upload: the manifest the pack
 * is written from. A few hundred bytes per file; the bytes themselves are read later, a batch at a time.
 */
export async function evidenceManifest(tx: Tx, organisationId: string): Promise<EvidenceRow[]> {
  const rows = await queryRows<{
    id: string;
    requirement_id: string;
    location_name: string | null;
    file_name: string;
    media_type: string;
    size_bytes: number;
    sha256: string;
    uploaded_at: string | Date;
  }>(
    tx,
    sql`select e.id, s.requirement_id, l.name as location_name, e.file_name, e.media_type, e.size_bytes, e.sha256, e.uploaded_at
          from evidence_files e
          join requirement_statuses s on s.organisation_id = e.organisation_id and s.id = e.requirement_status_id
          left join locations l on l.organisation_id = s.organisation_id and l.id = s.location_id
          left join catalog_requirements r on r.id = s.requirement_id
         where e.organisation_id = ${organisationId}
         order by r.sort_order nulls last, s.requirement_id, e.uploaded_at, e.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    requirementId: r.requirement_id,
    locationName: r.location_name,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    uploadedAt: new Date(r.uploaded_at),
  }));
}

/**
 * The bytes of some evidence files by id, in binary form (server/db/binary-copy.ts); a file deleted since the manifest
 * is missing from the answer.
 */
export async function evidenceContents(
  rows: BinaryRows,
  organisationId: string,
  files: readonly { id: string; sizeBytes: number }[],
): Promise<Map<string, Buffer>> {
  const found = await rows(
    'select id::text, content from evidence_files where organisation_id = $1 and id = any($2::uuid[])',
    [organisationId, `{${files.map((f) => f.id).join(',')}}`],
    files.reduce((sum, f) => sum + f.sizeBytes + 64, 0),
  );
  return new Map(found.map(([id, content]) => [id!.toString(), content!]));
}

/** `length` bytes of one evidence file from `offset` (0-based); null when the file is gone. */
export async function evidenceSlice(rows: BinaryRows, organisationId: string, id: string, offset: number, length: number): Promise<Buffer | null> {
  const [row] = await rows(
    'select substring(content from $3::int for $4::int) from evidence_files where organisation_id = $1 and id = $2::uuid',
    [organisationId, id, String(offset + 1), String(length)],
    length + 64,
  );
  return row ? row[0]! : null;
}
