import type { DocumentBlock, DocumentLocale } from '../../../domain/documents/document-model.ts';
import type { DocumentKind } from '../../../domain/documents/documents.schema.ts';
import type { Tx } from '../../db/connect.ts';

/**
 * What a builder is given: the tenant transaction (row-level security already set to the organisation), the reader's
 * language, the moment the document speaks for, and — for prose documents — the organisation's edited texts by key
 * (empty for register and report documents).
 */
export interface BuildContext {
  tx: Tx;
  organisationId: string;
  locale: DocumentLocale;
  now: Date;
  texts: Readonly<Record<string, string>>;
  /** How often the document is reviewed (prose documents say so in their last section). */
  reviewMonths?: number;
}

/**
 * The body of a document: its title, an optional subtitle (the legal basis) and its blocks. The documents service
 * adds the organisation, the version, the date and the approval line, so every document carries them the same way.
 */
export interface BuiltDocument {
  title: string;
  subtitle?: string;
  blocks: DocumentBlock[];
  footnote?: string;
}

/**
 * A builder reads the organisation's data in SQL (aggregates and pages, never every row into memory when a count
 * will do) and returns the document body. It must not write.
 */
export type DocumentBuilder = (context: BuildContext) => Promise<BuiltDocument>;

export type DocumentBuilders = Partial<Record<DocumentKind, DocumentBuilder>>;
