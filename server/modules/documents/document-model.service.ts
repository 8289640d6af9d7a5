import { eq } from 'drizzle-orm';
import type { DocumentLocale, DocumentModel } from '../../../domain/documents/document-model.ts';
import type { DocumentKind } from '../../../domain/documents/documents.schema.ts';
import type { Tx } from '../../db/connect.ts';
import { organisations } from '../../db/schema.ts';
import { formatDate, t } from '../../i18n/texts.ts';
import { documentBuilders } from './builders/index.ts';

/** The label of a version in the reader's language: "Version 3", or "Entwurf" for the live draft. */
export const versionLabel = (locale: DocumentLocale, number: number | null) =>
  number === null ? t(locale, 'documents.common.draft') : t(locale, 'documents.common.version', { number });

/** The line under the title once a version is approved: "Freigegeben durch Dr. Weber (02.03.2026)". */
export function approvalLine(locale: DocumentLocale, approvals: readonly { approvedByName: string; approvedAt: Date }[]): string {
  if (approvals.length === 0) return t(locale, 'documents.common.notApproved');
  const names = approvals.map((a) => `${a.approvedByName} (${formatDate(locale, a.approvedAt)})`).join(', ');
  return t(locale, 'documents.common.approvedBy', { names });
}

export interface ModelInput {
  kind: DocumentKind;
  locale: DocumentLocale;
  texts: Readonly<Record<string, string>>;
  reviewMonths: number;
  now: Date;
  /** null: the live draft. */
  versionNumber: number | null;
}

/**
 * The whole document for one language: the kind's builder writes the body from the organisation's data; the
 * organisation's name, the version and the date are added here so every document carries them the same way.
 */
export async function buildDocumentModel(tx: Tx, organisationId: string, input: ModelInput): Promise<DocumentModel> {
  const builder = documentBuilders[input.kind];
  if (!builder) throw new Error(`No builder for the document kind ${input.kind}`);
  const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  const body = await builder({
    tx,
    organisationId,
    locale: input.locale,
    now: input.now,
    texts: input.texts,
    reviewMonths: input.reviewMonths,
  });
  return {
    locale: input.locale,
    organisation: organisation?.name ?? '',
    versionLabel: versionLabel(input.locale, input.versionNumber),
    dateLabel: formatDate(input.locale, input.now),
    ...body,
  };
}
