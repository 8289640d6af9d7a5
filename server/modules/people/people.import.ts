import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type PersonInput, personInputSchema, personIssueCodes } from '../../../domain/people/people.schema.ts';
import { parseWeeklyHours, personSheet } from '../../../domain/people/people.sheet.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { locations, people } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError, issuesFromZod } from '../../http/errors.ts';
import type { Locale } from '../../i18n/texts.ts';
import { t } from '../../i18n/texts.ts';
import { exportSheet, type SheetFormat, sheetFileName, sheetMediaTypes } from '../../spreadsheet/export.ts';
import { type CellError, type CellValue, columnOf, convertRows, type ImportAction, type PreviewRow, previewOf, readSheet } from '../../spreadsheet/import.ts';
import { importMapping, rememberMapping } from '../../spreadsheet/remembered-mapping.ts';
import type { SheetUpload } from '../../spreadsheet/upload.ts';
import { practiceToday } from '../assets/assets.ts';
import { appendAudit } from '../audit/audit.ts';

type PersonRow = typeof people.$inferSelect;
type PlannedRow = PreviewRow & { input?: PersonInput; id?: string };
/** The preview's word for a row that cannot be imported (not an audit action). */
const failedAction: ImportAction = 'error';

const inputFields = Object.keys(personInputSchema.shape) as (keyof PersonInput)[];
/** Enum cells left empty keep the record's value (or the schema's default), they do not clear it. */
const keepWhenEmpty = new Set([...personSheet.columns.filter((c) => c.type === 'enum' || c.type === 'boolean').map((c) => c.field as string)]);

/**
 * Reads the file and checks every row as the form would. The key (people.sheet.ts): the personnel number when the row
 * has one, else the name — unique among the file's rows without a number, matching an existing person only when
 * exactly one person has that name. The location is found by its name; weekly hours accept 38,5 and 38.5.
 */
