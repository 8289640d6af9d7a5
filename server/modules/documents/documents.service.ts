import { createHash, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type DocumentLocale, type DocumentModel, unfinishedSpots } from '../../../domain/documents/document-model.ts';
import {
  type DocumentKind,
  type DocumentTextsInput,
  documentIssueCodes,
  documentKinds,
  documentSections,
  isProseDocument,
} from '../../../domain/documents/documents.schema.ts';
import { isReviewOverdue, reviewDueOf } from '../../../domain/documents/review.ts';
import type { Tx } from '../../db/connect.ts';
import { documentApprovals, documents, documentVersions, users } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { lookupText, t } from '../../i18n/texts.ts';
import { practiceToday } from '../assets/assets.ts';
import { appendAudit } from '../audit/audit.ts';
import { approveAsDirector, directorOf } from '../management/management.ts';
import { insertTasks, memberIdsOf } from '../tasks/tasks.ts';
import { approvalLine, buildDocumentModel, versionLabel } from './document-model.service.ts';

const DEFAULT_REVIEW_MONTHS = 12;
/** Versions shown on a document's page, newest first; older ones stay stored (and in the audit trail). */
const VERSIONS_SHOWN = 50;

type DocumentRow = typeof documents.$inferSelect;

/** The organisation's settings of a kind, or the defaults when nobody has touched it (revision 0). */
async function settingsOf(tx: Tx, organisationId: string, kind: DocumentKind) {
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.organisationId, organisationId), eq(documents.kind, kind)));
  return row ?? { texts: {} as Record<string, string>, reviewMonths: DEFAULT_REVIEW_MONTHS, revision: 0 };
}

/** Every kind with its latest version, that version's latest approval and its review date: a handful of rows, grouped in SQL. */
export async function listDocuments(tx: Tx, organisationId: string, now = new Date()) {
  const rows = await tx
    .select({
      kind: documentVersions.kind,
      latestVersion: sql<number>`max(${documentVersions.number})::int`,
    })
    .from(documentVersions)
    .where(eq(documentVersions.organisationId, organisationId))
    .groupBy(documentVersions.kind);
  const approved = await tx
    .select({
      kind: documentVersions.kind,
      approvedAt: sql<Date>`max(${documentApprovals.approvedAt})`.mapWith((v: string | Date) => new Date(v)),
      reviewDue: sql<string>`max(${documentApprovals.reviewDue})::text`,
    })
    .from(documentApprovals)
    .innerJoin(
      documentVersions,
      and(eq(documentVersions.organisationId, documentApprovals.organisationId), eq(documentVersions.id, documentApprovals.versionId)),
    )
    .where(eq(documentApprovals.organisationId, organisationId))
    .groupBy(documentVersions.kind);
  const today = practiceToday(now);
  return {
    items: documentKinds.map((kind) => {
      const version = rows.find((r) => r.kind === kind);
      const approval = approved.find((a) => a.kind === kind);
      const reviewDue = approval?.reviewDue ?? null;
      return {
        kind,
        prose: isProseDocument(kind),
        latestVersion: version?.latestVersion ?? null,
        latestApprovedAt: approval?.approvedAt ?? null,
        reviewDue,
        reviewOverdue: isReviewOverdue(reviewDue, today),
      };
    }),
  };
}

async function versionsOf(tx: Tx, organisationId: string, kind: DocumentKind) {
  const versions = await tx
    .select({
      id: documentVersions.id,
      number: documentVersions.number,
      note: documentVersions.note,
      contentSha256: documentVersions.contentSha256,
      createdByName: users.name,
      createdAt: documentVersions.createdAt,
    })
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.createdByUserId))
    .where(and(eq(documentVersions.organisationId, organisationId), eq(documentVersions.kind, kind)))
    .orderBy(desc(documentVersions.number))
    .limit(VERSIONS_SHOWN);
  const approvals = versions.length
    ? await tx
        .select()
        .from(documentApprovals)
        .where(
          and(
            eq(documentApprovals.organisationId, organisationId),
            inArray(
              documentApprovals.versionId,
              versions.map((v) => v.id),
            ),
          ),
        )
        .orderBy(asc(documentApprovals.approvedAt))
    : [];
  return versions.map((v) => ({
    ...v,
    approvals: approvals
      .filter((a) => a.versionId === v.id)
      .map((a) => ({
        approvedByUserId: a.approvedByUserId,
        approvedByName: a.approvedByName,
        approvedAt: a.approvedAt,
        countsAsBilligung: a.managementApprovalId !== null,
        remark: a.remark,
        reviewDue: a.reviewDue,
      })),
  }));
}

