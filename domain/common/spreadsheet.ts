/**
 * The contract between a register (assets, suppliers, risks, later people and vulnerabilities) and the one
 * spreadsheet kit that imports and exports it (XLSX and CSV; see DESIGN "Import/export"). A register describes its
 * columns here, in domain/<area>/<area>.sheet.ts; the kit reads a file, suggests a mapping from the file's column
 * titles to these columns, turns each cell into the field's value, checks every row with the register's zod schema,
 * and commits all rows or none, updating existing rows by the register's stable key.
 *
 * Texts a person reads (column titles, labels of enum values) are locale keys, resolved by the server's t() for
 * exports and templates and by the client for the mapping step; imports recognise the German and the English text.
 */

/** How a cell becomes a field value. */
export type SheetCellType =
  /** Trimmed text; an empty cell is '' (or left out when the field is optional). */
  | 'text'
  /** A calendar date, YYYY-MM-DD: a real date cell, or text as 31.12.2026, 2026-12-31 or 31.12.26. */
  | 'date'
  /** ja/nein, yes/no, x, wahr/falsch, true/false, 1/0; an empty cell is "not known" (null). */
  | 'boolean'
  /** A whole number. */
  | 'integer'
  /** One of `values`, given as the value itself or its German or English label (case-insensitive). */
  | 'enum'
  /** Several texts in one cell, separated by ';' or a line break. */
  | 'list';

export interface SheetColumn<F extends string = string> {
  /** The field of the register's import schema this column fills. */
  field: F;
  /** Locale key of the column title, e.g. 'assets.fields.inventoryNumber'. */
  title: string;
  type: SheetCellType;
  /** For 'enum': the allowed values, each labelled by the locale key `${labels}.${value}`. */
  values?: readonly string[];
  labels?: string;
  /** A row without a value here is refused. */
  required?: boolean;
  /** Other column titles (lower case) that mean this column, e.g. 'inventarnr.' for the inventory number. */
  aliases?: readonly string[];
  /** Export width in characters (XLSX); a sensible default when left out. */
  width?: number;
}

export interface SheetDefinition<F extends string = string> {
  /** The register's name in URLs, file names and the remembered mapping: 'assets', 'suppliers', 'risks'. */
  register: string;
  /** The field that identifies a row across imports: re-importing updates the row with the same key. */
  key: NoInfer<F>;
  columns: readonly SheetColumn<F>[];
}
