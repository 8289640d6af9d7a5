import { randomUUID } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { type AssetInput, assetInputSchema } from '../../../domain/assets/assets.schema.ts';
import { assetSheet } from '../../../domain/assets/assets.sheet.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { assets, locations } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError, issuesFromZod } from '../../http/errors.ts';
import type { Locale } from '../../i18n/texts.ts';
import { t } from '../../i18n/texts.ts';
import { exportSheet, type SheetFormat, sheetFileName, sheetMediaTypes } from '../../spreadsheet/export.ts';
import { type CellError, type CellValue, columnOf, convertRows, type ImportAction, type PreviewRow, previewOf, readSheet } from '../../spreadsheet/import.ts';
import { importMapping, rememberMapping } from '../../spreadsheet/remembered-mapping.ts';
import type { SheetUpload } from '../../spreadsheet/upload.ts';
import { appendAudit } from '../audit/audit.ts';
import { practiceToday } from './assets.service.ts';

type AssetRow = typeof assets.$inferSelect;
type PlannedRow = PreviewRow & { input?: AssetInput; id?: string };
/** The preview's word for a row that cannot be imported (not an audit action). */
const failedAction: ImportAction = 'error';

const inputFields = Object.keys(assetInputSchema.shape) as (keyof AssetInput)[];
/** Enum cells left empty keep the record's value (or the schema's default), they do not clear it. */
const enumFields = new Set(assetSheet.columns.filter((c) => c.type === 'enum').map((c) => c.field as string));

/**
 * Reads the file and checks every row as the asset form would: the location by its name, the inventory number as the
 * key (a number that exists updates that asset; one twice in the file is an error), then the register's schema.
 */
async function plan(tx: Tx, organisationId: string, upload: SheetUpload) {
  const sheet = await readSheet(upload.content);
  const mapping = await importMapping(tx, organisationId, assetSheet, sheet.headers, upload.mapping);
  const converted = convertRows(assetSheet, sheet, mapping);
  const locationColumn = columnOf(mapping, 'location');
  const keyColumn = columnOf(mapping, 'inventoryNumber');

  const locationIds = new Map<string, string>();
  if (locationColumn !== null) {
    const rows = await tx.select({ id: locations.id, name: locations.name }).from(locations).where(eq(locations.organisationId, organisationId));
    for (const row of rows) if (!locationIds.has(row.name.trim().toLowerCase())) locationIds.set(row.name.trim().toLowerCase(), row.id);
  }
  const existing = new Map<string, AssetRow>();
  if (keyColumn !== null) {
    const rows = await tx
      .select()
      .from(assets)
      .where(and(eq(assets.organisationId, organisationId), ne(assets.inventoryNumber, '')));
    for (const row of rows) existing.set(row.inventoryNumber.toLowerCase(), row);
  }

  const seenKeys = new Set<string>();
  const planned: PlannedRow[] = converted.map(({ row, values, errors }) => {
    const rowErrors: CellError[] = [...errors];
    const { location, ...fields } = values as Record<string, CellValue> & { location?: CellValue };
    const merged: Record<string, unknown> = {};
    const key = typeof fields.inventoryNumber === 'string' ? fields.inventoryNumber.trim().toLowerCase() : '';
    const before = key ? existing.get(key) : undefined;
    if (key) {
      if (seenKeys.has(key)) rowErrors.push({ column: keyColumn, field: 'inventoryNumber', code: 'sheet.duplicate_key' });
      seenKeys.add(key);
    }
    if (before) for (const field of inputFields) merged[field] = before[field];
    for (const [field, value] of Object.entries(fields)) {
      if (value === null && enumFields.has(field)) continue;
      merged[field] = value;
    }
    if (locationColumn !== null && location !== undefined) {
      const name = typeof location === 'string' ? location.trim().toLowerCase() : '';
      if (!name) merged.locationId = null;
      else if (locationIds.has(name)) merged.locationId = locationIds.get(name);
      else rowErrors.push({ column: locationColumn, field: 'location', code: 'asset.location_unknown' });
    }
    const parsed = assetInputSchema.safeParse(merged);
    if (!parsed.success) {
      for (const issue of issuesFromZod(parsed.error)) {
        const field = String(issue.path[0] ?? '');
        const sheetField = field === 'locationId' ? 'location' : field;
        if (rowErrors.some((e) => e.field === sheetField)) continue;
        rowErrors.push({ column: columnOf(mapping, sheetField), field: sheetField, code: issue.code });
      }
    }
    if (rowErrors.length > 0 || !parsed.success) return { row, action: failedAction, errors: rowErrors };
    return { row, action: before ? 'update' : 'create', errors: [], input: parsed.data, id: before?.id };
  });
  return { sheet, mapping, planned };
}