async function plan(tx: Tx, organisationId: string, upload: SheetUpload) {
  const sheet = await readSheet(upload.content);
  const mapping = await importMapping(tx, organisationId, personSheet, sheet.headers, upload.mapping);
  const converted = convertRows(personSheet, sheet, mapping);
  const locationColumn = columnOf(mapping, 'location');
  const numberColumn = columnOf(mapping, 'personnelNumber');
  const nameColumn = columnOf(mapping, 'name');
  const hoursColumn = columnOf(mapping, 'weeklyHours');

  const locationIds = new Map<string, string>();
  if (locationColumn !== null) {
    const rows = await tx.select({ id: locations.id, name: locations.name }).from(locations).where(eq(locations.organisationId, organisationId));
    for (const row of rows) if (!locationIds.has(row.name.trim().toLowerCase())) locationIds.set(row.name.trim().toLowerCase(), row.id);
  }
  // The register's keys only (number, name, id), plus full rows for those the file names: memory follows the file.
  const byNumber = new Map<string, string>();
  const byName = new Map<string, string[]>();
  const keys = await tx
    .select({ id: people.id, number: sql<string>`lower(${people.personnelNumber})`, name: sql<string>`lower(${people.name})` })
    .from(people)
    .where(eq(people.organisationId, organisationId));
  for (const key of keys) {
    if (key.number) byNumber.set(key.number, key.id);
    byName.set(key.name, [...(byName.get(key.name) ?? []), key.id]);
  }
  const wanted = new Set<string>();
  const matches = converted.map(({ values }) => {
    const number = typeof values.personnelNumber === 'string' ? values.personnelNumber.trim().toLowerCase() : '';
    const name = typeof values.name === 'string' ? values.name.trim().toLowerCase() : '';
    const byNameIds = !number && name ? (byName.get(name) ?? []) : [];
    const id = number ? byNumber.get(number) : byNameIds.length === 1 ? byNameIds[0] : undefined;
    if (id) wanted.add(id);
    return { number, name, id, ambiguous: byNameIds.length > 1 };
  });
  const existing = new Map<string, PersonRow>();
  if (wanted.size > 0) {
    const rows = await tx
      .select()
      .from(people)
      .where(sql`${people.organisationId} = ${organisationId} and ${people.id} = any(${`{${[...wanted].join(',')}}`}::uuid[])`);
    for (const row of rows) existing.set(row.id, row);
  }

  const seenNumbers = new Set<string>();
  const seenNames = new Set<string>();
  const planned: PlannedRow[] = converted.map(({ row, values, errors }, index) => {
    const rowErrors: CellError[] = [...errors];
    const { location, weeklyHours, ...fields } = values as Record<string, CellValue> & { location?: CellValue; weeklyHours?: CellValue };
    const match = matches[index]!;
    if (match.number) {
      if (seenNumbers.has(match.number)) rowErrors.push({ column: numberColumn, field: 'personnelNumber', code: 'sheet.duplicate_key' });
      seenNumbers.add(match.number);
    } else if (match.name) {
      if (seenNames.has(match.name)) rowErrors.push({ column: nameColumn, field: 'name', code: 'sheet.duplicate_key' });
      seenNames.add(match.name);
      if (match.ambiguous) rowErrors.push({ column: nameColumn, field: 'name', code: personIssueCodes.nameAmbiguous });
    }
    const before = match.id ? existing.get(match.id) : undefined;
    const merged: Record<string, unknown> = {};
    if (before) for (const field of inputFields) merged[field] = before[field];
    for (const [field, value] of Object.entries(fields)) {
      if (value === null && keepWhenEmpty.has(field)) continue;
      // A row matched by name without a number keeps the person's number.
      if (field === 'personnelNumber' && value === '' && before) continue;
      merged[field] = value;
    }
    if (hoursColumn !== null && typeof weeklyHours === 'string') {
      const hours = parseWeeklyHours(weeklyHours);
      if (hours === undefined) rowErrors.push({ column: hoursColumn, field: 'weeklyHours', code: 'person.weekly_hours_invalid' });
      else merged.weeklyHours = hours;
    }
    if (locationColumn !== null && location !== undefined) {
      const name = typeof location === 'string' ? location.trim().toLowerCase() : '';
      if (!name) merged.locationId = null;
      else if (locationIds.has(name)) merged.locationId = locationIds.get(name);
      else rowErrors.push({ column: locationColumn, field: 'location', code: personIssueCodes.locationUnknown });
    }
    const parsed = personInputSchema.safeParse(merged);
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

export async function previewPersonImport(tx: Tx, organisationId: string, upload: SheetUpload) {
  const { sheet, mapping, planned } = await plan(tx, organisationId, upload);
  return previewOf(
    sheet,
    mapping,
    planned.map(({ row, action, errors }) => ({ row, action, errors })),
  );
}

/** SQL types of the input fields as json_to_recordset reads them; text unless named here. */
const fieldTypes: Partial<Record<keyof PersonInput, string>> = {
  locationId: 'uuid',
  userId: 'uuid',
  startsOn: 'date',
  endsOn: 'date',
  weeklyHours: 'numeric',
  handlesPatientData: 'boolean',
};

/** Creates and updates in one statement (json_to_recordset), an existing id turning its row into an update. */
async function writeRows(tx: Tx, organisationId: string, rows: { id: string; input: PersonInput }[]) {
  const columns = inputFields.map((field) => people[field].name);
  const record = sql.raw(['id uuid', ...inputFields.map((field, i) => `${columns[i]} ${fieldTypes[field] ?? 'text'}`)].join(', '));
  const names = sql.raw(columns.join(', '));
  const updates = sql.raw(columns.map((column) => `${column} = excluded.${column}`).join(', '));
  const json = JSON.stringify(rows.map(({ id, input }) => Object.fromEntries([['id', id], ...inputFields.map((field, i) => [columns[i], input[field]])])));
  await tx.execute(sql`
    insert into people (organisation_id, id, ${names})
    select ${organisationId}::uuid, r.id, ${names} from json_to_recordset(${json}::json) as r(${record})
    on conflict (organisation_id, id) do update set ${updates}, revision = people.revision + 1, updated_at = now()`);
}

/** All rows or none: one row with an error refuses the whole file (400, the first 200 errors by row and field). */
export async function commitPersonImport(tx: Tx, actor: Actor, upload: SheetUpload) {
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
    // A personnel number recorded in a transaction beside this one.
    if (databaseErrorOf(error)?.code === UNIQUE_VIOLATION) throw fieldError(['personnelNumber'], personIssueCodes.personnelNumberTaken);
    throw error;
  }
  // The next file with these titles is mapped the same way (from any browser).
  await rememberMapping(tx, organisationId, personSheet, sheet.headers, mapping);
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'register.imported',
    entityType: 'person',
    entityId: organisationId,
    data: { register: personSheet.register, fileName: upload.fileName.slice(0, 200), created: creates.length, updated: updates.length },
  });
  return { created: creates.length, updated: updates.length };
}

/** The empty register with one example row: the file a practice fills in. */
export async function personImportTemplate(format: SheetFormat, locale: Locale) {
  const example = {
    personnelNumber: 'P-001',
    name: locale === 'de' ? 'Anna Beispiel' : 'Anna Example',
    role: 'medical_assistant',
    location: '',
    email: '',
    startsOn: '2024-04-01',
    endsOn: null,
    weeklyHours: 30,
    contractType: 'permanent',
    handlesPatientData: true,
    notes: '',
  };
  const file = await exportSheet(personSheet, [example], { format, locale, sheetTitle: t(locale, 'staff.title') });
  return {
    file,
    fileName: sheetFileName(`${t(locale, 'staff.title')} ${t(locale, 'staff.import.template')}`, practiceToday(), format),
    mediaType: sheetMediaTypes[format],
  };
}
