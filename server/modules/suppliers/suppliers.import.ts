import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type SupplierInput, supplierInputSchema, supplierIssueCodes } from '../../../domain/suppliers/suppliers.schema.ts';
import { supplierSheet } from '../../../domain/suppliers/suppliers.sheet.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { suppliers } from '../../db/schema.ts';
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

type SupplierRow = typeof suppliers.$inferSelect;
type PlannedRow = PreviewRow & { input?: SupplierInput; id?: string };
/** The preview's word for a row that cannot be imported (not an audit action). */
const failedAction: ImportAction = 'error';

const inputFields = Object.keys(supplierInputSchema.shape) as (keyof SupplierInput)[];
/** The fields the statement writes: avvEvidenceId is not in the sheet, an update keeps it (and a create has none). */
const writtenFields = inputFields.filter((field) => field !== 'avvEvidenceId');
/** Enum cells left empty keep the record's value (or the schema's default), they do not clear it. */
const enumFields = new Set(supplierSheet.columns.filter((c) => c.type === 'enum').map((c) => c.field as string));

/**
 * Reads the file and checks every row as the supplier form would: the name is the key (a name that exists, in any
 * case, updates that supplier; one twice in the file is an error), then the register's schema with its date check.
 */
async function plan(tx: Tx, organisationId: string, upload: SheetUpload) {
  const sheet = await readSheet(upload.content);
  const mapping = await importMapping(tx, organisationId, supplierSheet, sheet.headers, upload.mapping);
  const converted = convertRows(supplierSheet, sheet, mapping);
  const keyColumn = columnOf(mapping, 'name');

  const existing = new Map<string, SupplierRow>();
  const rows = await tx.select().from(suppliers).where(eq(suppliers.organisationId, organisationId));
  for (const row of rows) existing.set(row.name.trim().toLowerCase(), row);

  const seenKeys = new Set<string>();
  const planned: PlannedRow[] = converted.map(({ row, values, errors }) => {
    const rowErrors: CellError[] = [...errors];
    const fields = values as Record<string, CellValue>;
    const merged: Record<string, unknown> = {};
    const key = typeof fields.name === 'string' ? fields.name.trim().toLowerCase() : '';
    const before = key ? existing.get(key) : undefined;
    if (key) {
      if (seenKeys.has(key)) rowErrors.push({ column: keyColumn, field: 'name', code: 'sheet.duplicate_key' });
      seenKeys.add(key);
    }
    if (before) for (const field of inputFields) merged[field] = before[field];
    for (const [field, value] of Object.entries(fields)) {
      if (value === null && enumFields.has(field)) continue;
      merged[field] = value;
    }
    const parsed = supplierInputSchema.safeParse(merged);
    if (!parsed.success) {
      for (const issue of issuesFromZod(parsed.error)) {
        const field = String(issue.path[0] ?? '');
        if (rowErrors.some((e) => e.field === field)) continue;
        rowErrors.push({ column: columnOf(mapping, field), field, code: issue.code });
      }
    }
    if (rowErrors.length > 0 || !parsed.success) return { row, action: failedAction, errors: rowErrors };
    return { row, action: before ? 'update' : 'create', errors: [], input: parsed.data, id: before?.id };
  });
  return { sheet, mapping, planned };
}

export async function previewSupplierImport(tx: Tx, organisationId: string, upload: SheetUpload) {
  const { sheet, mapping, planned } = await plan(tx, organisationId, upload);
  return previewOf(
    sheet,
    mapping,
    planned.map(({ row, action, errors }) => ({ row, action, errors })),
  );
}

/** SQL types of the written fields as json_to_recordset reads them; text unless named here. */
const fieldTypes: Partial<Record<keyof SupplierInput, string>> = {
  patientDataAccess: 'boolean',
  avvSignedOn: 'date',
  cloudHealthData: 'boolean',
  c5ReportDate: 'date',
  c5ValidUntil: 'date',
  securityAgreement: 'boolean',
  auditRights: 'boolean',
  nextReviewOn: 'date',
};

/**
 * Creates and updates in one statement: the rows travel as one JSON parameter (json_to_recordset), an existing id
 * turns its row into an update (revision + 1). The AVV file and the linked assets are not columns of the sheet: the
 * statement does not touch them.
 */
async function writeRows(tx: Tx, organisationId: string, rows: { id: string; input: SupplierInput }[]) {
  const columns = writtenFields.map((field) => suppliers[field].name);
  const record = sql.raw(['id uuid', ...writtenFields.map((field, i) => `${columns[i]} ${fieldTypes[field] ?? 'text'}`)].join(', '));
  const names = sql.raw(columns.join(', '));
  const updates = sql.raw(columns.map((column) => `${column} = excluded.${column}`).join(', '));
  const json = JSON.stringify(rows.map(({ id, input }) => Object.fromEntries([['id', id], ...writtenFields.map((field, i) => [columns[i], input[field]])])));
  await tx.execute(sql`
    insert into suppliers (organisation_id, id, ${names})
    select ${organisationId}::uuid, r.id, ${names} from json_to_recordset(${json}::json) as r(${record})
    on conflict (organisation_id, id) do update set ${updates}, revision = suppliers.revision + 1, updated_at = now()`);
}

/** All rows or none: one row with an error refuses the whole file (400, the first 200 errors by row and field). */
export async function commitSupplierImport(tx: Tx, actor: Actor, upload: SheetUpload) {
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
    // A name recorded in a transaction beside this one.
    if (databaseErrorOf(error)?.code === UNIQUE_VIOLATION) throw fieldError(['name'], supplierIssueCodes.nameTaken);
    throw error;
  }
  // The next file with these titles is mapped the same way (from any browser).
  await rememberMapping(tx, organisationId, supplierSheet, sheet.headers, mapping);
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'register.imported',
    entityType: 'supplier',
    entityId: organisationId,
    data: { register: supplierSheet.register, fileName: upload.fileName.slice(0, 200), created: creates.length, updated: updates.length },
  });
  return { created: creates.length, updated: updates.length };
}

/** The empty register with one example row: the file a practice fills in. */
export async function supplierImportTemplate(format: SheetFormat, locale: Locale) {
  const de = locale === 'de';
  const example = {
    name: de ? 'Praxis-IT Muster GmbH' : 'Practice IT Example Ltd',
    services: de ? 'Betreuung der Arbeitsplätze, Fernwartung' : 'Workstation support, remote maintenance',
    criticality: 'high',
    patientDataAccess: true,
    avvStatus: 'signed',
    avvSignedOn: '2025-03-01',
    cloudHealthData: false,
    c5Basis: null,
    c5Type: null,
    c5Scope: '',
    c5ReportDate: null,
    c5ValidUntil: null,
    securityAgreement: true,
    auditRights: true,
    contactName: 'Max Muster',
    contactEmail: 'service@example.org',
    contactPhone: '030 1234567',
    emergencyContact: 'Hotline',
    emergencyPhone: '030 7654321',
    subProcessors: '',
    nextReviewOn: null,
    notes: '',
  };
  const file = await exportSheet(supplierSheet, [example], { format, locale, sheetTitle: t(locale, 'suppliers.title') });
  return {
    file,
    fileName: sheetFileName(`${t(locale, 'suppliers.title')} ${t(locale, 'suppliers.import.template')}`, practiceToday(), format),
    mediaType: sheetMediaTypes[format],
  };
}
