import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { kbvRequirements } from '../../../domain/kbv/requirements.data.ts';
import { nis2Measures } from '../../../domain/nis2/measures.data.ts';
import { RISK_SCALE, type RiskInput, riskInputSchema, riskIssueCodes } from '../../../domain/risks/risks.schema.ts';
import { riskSheet, riskSheetReadOnly } from '../../../domain/risks/risks.sheet.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { risks } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, issuesFromZod } from '../../http/errors.ts';
import type { Locale } from '../../i18n/texts.ts';
import { t } from '../../i18n/texts.ts';
import { exportSheet, type SheetFormat, sheetFileName, sheetMediaTypes } from '../../spreadsheet/export.ts';
import {
  type CellError,
  type CellValue,
  columnOf,
  convertRows,
  type ImportAction,
  type ParsedSheet,
  type PreviewRow,
  previewOf,
  readSheet,
  type SheetMapping,
} from '../../spreadsheet/import.ts';
import { importMapping, rememberMapping } from '../../spreadsheet/remembered-mapping.ts';
import type { SheetUpload } from '../../spreadsheet/upload.ts';
import { practiceToday } from '../assets/assets.ts';
import { appendAudit } from '../audit/audit.ts';
import { defaultMatrixLabels, storedMatrixLabels } from './risk-matrix-labels.ts';

type RiskRow = typeof risks.$inferSelect;
type PlannedRow = PreviewRow & { input?: RiskInput; id?: string; number?: number };
/** The preview's word for a row that cannot be imported (not an audit action). */
const failedAction: ImportAction = 'error';

const catalogIds = new Set<string>([...kbvRequirements.map((r) => r.id), ...nis2Measures.map((m) => m.id)]);

/** The fields an import writes: the template a risk was adopted from is no column, an update keeps it. */
const writtenFields = [
  'title',
  'description',
  'owner',
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
  'treatment',
  'measures',
  'requirementIds',
  'reviewOn',
] as const;
type WrittenField = (typeof writtenFields)[number];
const ratingFields = new Set(['likelihood', 'impact', 'residualLikelihood', 'residualImpact']);
/** Empty cells that keep the record's value (or the schema's default) instead of clearing it: the required rating and the treatment. */
const keptWhenEmpty = new Set(['likelihood', 'impact', 'treatment']);

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A rating cell by its label as well as its number: "3", "möglich", "3 möglich" or "3 – möglich", with the
 * organisation's own labels and the German and English defaults. Anything else stays as it is (and is then refused
 * as no whole number at its cell).
 */
function ratingLookup(axes: { likelihood: string[]; impact: string[] }[]) {
  const byAxis = { likelihood: new Map<string, number>(), impact: new Map<string, number>() };
  for (const labels of axes) {
    for (const axis of ['likelihood', 'impact'] as const) {
      labels[axis].forEach((label, index) => {
        if (!byAxis[axis].has(normalise(label))) byAxis[axis].set(normalise(label), index + 1);
      });
    }
  }
  return (axis: 'likelihood' | 'impact', text: string): string => {
    const value = normalise(text);
    if (value === '' || /^-?\d+$/.test(value)) return text;
    const labelled = value.match(/^([1-9])\s*[-–—:.]?\s*(.+)$/);
    if (labelled && Number(labelled[1]) <= RISK_SCALE && byAxis[axis].get(labelled[2]!) === Number(labelled[1])) return labelled[1]!;
    const found = byAxis[axis].get(value);
    return found === undefined ? text : String(found);
  };
}

/** The cells before conversion: "R-7" as 7 in the number column, rating labels as their numbers. */
function normaliseCells(sheet: ParsedSheet, mapping: SheetMapping, rating: ReturnType<typeof ratingLookup>): ParsedSheet {
  const numberColumn = columnOf(mapping, 'number');
  const ratingColumns = Object.entries(mapping)
    .filter(([, field]) => field !== null && ratingFields.has(field))
    .map(([index, field]) => ({
      index: Number(index),
      axis: (field === 'likelihood' || field === 'residualLikelihood' ? 'likelihood' : 'impact') as 'likelihood' | 'impact',
    }));
  return {
    headers: sheet.headers,
    rows: sheet.rows.map(({ row, cells }) => {
      const next = [...cells];
      if (numberColumn !== null && next[numberColumn] !== undefined) next[numberColumn] = next[numberColumn]!.replace(/^\s*R\s*-?\s*(?=\d)/i, '');
      for (const { index, axis } of ratingColumns) if (next[index] !== undefined) next[index] = rating(axis, next[index]!);
      return { row, cells: next };
    }),
  };
}

/**
 * Reads the file and checks every row as the risk form would: the number (R-7 or 7) is the key, a known number updates
 * that risk, a row without one is a new risk, a number no risk has is an error; one twice in the file is an error at
 * the second row. Then the register's schema (ratings 1–5, both residual halves or neither, dates) and the catalog ids.
 */
