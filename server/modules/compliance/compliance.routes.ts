import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordKbvCheckSchema, recordNis2CheckSchema } from '../../../domain/compliance/applicability.schema.ts';
import {
  applicabilitySchema,
  catalogSchema,
  dashboardSchema,
  evidenceSchema,
  requirementDetailSchema,
  statusEntrySchema,
  storedEvidenceSchema,
  storedKbvCheckSchema,
  storedNis2CheckSchema,
} from '../../../domain/compliance/compliance.response.ts';
import { updateRequirementStatusSchema } from '../../../domain/compliance/requirement-status.schema.ts';
import type { AppContext } from '../../context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { fileResponse, orgParams, orgRoute } from '../../http/org-route.ts';
import { checkHistory, latestChecks, recordKbvCheck, recordNis2Check } from './applicability.service.ts';
import { listCatalog, requirementDetail, updateRequirementStatus } from './catalog.service.ts';
import { dashboard } from './dashboard.service.ts';
import { deleteEvidence, getEvidenceFile, listEvidence, uploadEvidence } from './evidence.service.ts';

const requirementParams = orgParams.extend({ requirementId: z.string().regex(/^(KBV-A\d-\d{2}|BSIG-30-2-\d{2})$/) });
const evidenceParams = orgParams.extend({ evidenceId: z.uuid() });
const uploadQuery = z.object({ locationId: z.uuid().optional() });

const multipartLimits = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * Busboy reports a missing boundary, a truncated body or a malformed part header as a plain Error: each is the
 * client's mistake (400 at the file field), a limit is 413.
 */
function multipartError(error: unknown): never {
  if (error instanceof AppError) throw error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && multipartLimits.has(code)) throw new AppError('payload_too_large', 413);
  throw fieldError(['file'], 'evidence.multipart_invalid');
}

/** The one file of an upload, read before the transaction; a body that is not well-formed multipart never reaches the service. */
async function readEvidencePart(request: FastifyRequest) {
  if (!request.isMultipart()) throw fieldError(['file'], 'evidence.file_missing');
  try {
    const part = await request.file();
    // A part without a file name is a form field sent as binary, not a chosen file.
    if (part?.fieldname !== 'file' || typeof part.filename !== 'string') throw fieldError(['file'], 'evidence.file_missing');
    return { fileName: part.filename, content: await part.toBuffer() };
  } catch (error) {
    return multipartError(error);
  }
}

export function complianceRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['compliance'];

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/applicability',
    permission: 'organisation.read',
    tags,
    summary: 'Latest NIS2 and KBV applicability checks and their history',
    response: applicabilitySchema,
    handler: async ({ tx, actor }) => ({ ...(await latestChecks(tx, actor.organisationId)), history: await checkHistory(tx, actor.organisationId) }),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/applicability/nis2',
    permission: 'applicability.record',
    tags,
    summary: 'Run and store the NIS2 applicability check (§ 28 BSIG)',
    body: recordNis2CheckSchema,
    status: 201,
    response: storedNis2CheckSchema,
    handler: async ({ tx, actor, body }) => {
      await recordNis2Check(tx, actor, body);
      return (await latestChecks(tx, actor.organisationId)).nis2!;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/applicability/kbv',
    permission: 'applicability.record',
    tags,
    summary: 'Run and store the KBV practice-size check (§ 390 SGB V)',
    body: recordKbvCheckSchema,
    status: 201,
    response: storedKbvCheckSchema,
    handler: async ({ tx, actor, body }) => {
      await recordKbvCheck(tx, actor, body);
      return (await latestChecks(tx, actor.organisationId)).kbv!;
    },
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/catalog',
    permission: 'organisation.read',
    tags,
    summary: 'The requirements with applicability and status',
    response: catalogSchema,
    handler: ({ tx, actor }) => listCatalog(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/requirements/:requirementId',
    permission: 'organisation.read',
    tags,
    summary: 'One requirement with its status entries per scope',
    params: requirementParams,
    response: requirementDetailSchema,
    handler: ({ tx, actor, params }) => requirementDetail(tx, actor.organisationId, params.requirementId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/dashboard',
    permission: 'organisation.read',
    tags,
    summary: 'Progress, overdue work, NIS2 coverage and fine exposure',
    response: dashboardSchema,
    handler: ({ tx, actor }) => dashboard(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/requirements/:requirementId/status',
    permission: 'requirements.edit',
    tags,
    summary: 'Set status, owner, due date and notes of a requirement (organisation-wide or per location)',
    params: requirementParams,
    body: updateRequirementStatusSchema,
    response: statusEntrySchema,
    handler: ({ tx, actor, params, body }) => updateRequirementStatus(tx, actor, params.requirementId, body),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/requirements/:requirementId/evidence',
    permission: 'organisation.read',
    tags,
    summary: 'Evidence files of a requirement (without contents)',
    params: requirementParams,
    response: z.array(evidenceSchema),
    handler: ({ tx, actor, params }) => listEvidence(tx, actor.organisationId, params.requirementId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/requirements/:requirementId/evidence',
    permission: 'requirements.edit',
    tags,
    summary: 'Upload one evidence file (multipart field "file"; PDF, image or office document up to 25 MB, type checked by content)',
    consumes: ['multipart/form-data'],
    params: requirementParams,
    querystring: uploadQuery,
    status: 201,
    response: storedEvidenceSchema,
    prepare: readEvidencePart,
    handler: ({ tx, actor, params, query, prepared }) => uploadEvidence(tx, actor, params.requirementId, query.locationId ?? null, prepared),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/evidence/:evidenceId/download',
    permission: 'organisation.read',
    tags,
    summary: 'Download an evidence file',
    params: evidenceParams,
    response: fileResponse('application/octet-stream'),
    handler: async ({ tx, actor, params, reply }) => {
      const file = await getEvidenceFile(tx, actor.organisationId, params.evidenceId);
      const asciiName = file.downloadName.replace(/[^\x20-\x7e]/g, '_');
      reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.downloadName)}`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'private, no-store');
      return file.content;
    },
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/evidence/:evidenceId',
    permission: 'requirements.edit',
    tags,
    summary: 'Delete an evidence file',
    params: evidenceParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await deleteEvidence(tx, actor, params.evidenceId);
      return undefined;
    },
  });
}
