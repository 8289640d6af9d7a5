import { and, eq, sql } from 'drizzle-orm';
import type { SheetDefinition } from '../../domain/common/spreadsheet.ts';
import type { Tx } from '../db/connect.ts';
import { importMappings } from '../db/schema.ts';
import { normaliseTitle, resolveMapping, type SheetMapping } from './import.ts';

/**
 * The column mapping an import used, remembered on the server per organisation and register (table import_mappings,
 * decision 024), so that the next file with the same titles is mapped the same way from any browser.
 *
 * A register's import calls two functions, both inside the request's tenant transaction:
 *
 *   const mapping = await importMapping(tx, organisationId, sheet, parsed.headers, upload.mapping);  // preview and commit
 *   await rememberMapping(tx, organisationId, sheet, parsed.headers, mapping);                       // after a commit's rows are written
 *
 * The remembered mapping is keyed by the column title as it stood in the file and matched by the normalised title
 * (case and white space ignored, as the kit's own title matching).
 */
export type RememberedMapping = Record<string, string | null>;

/** At most this many titles are remembered per register; the latest file's titles first. */
export const REMEMBERED_MAX_TITLES = 200;
/** A longer title is not remembered; nor one that PostgreSQL's jsonb refuses (a NUL character, a lone surrogate). */
export const REMEMBERED_MAX_TITLE_LENGTH = 200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const rememberable = (title: string) =>
  title.trim() !== '' && title.length <= REMEMBERED_MAX_TITLE_LENGTH && !title.includes('\u0000') && !LONE_SURROGATE.test(title);

/**
 * The remembered choices laid over the kit's suggestion: a column whose title was seen before gets the field (or the
 * "not imported") chosen then; the other columns keep the suggestion, unless it names a field a remembered column took.
 * Fields the register no longer has are ignored. Pure; the answer is a full mapping for `resolveMapping`.
 */
export function applyRemembered(definition: SheetDefinition, headers: readonly string[], remembered: RememberedMapping): SheetMapping {
  const fields = new Set(definition.columns.map((c) => c.field));
  const byTitle = new Map<string, string | null>();
  for (const [title, field] of Object.entries(remembered)) {
    if (field === null || fields.has(field)) byTitle.set(normaliseTitle(title), field);
  }
  const chosen: SheetMapping = {};
  const taken = new Set<string>();
  headers.forEach((header, index) => {
    const title = normaliseTitle(header ?? '');
    if (!title || !byTitle.has(title)) return;
    const field = byTitle.get(title)!;
    if (field !== null && taken.has(field)) return;
    chosen[index] = field;
    if (field !== null) taken.add(field);
  });
  const suggested = resolveMapping(definition, headers, undefined);
  const mapping: SheetMapping = {};
  headers.forEach((_, index) => {
    if (index in chosen) mapping[index] = chosen[index]!;
    else {
      const field = suggested[index] ?? null;
      mapping[index] = field !== null && taken.has(field) ? null : field;
    }
  });
  return mapping;
}

/**
 * What is remembered after an import: this file's titles with the fields they were imported as, then the titles
 * remembered before that this file did not have (same normalised title: this file wins), at most 200 in all.
 */
export function mergeRemembered(previous: RememberedMapping, headers: readonly string[], mapping: SheetMapping): RememberedMapping {
  const merged: RememberedMapping = {};
  const seen = new Set<string>();
  let count = 0;
  headers.forEach((header, index) => {
    const title = header ?? '';
    if (count >= REMEMBERED_MAX_TITLES || !rememberable(title) || seen.has(normaliseTitle(title))) return;
    seen.add(normaliseTitle(title));
    merged[title] = mapping[index] ?? null;
    count++;
  });
  for (const [title, field] of Object.entries(previous)) {
    if (count >= REMEMBERED_MAX_TITLES) break;
    if (!rememberable(title) || seen.has(normaliseTitle(title)) || (field !== null && typeof field !== 'string')) continue;
    seen.add(normaliseTitle(title));
    merged[title] = field;
    count++;
  }
  return merged;
}

async function readRemembered(tx: Tx, organisationId: string, register: string): Promise<RememberedMapping> {
  const rows = await tx
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.organisationId, organisationId), eq(importMappings.register, register)));
  const stored = rows[0]?.mapping;
  return stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
}

/**
 * The mapping of an import: the client's own (`chosen`, laid over the suggestion) when it sent one; otherwise what
 * this organisation's last import of the register used for the same titles, laid over the suggestion. A field twice
 * is `sheet.mapping_invalid` (400), as in `resolveMapping`.
 */
export async function importMapping(
  tx: Tx,
  organisationId: string,
  definition: SheetDefinition,
  headers: readonly string[],
  chosen: SheetMapping | undefined,
): Promise<SheetMapping> {
  if (chosen) return resolveMapping(definition, headers, chosen);
  const remembered = await readRemembered(tx, organisationId, definition.register);
  return resolveMapping(definition, headers, applyRemembered(definition, headers, remembered));
}

/**
 * Remembers the mapping an import committed with (call it in the commit's transaction, after the rows are written,
 * so a refused import remembers nothing). An upsert: two imports committing at once both succeed, the later one's
 * titles win.
 */
export async function rememberMapping(tx: Tx, organisationId: string, definition: SheetDefinition, headers: readonly string[], mapping: SheetMapping) {
  const previous = await readRemembered(tx, organisationId, definition.register);
  const merged = mergeRemembered(previous, headers, mapping);
  await tx
    .insert(importMappings)
    .values({ organisationId, register: definition.register, mapping: merged })
    .onConflictDoUpdate({ target: [importMappings.organisationId, importMappings.register], set: { mapping: merged, updatedAt: sql`now()` } });
}