/** One document kind for its page: the texts (own and default), what the draft still lacks, the versions. */
export async function documentDetail(tx: Tx, actor: Actor, kind: DocumentKind, locale: DocumentLocale, now = new Date()) {
  const settings = await settingsOf(tx, actor.organisationId, kind);
  const prose = isProseDocument(kind);
  const sectionKey = (key: string) => `documents.${kindKey(kind)}.sections.${key}.text`;
  const sections = documentSections[kind].map((key) => ({
    key,
    text: settings.texts[key] ?? null,
    defaultText: lookupText(locale, sectionKey(key)) ?? '',
  }));
  // Prose documents are a few pages: their gaps are worth computing for the page. Registers and reports are written
  // from the data alone and checked when a version is made.
  const unfinished = prose
    ? unfinishedSpots(
        await buildDocumentModel(tx, actor.organisationId, {
          kind,
          locale,
          texts: settings.texts,
          reviewMonths: settings.reviewMonths,
          now,
          versionNumber: null,
        }),
      )
    : [];
  const canApprove = actor.role === 'management';
  const director = canApprove ? await directorOf(tx, actor.organisationId, actor.userId, now) : null;
  return {
    kind,
    prose,
    revision: settings.revision,
    reviewMonths: settings.reviewMonths,
    sections,
    unfinished,
    versions: await versionsOf(tx, actor.organisationId, kind),
    canApprove,
    approvalCountsAsBilligung: director !== null,
  };
}

/** The locale subtree of a kind: security_policy → securityPolicy. */
export const kindKey = (kind: DocumentKind) => kind.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());

/**
 * Saves a prose document's wording and review period. The revision guards against two people overwriting each other
 * (409); an empty text brings back the default wording of that section.
 */
export async function saveTexts(tx: Tx, actor: Actor, kind: DocumentKind, input: DocumentTextsInput) {
  const allowed: readonly string[] = documentSections[kind];
  const unknown = Object.keys(input.texts).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      400,
      unknown.map((key) => ({ path: ['texts', key], code: documentIssueCodes.sectionUnknown, message: documentIssueCodes.sectionUnknown })),
    );
  }
  const texts = Object.fromEntries(Object.entries(input.texts).filter(([, text]) => text.trim() !== ''));
  const values = { texts, reviewMonths: input.reviewMonths, updatedByUserId: actor.userId, updatedAt: new Date() };
  const rows: DocumentRow[] =
    input.revision === 0
      ? await tx
          .insert(documents)
          .values({ organisationId: actor.organisationId, kind, ...values, revision: 1 })
          .onConflictDoNothing()
          .returning()
      : await tx
          .update(documents)
          .set({ ...values, revision: sql`${documents.revision} + 1` })
          .where(and(eq(documents.organisationId, actor.organisationId), eq(documents.kind, kind), eq(documents.revision, input.revision)))
          .returning();
  if (rows.length === 0) throw new AppError('document.revision_conflict', 409);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'document.texts_saved',
    entityType: 'document',
    entityId: kind,
    data: { kind, sections: Object.keys(texts), reviewMonths: input.reviewMonths },
  });
  return rows[0]!;
}

/** The row of a kind, created with the defaults when missing, and locked: versions of one kind are numbered one at a time. */
async function lockDocument(tx: Tx, organisationId: string, kind: DocumentKind, userId: string) {
  await tx.insert(documents).values({ organisationId, kind, updatedByUserId: userId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.organisationId, organisationId), eq(documents.kind, kind)))
    .for('update');
  return row!;
}

const contentHash = (de: DocumentModel, en: DocumentModel) => createHash('sha256').update(JSON.stringify({ de, en })).digest('hex');

/**
 * Issues the next version: the document as it stands now, frozen in both languages. Refused (400, each gap named)
 * while the draft has gaps — a final document never carries "[ergänzen]".
 */