async function plan(tx: Tx, organisationId: string, upload: SheetUpload) {
  const sheet = await readSheet(upload.content);
  const mapping = await importMapping(tx, organisationId, riskSheet, sheet.headers, upload.mapping);
  const stored = await storedMatrixLabels(tx, organisationId);
  const rating = ratingLookup([...(stored ? [stored] : []), defaultMatrixLabels('de'), defaultMatrixLabels('en')]);
  const converted = convertRows(riskSheet, normaliseCells(sheet, mapping, rating), mapping);
  const keyColumn = columnOf(mapping, 'number');

  const existing = new Map<number, RiskRow>();
  const rows = await tx.select().from(risks).where(eq(risks.organisationId, organisationId));
  for (const row of rows) existing.set(row.number, row);

  const seenKeys = new Set<number>();
  const planned: PlannedRow[] = converted.map(({ row, values, errors }) => {
    const fields = values as Record<string, CellValue>;
    const key = typeof fields.number === 'number' ? fields.number : null;
    const before = key !== null ? existing.get(key) : undefined;
    // A file that only updates (numbers and a few columns) needs no title column: the risk keeps its title.
    const rowErrors: CellError[] = errors.filter((error) => !riskSheetReadOnly.has(error.field) && !(before && error.code === 'sheet.column_missing'));
    if (key !== null) {
      if (seenKeys.has(key)) rowErrors.push({ column: keyColumn, field: 'number', code: 'sheet.duplicate_key' });
      else if (!before) rowErrors.push({ column: keyColumn, field: 'number', code: riskIssueCodes.numberUnknown });
      seenKeys.add(key);
    }
    const merged: Record<string, unknown> = {};
    if (before) for (const field of writtenFields) merged[field] = before[field];
    for (const [field, value] of Object.entries(fields)) {
      if (field === 'number' || riskSheetReadOnly.has(field)) continue;
      if (value === null && keptWhenEmpty.has(field)) continue;
      merged[field] = value;
    }
    const parsed = riskInputSchema.safeParse(merged);
    if (!parsed.success) {
      for (const issue of issuesFromZod(parsed.error)) {
        const field = String(issue.path[0] ?? '');
        if (rowErrors.some((e) => e.field === field)) continue;
        rowErrors.push({ column: columnOf(mapping, field), field, code: issue.code });
      }
    } else if (parsed.data.requirementIds.some((id) => !catalogIds.has(id)) && !rowErrors.some((e) => e.field === 'requirementIds')) {
      rowErrors.push({ column: columnOf(mapping, 'requirementIds'), field: 'requirementIds', code: riskIssueCodes.requirementUnknown });
    }
    if (rowErrors.length > 0 || !parsed.success) return { row, action: failedAction, errors: rowErrors };
    return { row, action: before ? 'update' : 'create', errors: [], input: parsed.data, id: before?.id, number: before?.number };
  });
  return { sheet, mapping, planned };
}

export async function previewRiskImport(tx: Tx, organisationId: string, upload: SheetUpload) {
  const { sheet, mapping, planned } = await plan(tx, organisationId, upload);
  return previewOf(
    sheet,
    mapping,
    planned.map(({ row, action, errors }) => ({ row, action, errors })),
  );
}

/**
 * Takes `count` numbers from the organisation's counter row in one statement, as a single create does (risks.service.ts):
 * the row stays locked until the import commits, so creates and imports beside it queue and never share a number.
 * Answers the last number taken; with count 0 it only locks the row.
 */
async function takeRiskNumbers(tx: Tx, organisationId: string, count: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`insert into organisation_counters (organisation_id, risk_number)
        values (${organisationId}, (select coalesce(max(number), 0) + ${count}::int from risks where organisation_id = ${organisationId}))
        on conflict (organisation_id) do update
          set risk_number = greatest(organisation_counters.risk_number + ${count}::int, excluded.risk_number)
        returning risk_number as n`,
  );
  return Number(row!.n);
}

/** SQL types of the written fields as json_to_recordset reads them; text unless named here. */
const fieldTypes: Partial<Record<WrittenField, string>> = {
  likelihood: 'integer',
  impact: 'integer',
  residualLikelihood: 'integer',
  residualImpact: 'integer',
  requirementIds: 'text[]',
  reviewOn: 'date',
};

/**
 * Creates and updates in one statement: the rows travel as one JSON parameter (json_to_recordset), an existing id
 * turns its row into an update (revision + 1). As with the form, a changed rating or treatment clears management's
 * acceptance: what was accepted is no longer what is recorded. The template a risk came from stays.
 */