export async function previewAssetImport(tx: Tx, organisationId: string, upload: SheetUpload) {
  const { sheet, mapping, planned } = await plan(tx, organisationId, upload);
  return previewOf(
    sheet,
    mapping,
    planned.map(({ row, action, errors }) => ({ row, action, errors })),
  );
}

/** SQL types of the input fields as json_to_recordset reads them; text unless named here. */
const fieldTypes: Partial<Record<keyof AssetInput, string>> = {
  locationId: 'uuid',
  supportEndsOn: 'date',
  lastPatchedOn: 'date',
  adminMfa: 'boolean',
  encryptedAtRest: 'boolean',
};

/**
 * Creates and updates in one statement: the rows travel as one JSON parameter (json_to_recordset), an existing id
 * turns its row into an update (revision + 1). Far faster than 18 bound parameters per row, above all on PGlite.
 */
async function writeRows(tx: Tx, organisationId: string, rows: { id: string; input: AssetInput }[]) {
  const columns = inputFields.map((field) => assets[field].name);
  const record = sql.raw(['id uuid', ...inputFields.map((field, i) => `${columns[i]} ${fieldTypes[field] ?? 'text'}`)].join(', '));
  const names = sql.raw(columns.join(', '));
  const updates = sql.raw(columns.map((column) => `${column} = excluded.${column}`).join(', '));
  const json = JSON.stringify(rows.map(({ id, input }) => Object.fromEntries([['id', id], ...inputFields.map((field, i) => [columns[i], input[field]])])));
  await tx.execute(sql`
    insert into assets (organisation_id, id, ${names})
    select ${organisationId}::uuid, r.id, ${names} from json_to_recordset(${json}::json) as r(${record})
    on conflict (organisation_id, id) do update set ${updates}, revision = assets.revision + 1, updated_at = now()`);
}

/** All rows or none: one row with an error refuses the whole file (400, the first 200 errors by row and field). */
export async function commitAssetImport(tx: Tx, actor: Actor, upload: SheetUpload) {
  const { sheet, mapping, planned } = await plan(tx, actor.organisationId, upload);
  const failed = planned.filter((row) => row.action === 'error');
  if (failed.length > 0) {
    const issues = failed.flatMap((row) =>
      row.errors.map((error) => ({ path: [row.row, error.field], code: error.code, message: error.column === null ? error.code : `column ${error.column}` })),
    );
    throw new AppError('sheet.rows_invalid', 400, issues.slice(0, 200));
  }
  const creates = planned.filter((row) => row.action === 'create');
  const updates = planned.filter((row) => row.action === 'update');
  const organisationId = actor.organisationId;
  try {
    await writeRows(tx, organisationId, [
      ...creates.map((row) => ({ id: randomUUID(), input: row.input! })),
      ...updates.map((row) => ({ id: row.id!, input: row.input! })),
    ]);
  } catch (error) {
    // An inventory number recorded in a transaction beside this one.
    if (databaseErrorOf(error)?.code === UNIQUE_VIOLATION) throw fieldError(['inventoryNumber'], 'asset.inventory_number_taken');
    throw error;
  }
  // The next file with these titles is mapped the same way (from any browser).
  await rememberMapping(tx, organisationId, assetSheet, sheet.headers, mapping);
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'register.imported',
    entityType: 'asset',
    entityId: organisationId,
    data: { register: assetSheet.register, fileName: upload.fileName.slice(0, 200), created: creates.length, updated: updates.length },
  });
  return { created: creates.length, updated: updates.length };
}

/** The empty register with one example row: the file a practice fills in. */
export async function assetImportTemplate(format: SheetFormat, locale: Locale) {
  const example = {
    inventoryNumber: 'PC-001',
    name: locale === 'de' ? 'PC Empfang' : 'Reception PC',
    kind: 'workstation',
    location: '',
    owner: locale === 'de' ? 'Praxisinhaberin' : 'Practice owner',
    manufacturer: 'Dell',
    model: 'OptiPlex 7010',
    version: '',
    operatingSystem: 'Windows 11 Pro',
    supportEndsOn: '2031-10-14',
    protectionNeed: 'high',
    lastPatchedOn: practiceToday(),
    adminMfa: true,
    encryptedAtRest: true,
    networkSegment: 'VLAN 10',
    notes: '',
  };
  const file = await exportSheet(assetSheet, [example], { format, locale, sheetTitle: t(locale, 'assets.title') });
  return {
    file,
    fileName: sheetFileName(`${t(locale, 'assets.title')} ${t(locale, 'assets.import.template')}`, practiceToday(), format),
    mediaType: sheetMediaTypes[format],
  };
}
