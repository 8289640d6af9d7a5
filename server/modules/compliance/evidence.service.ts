import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { cleanFileName, EVIDENCE_MAX_BYTES, evidenceMediaTypes, isAllowedEvidenceType } from '../../../domain/compliance/evidence.ts';
import type { Tx } from '../../db/connect.ts';
import { evidenceFiles, requirementStatuses } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { assertLocation, ensureStatusRow, findRequirement } from './catalog.service.ts';

export interface Upload {
  fileName: string;
  content: Buffer;
}

/** Decides the media type from the content (magic bytes); the name and the browser's claim are ignored. */
export async function detectEvidenceType(content: Buffer): Promise<string> {
  if (content.length === 0) throw fieldError(['file'], 'evidence.empty');
  if (content.length > EVIDENCE_MAX_BYTES) throw new AppError('payload_too_large', 413);
  const detected = await fileTypeFromBuffer(content);
  if (!isAllowedEvidenceType(detected?.mime)) throw fieldError(['file'], 'evidence.type_not_allowed', detected?.mime ?? 'unknown');
  return detected.mime;
}

export async function uploadEvidence(tx: Tx, actor: Actor, requirementId: string, locationId: string | null, upload: Upload) {
  await findRequirement(tx, requirementId);
  await assertLocation(tx, actor.organisationId, locationId);
  const mediaType = await detectEvidenceType(upload.content);
  const status = await ensureStatusRow(tx, actor, requirementId, locationId);
  const id = randomUUID();
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  const fileName = cleanFileName(upload.fileName);
  await tx.insert(evidenceFiles).values({
    organisationId: actor.organisationId,
    id,
    requirementStatusId: status.id,
    fileName,
    mediaType,
    sizeBytes: upload.content.length,
    sha256,
    content: upload.content,
    uploadedBy: actor.userId,
  });
  await tx
    .update(requirementStatuses)
    .set({ evidenceCount: sql`${requirementStatuses.evidenceCount} + 1` })
    .where(and(eq(requirementStatuses.organisationId, actor.organisationId), eq(requirementStatuses.id, status.id)));
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'evidence.uploaded',
    entityType: 'evidence',
    entityId: id,
    data: { requirementId, locationId, fileName, mediaType, sizeBytes: upload.content.length, sha256 },
  });
  return { id, fileName, mediaType, sizeBytes: upload.content.length, sha256 };
}

/** Evidence of one requirement (all scopes), without the file contents. */
export async function listEvidence(tx: Tx, organisationId: string, requirementId: string) {
  return tx
    .select({
      id: evidenceFiles.id,
      locationId: requirementStatuses.locationId,
      fileName: evidenceFiles.fileName,
      mediaType: evidenceFiles.mediaType,
      sizeBytes: evidenceFiles.sizeBytes,
      sha256: evidenceFiles.sha256,
      uploadedAt: evidenceFiles.uploadedAt,
      uploadedBy: evidenceFiles.uploadedBy,
    })
    .from(evidenceFiles)
    .innerJoin(
      requirementStatuses,
      and(eq(requirementStatuses.organisationId, evidenceFiles.organisationId), eq(requirementStatuses.id, evidenceFiles.requirementStatusId)),
    )
    .where(and(eq(evidenceFiles.organisationId, organisationId), eq(requirementStatuses.requirementId, requirementId)))
    .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id));
}

export async function getEvidenceFile(tx: Tx, organisationId: string, evidenceId: string) {
  const [file] = await tx
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organisationId, organisationId), eq(evidenceFiles.id, evidenceId)));
  if (!file) throw new AppError('evidence.not_found', 404);
  return { ...file, downloadName: downloadFileName(file.fileName, file.mediaType) };
}

/** Extensions that also name a detected type (JPEG, TIFF; legacy Office files share one container format). */
const SAME_TYPE_EXTENSIONS: Record<string, string[]> = { jpg: ['jpeg'], tif: ['tiff'], doc: ['xls', 'ppt', 'msg'] };

/**
 * The name a download gets: the uploaded name with the extension of the type detected from the content, so that a
 * PDF uploaded as "x.html" downloads as "x.pdf" and no browser or desktop opens it as something else.
 */
export function downloadFileName(fileName: string, mediaType: string): string {
  const extension = isAllowedEvidenceType(mediaType) ? evidenceMediaTypes[mediaType] : 'bin';
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const current = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  if (current === extension || SAME_TYPE_EXTENSIONS[extension]?.includes(current)) return fileName;
  return `${stem}.${extension}`;
}

export async function deleteEvidence(tx: Tx, actor: Actor, evidenceId: string) {
  const [file] = await tx
    .delete(evidenceFiles)
    .where(and(eq(evidenceFiles.organisationId, actor.organisationId), eq(evidenceFiles.id, evidenceId)))
    .returning({ fileName: evidenceFiles.fileName, sha256: evidenceFiles.sha256, statusId: evidenceFiles.requirementStatusId });
  if (!file) throw new AppError('evidence.not_found', 404);
  await tx
    .update(requirementStatuses)
    .set({ evidenceCount: sql`${requirementStatuses.evidenceCount} - 1` })
    .where(and(eq(requirementStatuses.organisationId, actor.organisationId), eq(requirementStatuses.id, file.statusId)));
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'evidence.deleted',
    entityType: 'evidence',
    entityId: evidenceId,
    data: { fileName: file.fileName, sha256: file.sha256 },
  });
}
