import type { DocumentModel } from '../../domain/documents/document-model.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';

/**
 * The one way documents leave the server (decision 034): a document model rendered to PDF or DOCX. Builders in the
 * modules fill the model from the organisation's data; routes send the bytes with `documentHeaders`.
 */
export const documentFormats = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

export const documentMediaTypes: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function renderDocument(model: DocumentModel, format: DocumentFormat): Promise<Buffer> {
  return format === 'pdf' ? renderPdf(model) : renderDocx(model);
}

/** A file name safe in a Content-Disposition header: lower-case ASCII, umlauts spelled out, words joined by dashes. */
export function asciiFileStem(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** Headers of a document download: its type and an attachment name. */
export function documentHeaders(format: DocumentFormat, stem: string): Record<string, string> {
  return {
    'content-type': documentMediaTypes[format],
    'content-disposition': `attachment; filename="${asciiFileStem(stem) || 'dokument'}.${format}"`,
    'cache-control': 'no-store',
  };
}
