/**
 * One model for every document praxisschild produces (policy, plans, registers, reports, drafts): a title, the
 * organisation, a version line and a list of blocks. The server renders the same model to PDF and to DOCX
 * (server/documents/), so both formats always say the same; builders fill it from the organisation's data in the
 * reader's language. No I/O here.
 */

export type DocumentLocale = 'de' | 'en';

/** A heading of level 1 (chapter) or 2 (section). The title of the document is not a block. */
export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2;
  text: string;
}

/** Running text; `tone` sets it apart: muted for explanations, note for a box a reader must not overlook. */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  tone?: 'normal' | 'muted' | 'note';
}

export interface ListBlock {
  kind: 'list';
  items: string[];
  ordered?: boolean;
}

/** Label–value pairs ("Verantwortlich: Dr. Weber"), the form of master data and of report drafts. */
export interface FieldsBlock {
  kind: 'fields';
  rows: { label: string; value: string }[];
}

/**
 * A table with column titles; `width` is the share of the line (they should add up to 1; missing widths share the
 * rest equally). Long tables continue on the next page with the column titles repeated.
 */
export interface TableBlock {
  kind: 'table';
  columns: { title: string; width?: number }[];
  rows: string[][];
  /** Said instead of an empty table, e.g. "Keine Lieferanten erfasst." */
  empty?: string;
}

/** A line to sign on: a role and, once approved, who approved it when. */
export interface SignatureBlock {
  kind: 'signature';
  rows: { role: string; name: string; date: string }[];
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

export type DocumentBlock = HeadingBlock | ParagraphBlock | ListBlock | FieldsBlock | TableBlock | SignatureBlock | PageBreakBlock;

export interface DocumentModel {
  locale: DocumentLocale;
  title: string;
  /** One line under the title, e.g. the legal basis ("nach § 390 SGB V und § 30 BSIG"). */
  subtitle?: string;
  organisation: string;
  /** "Version 3", "Entwurf", … shown in the header block and in every page's footer. */
  versionLabel: string;
  /** The day the document speaks for, already formatted for the reader (TT.MM.JJJJ / DD/MM/YYYY). */
  dateLabel: string;
  /** Status line under the title, e.g. "Freigegeben durch Dr. Weber am 02.03.2026". */
  statusLine?: string;
  blocks: DocumentBlock[];
  /** Small print after the last block (e.g. "Entwurf – vor dem Versand prüfen"). */
  footnote?: string;
}

/**
 * The marks of an unfinished text: a placeholder the app did not fill ({{…}}), or a gap someone was meant to fill by
 * hand. A final document must carry none of them.
 */
const UNFINISHED = [/\{\{\s*[\w.]+\s*\}\}/, /\[\s*(?:bitte\s+)?(?:ergänzen|to be completed|complete|TODO)\b[^\]]*\]/i];

/** Every text of a document in reading order (title, meta, blocks, footnote): what a reader sees. */
export function documentTexts(model: DocumentModel): string[] {
  const texts = [model.title, model.subtitle ?? '', model.organisation, model.versionLabel, model.dateLabel, model.statusLine ?? ''];
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        texts.push(block.text);
        break;
      case 'list':
        texts.push(...block.items);
        break;
      case 'fields':
        for (const row of block.rows) texts.push(row.label, row.value);
        break;
      case 'table':
        texts.push(...block.columns.map((c) => c.title));
        for (const row of block.rows) texts.push(...row);
        if (block.rows.length === 0 && block.empty) texts.push(block.empty);
        break;
      case 'signature':
        for (const row of block.rows) texts.push(row.role, row.name, row.date);
        break;
      case 'pageBreak':
        break;
    }
  }
  texts.push(model.footnote ?? '');
  return texts.filter((text) => text !== '');
}

/** The unfinished spots of a document (empty when it may be issued as final). */
export function unfinishedSpots(model: DocumentModel): string[] {
  return documentTexts(model).filter((text) => UNFINISHED.some((pattern) => pattern.test(text)));
}
