// Typed view of the documents tables (migration 0034), re-exported by schema.ts.

import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DocumentModel } from '../../domain/documents/document-model.ts';
import type { DocumentKind } from '../../domain/documents/documents.schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const documents = pgTable(
  'documents',
  {
    organisationId: uuid('organisation_id').notNull(),
    kind: text('kind').$type<DocumentKind>().notNull(),
    texts: jsonb('texts').$type<Record<string, string>>().notNull().default({}),
    reviewMonths: integer('review_months').notNull().default(12),
    revision: integer('revision').notNull().default(1),
    updatedByUserId: uuid('updated_by_user_id'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind] })],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').$type<DocumentKind>().notNull(),
    number: integer('number').notNull(),
    note: text('note').notNull().default(''),
    contentDe: jsonb('content_de').$type<DocumentModel>().notNull(),
    contentEn: jsonb('content_en').$type<DocumentModel>().notNull(),
    contentSha256: text('content_sha256').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const documentApprovals = pgTable(
  'document_approvals',
  {
    organisationId: uuid('organisation_id').notNull(),
    versionId: uuid('version_id').notNull(),
    approvedByUserId: uuid('approved_by_user_id').notNull(),
    approvedByName: text('approved_by_name').notNull(),
    approvedAt: ts('approved_at').notNull().defaultNow(),
    managementApprovalId: uuid('management_approval_id'),
    remark: text('remark').notNull().default(''),
    reviewDue: date('review_due', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.versionId, t.approvedByUserId] })],
);
