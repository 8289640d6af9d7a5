import { inflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { SheetColumn, SheetDefinition } from '../../domain/common/spreadsheet.ts';
import { AppError } from '../http/errors.ts';
import { t } from '../i18n/texts.ts';

/**
 * The import half of the spreadsheet kit (domain/common/spreadsheet.ts): an uploaded XLSX or CSV file becomes rows of
 * text cells, the file's column titles are mapped to the register's fields, and each row's cells become field values
 * by the column's cell type. The register then checks the values with its zod schema and its own rules and commits
 * all rows or none. Nothing in a file is ever evaluated: a formula cell counts as its cached result.
 */
export const SHEET_MAX_BYTES = 5 * 1024 * 1024;
/** The sum of the uncompressed sizes an XLSX's ZIP directory may announce (a 5 MB file of zeros inflates to GBs). */
export const SHEET_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
export const SHEET_MAX_ROWS = 10_000;

export interface SheetRowCells {
  /** 1-based row number as the spreadsheet program shows it. */
  row: number;
  cells: string[];
}

export interface ParsedSheet {
  headers: string[];
  rows: SheetRowCells[];
}

const sheetError = (code: 'sheet.too_large' | 'sheet.unreadable' | 'sheet.too_many_rows' | 'sheet.empty') => new AppError(code, 400);

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * The sum of the uncompressed sizes of a ZIP's entries, checked before exceljs inflates anything: first the sizes the
 * central directory announces, then (because a directory can lie) each entry inflated with a cap on its output, so
 * that nothing beyond `limit` bytes is ever produced. Over the limit is `sheet.too_large`; a directory that cannot be
 * read, ZIP64 sizes (no XLSX of 5 MB needs them) or a compression other than deflate is refused.
 */
export function zipUncompressedSize(content: Buffer, limit = SHEET_MAX_UNCOMPRESSED_BYTES): number {
  const searchFrom = Math.max(0, content.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = content.length - 22; i >= searchFrom; i--) {
    if (content.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw sheetError('sheet.unreadable');
  const entries = content.readUInt16LE(eocd + 10);
  const directoryOffset = content.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw sheetError('sheet.too_large');
  const found: { method: number; compressed: number; local: number }[] = [];
  let offset = directoryOffset;
  let announced = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > content.length || content.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw sheetError('sheet.unreadable');
    const size = content.readUInt32LE(offset + 24);
    if (size === 0xffffffff) throw sheetError('sheet.too_large');
    announced += size;
    found.push({ method: content.readUInt16LE(offset + 10), compressed: content.readUInt32LE(offset + 20), local: content.readUInt32LE(offset + 42) });
    offset += 46 + content.readUInt16LE(offset + 28) + content.readUInt16LE(offset + 30) + content.readUInt16LE(offset + 32);
  }
  if (announced > limit) throw sheetError('sheet.too_large');
  let actual = 0;
  for (const entry of found) {
    if (entry.local + 30 > content.length || content.readUInt32LE(entry.local) !== LOCAL_SIGNATURE) throw sheetError('sheet.unreadable');
    const start = entry.local + 30 + content.readUInt16LE(entry.local + 26) + content.readUInt16LE(entry.local + 28);
    const data = content.subarray(start, start + entry.compressed);
    if (entry.method === 0) actual += data.length;
    else if (entry.method === 8) {
      try {
        actual += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - actual + 1) }).length;
      } catch (error) {
        throw sheetError((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'sheet.too_large' : 'sheet.unreadable');
      }
    } else throw sheetError('sheet.unreadable');
    if (actual > limit) throw sheetError('sheet.too_large');
  }
  return actual;
}

const isoDay = (date: Date) => (Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10));

/** A cell of exceljs as text: formulas by their cached result, dates as YYYY-MM-DD, rich text and links by their text. */
function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const cell = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if ('formula' in cell || 'sharedFormula' in cell) return xlsxCellText(cell.result);
    if (Array.isArray(cell.richText))
      return cell.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if (cell.text !== undefined) return xlsxCellText(cell.text);
  }
  // Error values (#DIV/0!) and anything unknown are empty.
  return '';
}

async function readXlsx(content: Buffer): Promise<SheetRowCells[]> {
  zipUncompressedSize(content);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw sheetError('sheet.unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw sheetError('sheet.empty');
  const rows: SheetRowCells[] = [];
  // eachRow visits only the rows that hold a value: a styled cell in row 1 000 000 costs nothing.
  sheet.eachRow((row, number) => {
    if (rows.length > SHEET_MAX_ROWS + 1) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = xlsxCellText(cell.value);
    });
    const filled = Array.from(cells, (cell) => cell ?? '');
    if (filled.some((cell) => cell !== '')) rows.push({ row: number, cells: filled });
  });
  return rows;
}

