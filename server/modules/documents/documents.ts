/** The documents module as other modules, runtime.ts, db/ and the command line see it: they import only this file (app.ts registers its routes from documents.routes.ts). */
import type { DocumentLocale } from '../../../domain/documents/document-model.ts';
import type { Tx } from '../../db/connect.ts';
import { asciiFileStem, renderDocument } from '../../documents/render.ts';
import { latestApprovedVersions, versionModel } from './documents.service.ts';

/**
 * The latest approved version of every document, for the evidence pack: a file name and a function that renders the
 * PDF when the pack reaches it (one document in memory at a time).
 */
export async function approvedDocumentFiles(
  tx: Tx,
  organisationId: string,
  locale: DocumentLocale,
): Promise<{ fileName: string; render(): Promise<Buffer> }[]> {
  const versions = await latestApprovedVersions(tx, organisationId);
  const files: { fileName: string; render(): Promise<Buffer> }[] = [];
  for (const { kind, number } of versions) {
    const model = await versionModel(tx, organisationId, kind, number, locale);
    files.push({ fileName: `${asciiFileStem(model.title)}-v${number}.pdf`, render: () => renderDocument(model, 'pdf') });
  }
  return files;
}
