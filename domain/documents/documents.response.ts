import { z } from 'zod';
import { calendarDateSchema, instantSchema, type ResponseOf } from '../common/response.ts';
import { documentKinds } from './documents.schema.ts';

/** One approval of a version by a member of management. */
export const documentApprovalItemSchema = z.object({
  approvedByUserId: z.uuid(),
  approvedByName: z.string(),
  approvedAt: instantSchema,
  /** Recorded as the director's § 38 Abs. 1 BSIG approval too (the member is a director in the people register). */
  countsAsBilligung: z.boolean(),
  remark: z.string(),
  reviewDue: calendarDateSchema,
});

export const documentVersionSchema = z.object({
  id: z.uuid(),
  number: z.int(),
  note: z.string(),
  contentSha256: z.string(),
  createdByName: z.string().nullable(),
  createdAt: instantSchema,
  approvals: z.array(documentApprovalItemSchema),
});

/** A document kind as the list shows it: its latest version, whether that is approved, and when the review is due. */
export const documentSummarySchema = z.object({
  kind: z.enum(documentKinds),
  prose: z.boolean(),
  latestVersion: z.int().nullable(),
  latestApprovedAt: instantSchema.nullable(),
  reviewDue: calendarDateSchema.nullable(),
  /** The review day has passed (Europe/Berlin). */
  reviewOverdue: z.boolean(),
});
export const documentListSchema = z.object({ items: z.array(documentSummarySchema) });

export const documentSectionSchema = z.object({
  key: z.string(),
  /** The organisation's wording, or null when it uses the default. */
  text: z.string().nullable(),
  /** The default wording in the reader's language. */
  defaultText: z.string(),
});

export const documentDetailSchema = z.object({
  kind: z.enum(documentKinds),
  prose: z.boolean(),
  revision: z.int(),
  reviewMonths: z.int(),
  sections: z.array(documentSectionSchema),
  /** What the draft still lacks before it can become a version (the gaps as the document shows them). */
  unfinished: z.array(z.string()),
  versions: z.array(documentVersionSchema),
  /** The signed-in member may approve (management) and is a director whose approval counts under § 38 BSIG. */
  canApprove: z.boolean(),
  approvalCountsAsBilligung: z.boolean(),
});

export type DocumentSummary = ResponseOf<typeof documentSummarySchema>;
export type DocumentDetail = ResponseOf<typeof documentDetailSchema>;
export type DocumentVersion = ResponseOf<typeof documentVersionSchema>;