/** UTF-8 (with or without byte order mark) when the bytes are valid UTF-8, otherwise Windows-1252 (Excel's "CSV"). */
export function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

/** The delimiter that occurs most often in the header line: ';' (German Excel), ',' or tab. */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((delimiter) => ({ delimiter, count: header.split(delimiter).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]!.count > 0 ? counts[0]!.delimiter : ',';
}

/** The apostrophe the export puts before a text that a spreadsheet program would take for a formula. */
const EXPORT_PREFIX = /^'(?=[=+\-@\t\r])/;

function readCsv(content: Buffer): SheetRowCells[] {
  const text = decodeText(content);
  if (text.includes('\u0000')) throw sheetError('sheet.unreadable');
  let record = 0;
  let rows: SheetRowCells[];
  try {
    rows = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Empty records (1 000 000 lines of ";;;") are dropped as they are read, never held.
      on_record: (cells: string[]) => {
        record++;
        const trimmed = cells.map((cell) => cell.trim().replace(EXPORT_PREFIX, ''));
        return trimmed.some((cell) => cell !== '') ? { row: record, cells: trimmed } : null;
      },
    }) as SheetRowCells[];
  } catch {
    throw sheetError('sheet.unreadable');
  }
  return rows;
}

/**
 * The uploaded file as a header and data rows (empty rows left out, row numbers kept). XLSX is recognised by its
 * ZIP signature; anything else must be text (CSV). Limits are 400s with a code the client translates.
 */
export async function readSheet(content: Buffer): Promise<ParsedSheet> {
  if (content.length > SHEET_MAX_BYTES) throw sheetError('sheet.too_large');
  if (content.length === 0) throw sheetError('sheet.empty');
  const rows = content.subarray(0, 4).equals(ZIP_MAGIC) ? await readXlsx(content) : readCsv(content);
  const [header, ...data] = rows;
  if (!header || data.length === 0) throw sheetError('sheet.empty');
  if (data.length > SHEET_MAX_ROWS) throw sheetError('sheet.too_many_rows');
  return { headers: header.cells, rows: data };
}

/** Column index in the file → field of the definition, or null when the column is not imported. */
export type SheetMapping = Record<number, string | null>;

/** A column title as the kit compares titles: lower case, without any white space. */
export const normaliseTitle = (title: string) => title.toLowerCase().replace(/\s+/g, '');
const normalise = normaliseTitle;

/** The titles a column is recognised by: its German and English title, its aliases and the field's own name. */
function titlesOf(column: SheetColumn): string[] {
  return [t('de', column.title), t('en', column.title), ...(column.aliases ?? []), column.field].map(normalise);
}

/** A mapping from the file's titles to the definition's fields, case- and space-insensitive; each field at most once. */
export function suggestMapping(definition: SheetDefinition, headers: readonly string[]): SheetMapping {
  const mapping: SheetMapping = {};
  const taken = new Set<string>();
  headers.forEach((header, index) => {
    const title = normalise(header ?? '');
    const column = title ? definition.columns.find((c) => !taken.has(c.field) && titlesOf(c).includes(title)) : undefined;
    mapping[index] = column?.field ?? null;
    if (column) taken.add(column.field);
  });
  return mapping;
}

/** The suggestion with the client's choices laid over it; a field chosen for two columns is refused. */
export function resolveMapping(definition: SheetDefinition, headers: readonly string[], chosen: SheetMapping | undefined): SheetMapping {
  const mapping = { ...suggestMapping(definition, headers), ...chosen };
  const fields = new Set(definition.columns.map((c) => c.field));
  const seen = new Set<string>();
  for (const [index, field] of Object.entries(mapping)) {
    if (Number(index) >= headers.length) delete mapping[Number(index)];
    else if (field !== null) {
      if (!fields.has(field) || seen.has(field)) throw new AppError('sheet.mapping_invalid', 400);
      seen.add(field);
    }
  }
  return mapping;
}

export type CellValue = string | boolean | number | null | string[];
export interface CellError {
  column: number | null;
  field: string;
  code: string;
}

const DAY_PATTERNS: [RegExp, (m: RegExpMatchArray) => [number, number, number]][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  [/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, (m) => [Number(m[3]), Number(m[2]), Number(m[1])]],
  // Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99 are 1930–1999.
  [/^(\d{1,2})\.(\d{1,2})\.(\d{2})$/, (m) => [Number(m[3]) + (Number(m[3]) < 30 ? 2000 : 1900), Number(m[2]), Number(m[1])]],
];

