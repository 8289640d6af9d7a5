import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { SheetColumn, SheetDefinition } from '../../domain/common/spreadsheet.ts';
import { type Locale, t } from '../i18n/texts.ts';

/**
 * The export half of the spreadsheet kit (domain/common/spreadsheet.ts): a register's rows as XLSX or CSV, with the
 * column titles in the reader's language, dates as real date cells (XLSX) or written the reader's way (CSV), yes/no
 * and enum values as their labels. Cells are always values: no text is ever written as a formula, and CSV cells that
 * a spreadsheet program would take for one (=, +, -, @ at the start) are prefixed with an apostrophe.
 */
export const sheetFormats = ['xlsx', 'csv'] as const;
export type SheetFormat = (typeof sheetFormats)[number];

export const sheetMediaTypes: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export type SheetValue = string | number | boolean | null | readonly string[];
export type SheetRow = Record<string, SheetValue>;

/** Rows between two pauses of the writer, so that a large export lets other requests in. */
const YIELD_EVERY = 500;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

function labelOf(column: SheetColumn, value: SheetValue, locale: Locale): string {
  if (value === null || value === '') return '';
  if (column.type === 'enum' && column.labels) return t(locale, `${column.labels}.${String(value)}`);
  if (column.type === 'boolean') return t(locale, value ? 'common.yes' : 'common.no');
  if (column.type === 'list' && Array.isArray(value)) return value.join('; ');
  return String(value);
}

/** YYYY-MM-DD as the reader writes it: 31.12.2026 in German, 2026-12-31 (unambiguous) in English. */
function dateText(value: string, locale: Locale): string {
  if (locale === 'en') return value;
  const [year, month, day] = value.split('-');
  return `${day}.${month}.${year}`;
}

function xlsxCell(column: SheetColumn, value: SheetValue, locale: Locale): string | number | Date | null {
  if (value === null || value === '') return null;
  if (column.type === 'date' && typeof value === 'string') {
    const [year, month, day] = value.split('-').map(Number);
    return new Date(Date.UTC(year!, month! - 1, day!));
  }
  if (column.type === 'integer' && typeof value === 'number') return value;
  return labelOf(column, value, locale);
}

const FORMULA_START = /^[=+\-@\t\r]/;
function csvCell(column: SheetColumn, value: SheetValue, locale: Locale): string {
  if (value === null || value === '') return '';
  if (column.type === 'date' && typeof value === 'string') return dateText(value, locale);
  const text = labelOf(column, value, locale);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface ExportOptions {
  format: SheetFormat;
  locale: Locale;
  /** Title of the worksheet (XLSX), at most 31 characters. */
  sheetTitle: string;
}

/** The file: XLSX written by exceljs's streaming writer, CSV (UTF-8 with BOM, `;` in German, `,` in English) by csv-stringify. */
export async function exportSheet(definition: SheetDefinition, rows: readonly SheetRow[], options: ExportOptions): Promise<Buffer> {
  const titles = definition.columns.map((column) => t(options.locale, column.title));
  if (options.format === 'csv') {
    const delimiter = options.locale === 'de' ? ';' : ',';
    const parts = [stringify([titles], { delimiter, record_delimiter: '\r\n' })];
    for (let i = 0; i < rows.length; i += YIELD_EVERY) {
      const chunk = rows.slice(i, i + YIELD_EVERY).map((row) => definition.columns.map((column) => csvCell(column, row[column.field] ?? null, options.locale)));
      parts.push(stringify(chunk, { delimiter, record_delimiter: '\r\n' }));
      await pause();
    }
    // The byte order mark makes Excel read UTF-8 (umlauts) instead of the Windows code page.
    return Buffer.concat([Buffer.from('\ufeff', 'utf8'), Buffer.from(parts.join(''), 'utf8')]);
  }

  const { default: ExcelJS } = await import('exceljs');
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'praxisschild';
  // Printed (or saved as PDF by LibreOffice or Excel) on landscape A4 pages with the title row on each; a register
  // wider than a page goes on across pages rather than shrink below reading size.
  const sheet = workbook.addWorksheet(options.sheetTitle.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' },
  });
  const dateFormat = options.locale === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  sheet.columns = definition.columns.map((column, index) => ({
    header: titles[index],
    key: column.field,
    width: column.width ?? 18,
    ...(column.type === 'date' ? { style: { numFmt: dateFormat } } : {}),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: definition.columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
  header.commit();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    sheet.addRow(definition.columns.map((column) => xlsxCell(column, row[column.field] ?? null, options.locale))).commit();
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await pause();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** A file name the reader understands, ASCII only (Content-Disposition), e.g. Geraete-und-Dienste-2026-12-06.xlsx. */
export function sheetFileName(base: string, day: string, format: SheetFormat): string {
  const ascii = base
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .replace(/&/g, 'und')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${ascii}-${day}.${format}`;
}