export async function createVersion(tx: Tx, actor: Actor, kind: DocumentKind, note: string, now = new Date()) {
  const settings = await lockDocument(tx, actor.organisationId, kind, actor.userId);
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${documentVersions.number}), 0)::int + 1` })
    .from(documentVersions)
    .where(and(eq(documentVersions.organisationId, actor.organisationId), eq(documentVersions.kind, kind)));
  const input = { kind, texts: settings.texts, reviewMonths: settings.reviewMonths, now, versionNumber: next };
  const de = await buildDocumentModel(tx, actor.organisationId, { ...input, locale: 'de' });
  const en = await buildDocumentModel(tx, actor.organisationId, { ...input, locale: 'en' });
  const gaps = unfinishedSpots(de);
  if (gaps.length > 0) {
    throw new AppError(
      'document.unfinished',
      400,
      gaps.map((gap) => ({ path: ['draft'], code: documentIssueCodes.unfinished, message: gap })),
    );
  }
  const id = randomUUID();
  const [row] = await tx
    .insert(documentVersions)
    .values({
      organisationId: actor.organisationId,
      id,
      kind,
      number: next,
      note,
      contentDe: de,
      contentEn: en,
      contentSha256: contentHash(de, en),
      createdByUserId: actor.userId,
      createdAt: now,
    })
    .returning();
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'document.version_created',
    entityType: 'document',
    entityId: id,
    data: { kind, number: next, sha256: row!.contentSha256 },
  });
  return { id, number: next, contentSha256: row!.contentSha256 };
}

async function versionByNumber(tx: Tx, organisationId: string, kind: DocumentKind, number: number) {
  const [version] = await tx
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.organisationId, organisationId), eq(documentVersions.kind, kind), eq(documentVersions.number, number)));
  if (!version) throw new AppError('document.not_found', 404);
  return version;
}

/**
 * A member of management approves a version. When they are a director in the people register, the approval is also
 * their § 38 Abs. 1 BSIG "Billigung" (recorded by the management module). Only the latest version can be approved;
 * each member once. The approval sets the next review, which becomes a task of the plan.
 */
export async function approveVersion(tx: Tx, actor: Actor, kind: DocumentKind, number: number, remark: string, locale: DocumentLocale, now = new Date()) {
  const settings = await lockDocument(tx, actor.organisationId, kind, actor.userId);
  const version = await versionByNumber(tx, actor.organisationId, kind, number);
  const [{ latest } = { latest: number }] = await tx
    .select({ latest: sql<number>`max(${documentVersions.number})::int` })
    .from(documentVersions)
    .where(and(eq(documentVersions.organisationId, actor.organisationId), eq(documentVersions.kind, kind)));
  if (latest !== number) throw new AppError('document.version_superseded', 409);
  const [already] = await tx
    .select({ at: documentApprovals.approvedAt })
    .from(documentApprovals)
    .where(
      and(
        eq(documentApprovals.organisationId, actor.organisationId),
        eq(documentApprovals.versionId, version.id),
        eq(documentApprovals.approvedByUserId, actor.userId),
      ),
    );
  if (already) throw new AppError('document.already_approved', 409);
  const [approver] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  const title = version.contentDe.title;
  const managementApprovalId = await approveAsDirector(tx, actor, t('de', 'documents.approvalRemark', { title, number }), now);
  const reviewDue = reviewDueOf(practiceToday(now), settings.reviewMonths);
  await tx.insert(documentApprovals).values({
    organisationId: actor.organisationId,
    versionId: version.id,
    approvedByUserId: actor.userId,
    approvedByName: approver?.name ?? '',
    approvedAt: now,
    managementApprovalId,
    remark,
    reviewDue,
  });
  const owner = version.createdByUserId && (await memberIdsOf(tx, actor.organisationId, [version.createdByUserId])).has(version.createdByUserId);
  const reviewTitle = locale === 'en' ? version.contentEn.title : title;
  await insertTasks(tx, actor, [
    {
      title: t(locale, 'documents.reviewTask.title', { title: reviewTitle }),
      description: t(locale, 'documents.reviewTask.description', { title: reviewTitle, number }),
      ownerUserId: owner ? version.createdByUserId : null,
      dueOn: reviewDue,
      source: 'document',
      sourceKey: `document-review:${kind}:${number}`,
    },
  ]);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'document.version_approved',
    entityType: 'document',
    entityId: version.id,
    data: { kind, number, sha256: version.contentSha256, billigung: managementApprovalId !== null, reviewDue },
  });
  return { number, reviewDue, countsAsBilligung: managementApprovalId !== null };
}

/** A stored version as the reader sees it: the frozen content in their language with today's approval line. */
export async function versionModel(tx: Tx, organisationId: string, kind: DocumentKind, number: number, locale: DocumentLocale): Promise<DocumentModel> {
  const version = await versionByNumber(tx, organisationId, kind, number);
  const approvals = await tx
    .select({ approvedByName: documentApprovals.approvedByName, approvedAt: documentApprovals.approvedAt })
    .from(documentApprovals)
    .where(and(eq(documentApprovals.organisationId, organisationId), eq(documentApprovals.versionId, version.id)))
    .orderBy(asc(documentApprovals.approvedAt));
  const content = locale === 'en' ? version.contentEn : version.contentDe;
  return { ...content, statusLine: approvalLine(locale, approvals) };
}

/** The live draft: built from today's data, marked "Entwurf", with its gaps visible. */
export async function draftModel(tx: Tx, organisationId: string, kind: DocumentKind, locale: DocumentLocale, now = new Date()): Promise<DocumentModel> {
  const settings = await settingsOf(tx, organisationId, kind);
  const model = await buildDocumentModel(tx, organisationId, {
    kind,
    locale,
    texts: settings.texts,
    reviewMonths: settings.reviewMonths,
    now,
    versionNumber: null,
  });
  return { ...model, statusLine: t(locale, 'documents.common.notApproved'), versionLabel: versionLabel(locale, null) };
}

/**
 * The latest approved version of every kind, for the evidence pack: its file name and a function that renders it
 * (one document at a time, so a pack never holds them all).
 */
export async function latestApprovedVersions(tx: Tx, organisationId: string) {
  return tx
    .select({ kind: documentVersions.kind, number: sql<number>`max(${documentVersions.number})::int` })
    .from(documentVersions)
    .innerJoin(
      documentApprovals,
      and(eq(documentApprovals.organisationId, documentVersions.organisationId), eq(documentApprovals.versionId, documentVersions.id)),
    )
    .where(eq(documentVersions.organisationId, organisationId))
    .groupBy(documentVersions.kind)
    .orderBy(documentVersions.kind);
}