/** A day as YYYY-MM-DD, or undefined when the text is none (31.02.2026 included). */
export function parseDay(text: string): string | undefined {
  for (const [pattern, parts] of DAY_PATTERNS) {
    const match = text.match(pattern);
    if (!match) continue;
    const [year, month, day] = parts(match);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return date.toISOString().slice(0, 10);
  }
  return undefined;
}

const TRUE_WORDS = new Set(['ja', 'yes', 'x', 'wahr', 'true', '1', 'j', 'y']);
const FALSE_WORDS = new Set(['nein', 'no', 'falsch', 'false', '0', 'n']);

/** An enum column's values by every way of writing them: the value and its German and English label, normalised. */
const enumLookups = new WeakMap<SheetColumn, Map<string, string>>();
function enumLookup(column: SheetColumn): Map<string, string> {
  let lookup = enumLookups.get(column);
  if (!lookup) {
    lookup = new Map();
    for (const value of column.values ?? []) {
      const spellings = [value, ...(column.labels ? [t('de', `${column.labels}.${value}`), t('en', `${column.labels}.${value}`)] : [])];
      for (const spelling of spellings) if (!lookup.has(normalise(spelling))) lookup.set(normalise(spelling), value);
    }
    enumLookups.set(column, lookup);
  }
  return lookup;
}

/** One cell as the field's value, or an error code. */
export function convertCell(column: SheetColumn, text: string): { value: CellValue } | { error: string } {
  const value = text.trim();
  switch (column.type) {
    case 'text':
      return { value };
    case 'list':
      return {
        value: value
          .split(/;|\r?\n/)
          .map((part) => part.trim())
          .filter(Boolean),
      };
    case 'date': {
      if (value === '') return { value: null };
      const day = parseDay(value);
      return day ? { value: day } : { error: 'sheet.date_invalid' };
    }
    case 'boolean': {
      if (value === '') return { value: null };
      const word = value.toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { error: 'sheet.boolean_invalid' };
    }
    case 'integer': {
      if (value === '') return { value: null };
      return /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? { value: Number(value) } : { error: 'sheet.integer_invalid' };
    }
    case 'enum': {
      if (value === '') return { value: null };
      const match = enumLookup(column).get(normalise(value));
      return match ? { value: match } : { error: 'sheet.enum_invalid' };
    }
  }
}

export interface ConvertedRow {
  row: number;
  /** Only the mapped fields; an empty enum, date, boolean or integer cell is null. */
  values: Record<string, CellValue>;
  errors: CellError[];
}

/** Every data row as field values by the mapping; cells that are not the column's type become errors at that cell. */
export function convertRows(definition: SheetDefinition, sheet: ParsedSheet, mapping: SheetMapping): ConvertedRow[] {
  const mapped = Object.entries(mapping)
    .filter(([, field]) => field !== null)
    .map(([index, field]) => ({ index: Number(index), column: definition.columns.find((c) => c.field === field)! }));
  return sheet.rows.map(({ row, cells }) => {
    const values: Record<string, CellValue> = {};
    const errors: CellError[] = [];
    for (const { index, column } of mapped) {
      const result = convertCell(column, cells[index] ?? '');
      if ('error' in result) errors.push({ column: index, field: column.field, code: result.error });
      else values[column.field] = result.value;
    }
    for (const column of definition.columns) {
      if (column.required && !mapped.some((m) => m.column.field === column.field))
        errors.push({ column: null, field: column.field, code: 'sheet.column_missing' });
    }
    return { row, values, errors };
  });
}

/** The column a field was read from, for errors the register's schema reports by field. */
export function columnOf(mapping: SheetMapping, field: string): number | null {
  const entry = Object.entries(mapping).find(([, f]) => f === field);
  return entry ? Number(entry[0]) : null;
}

export type ImportAction = 'create' | 'update' | 'error';
export interface PreviewRow {
  row: number;
  action: ImportAction;
  errors: CellError[];
}

/** Rows of the preview shown in full; the rest only counted, so that a 10 000-row file answers small. */
export const PREVIEW_ROWS = 200;

export function previewOf(sheet: ParsedSheet, mapping: SheetMapping, rows: readonly PreviewRow[]) {
  const counts = { rows: rows.length, create: 0, update: 0, error: 0 };
  for (const row of rows) counts[row.action]++;
  // Rows with errors first in the shown part would hide order; the first 200 rows plus every further error row up to 200.
  const shown = rows.slice(0, PREVIEW_ROWS);
  const moreErrors = rows
    .slice(PREVIEW_ROWS)
    .filter((r) => r.action === 'error')
    .slice(0, PREVIEW_ROWS);
  return { columns: sheet.headers, mapping, rows: [...shown, ...moreErrors], counts };
}
