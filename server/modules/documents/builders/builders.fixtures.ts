import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { type DocumentLocale, type DocumentModel, unfinishedSpots } from '../../../../domain/documents/document-model.ts';
import { withOrganisation } from '../../../db/tenant.ts';
import { renderDocument } from '../../../documents/render.ts';
import { docxParagraphs } from '../../../test/docx-text.ts';
import { pdfTextLines } from '../../../test/pdf-text.ts';
import type { TestApp } from '../../../test/test-app.ts';
import type { BuiltDocument, DocumentBuilder } from '../builder.ts';

/** What the builder tests share: building in the organisation's transaction, and reading both renderings back. */

export const locales: readonly DocumentLocale[] = ['de', 'en'];

export function build(t: TestApp, organisationId: string, builder: DocumentBuilder, locale: DocumentLocale, now = new Date()): Promise<BuiltDocument> {
  return withOrganisation(t.ctx.db, organisationId, (tx) => builder({ tx, organisationId, locale, now, texts: {} }));
}

/** The body wrapped as the documents service would: organisation, version and date. */
export function asModel(built: BuiltDocument, locale: DocumentLocale, organisation = 'Praxis A'): DocumentModel {
  return {
    locale,
    ...built,
    organisation,
    versionLabel: locale === 'de' ? 'Entwurf' : 'Draft',
    dateLabel: locale === 'de' ? '02.04.2026' : '2 Apr 2026',
  };
}

export interface Rendered {
  model: DocumentModel;
  pdf: Buffer;
  /** The PDF's text lines joined by a space (a cell's wrapped lines read as one text). */
  pdfText: string;
  docxText: string;
}

/** Renders the document to PDF and DOCX and reads both back; writes the PDF beside the test output when asked to. */
export async function renderBoth(built: BuiltDocument, locale: DocumentLocale): Promise<Rendered> {
  const model = asModel(built, locale);
  const pdf = await renderDocument(model, 'pdf');
  const docx = await renderDocument(model, 'docx');
  const { body } = await docxParagraphs(docx);
  const out = process.env.DOCUMENTS_OUT;
  if (out) await writeFile(path.join(out, `${built.title.replace(/[^\wäöüÄÖÜß]+/g, '-')}-${locale}.pdf`), pdf);
  return { model, pdf, pdfText: pdfTextLines(pdf).join(' '), docxText: body.join('\n') };
}

/** Every text of the document is in both renderings, and nothing is left unfinished. */
export function expectComplete(rendered: Rendered, expected: readonly string[]) {
  expect(unfinishedSpots(rendered.model)).toEqual([]);
  const pdf = rendered.pdfText.replace(/\s+/g, ' ');
  const docx = rendered.docxText.replace(/\s+/g, ' ');
  for (const text of expected) {
    expect(pdf, 'PDF').toContain(text);
    expect(docx, 'DOCX').toContain(text);
  }
}