async function writeRows(tx: Tx, organisationId: string, rows: { id: string; number: number; input: RiskInput }[]) {
  const columns = writtenFields.map((field) => risks[field].name);
  const record = sql.raw(['id uuid', 'number integer', ...writtenFields.map((field, i) => `${columns[i]} ${fieldTypes[field] ?? 'text'}`)].join(', '));
  const names = sql.raw(columns.join(', '));
  const updates = sql.raw(columns.map((column) => `${column} = excluded.${column}`).join(', '));
  const rated = ['likelihood', 'impact', 'residual_likelihood', 'residual_impact', 'treatment'];
  const unchanged = `(${rated.map((c) => `risks.${c}`).join(', ')}) is not distinct from (${rated.map((c) => `excluded.${c}`).join(', ')})`;
  const keep = sql.raw(['accepted_by_user_id', 'accepted_at', 'accepted_revision'].map((c) => `${c} = case when ${unchanged} then risks.${c} end`).join(', '));
  const json = JSON.stringify(
    rows.map(({ id, number, input }) => Object.fromEntries([['id', id], ['number', number], ...writtenFields.map((field, i) => [columns[i], input[field]])])),
  );
  await tx.execute(sql`
    insert into risks (organisation_id, id, number, ${names})
    select ${organisationId}::uuid, r.id, r.number, ${names} from json_to_recordset(${json}::json) as r(${record})
    on conflict (organisation_id, id) do update set ${updates}, ${keep}, revision = risks.revision + 1, updated_at = now()`);
}

/** All rows or none: one row with an error refuses the whole file (400, the first 200 errors by row and field). */
export async function commitRiskImport(tx: Tx, actor: Actor, upload: SheetUpload) {
  const organisationId = actor.organisationId;
  // The counter row first: creates, adoptions and other imports of this organisation wait until this one commits.
  await takeRiskNumbers(tx, organisationId, 0);
  const { sheet, mapping, planned } = await plan(tx, organisationId, upload);
  const failed = planned.filter((row) => row.action === 'error');
  if (failed.length > 0) {
    const issues = failed.flatMap((row) =>
      row.errors.map((error) => ({ path: [row.row, error.field], code: error.code, message: error.column === null ? error.code : `column ${error.column}` })),
    );
    throw new AppError('sheet.rows_invalid', 400, issues.slice(0, 200));
  }
  const creates = planned.filter((row) => row.action === 'create');
  const updates = planned.filter((row) => row.action === 'update');
  const last = creates.length > 0 ? await takeRiskNumbers(tx, organisationId, creates.length) : 0;
  const first = last - creates.length + 1;
  await writeRows(tx, organisationId, [
    ...creates.map((row, index) => ({ id: randomUUID(), number: first + index, input: row.input! })),
    ...updates.map((row) => ({ id: row.id!, number: row.number!, input: row.input! })),
  ]);
  // The next file with these titles is mapped the same way (from any browser).
  await rememberMapping(tx, organisationId, riskSheet, sheet.headers, mapping);
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'register.imported',
    entityType: 'risk',
    entityId: organisationId,
    data: {
      register: riskSheet.register,
      fileName: upload.fileName.slice(0, 200),
      created: creates.length,
      updated: updates.length,
      ...(creates.length > 0 ? { numbers: [first, last] } : {}),
    },
  });
  return { created: creates.length, updated: updates.length };
}

/** The empty register with one example row: the file a practice fills in. */
export async function riskImportTemplate(tx: Tx, organisationId: string, format: SheetFormat, locale: Locale) {
  const de = locale === 'de';
  const labels = (await storedMatrixLabels(tx, organisationId)) ?? defaultMatrixLabels(locale);
  const example = {
    number: null,
    title: de ? 'Ransomware verschlüsselt den Praxisserver' : 'Ransomware encrypts the practice server',
    description: de
      ? 'Über eine Phishing-Mail mit Anhang; die Praxis steht, bis die Sicherung zurückgespielt ist.'
      : 'Through a phishing mail; the practice stops until the backup is restored.',
    owner: de ? 'Praxismanagerin' : 'Practice manager',
    likelihood: 3,
    impact: 5,
    likelihoodLabel: labels.likelihood[2] ?? '',
    impactLabel: labels.impact[4] ?? '',
    score: 15,
    treatment: 'reduce',
    measures: de ? 'Offline-Sicherung, Rücksicherung halbjährlich testen' : 'Offline backup, test the restore twice a year',
    residualLikelihood: 2,
    residualImpact: 4,
    currentScore: 8,
    requirementIds: ['KBV-A1-16'],
    reviewOn: null,
    acceptedAt: null,
  };
  const file = await exportSheet(riskSheet, [example], { format, locale, sheetTitle: t(locale, 'sheet.risks.sheetTitle') });
  return {
    file,
    fileName: sheetFileName(`${t(locale, 'sheet.risks.sheetTitle')} ${t(locale, 'risks.import.template')}`, practiceToday(), format),
    mediaType: sheetMediaTypes[format],
  };
}
