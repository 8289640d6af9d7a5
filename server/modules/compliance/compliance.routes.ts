import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordKbvCheckSchema, recordNis2CheckSchema } from '../../../domain/compliance/applicability.schema.ts';
import { updateRequirementStatusSchema } from '../../../domain/compliance/requirement-status.schema.ts';
import type { Role } from '../../../domain/auth/roles.ts';
import type { AppContext } from '../../context.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { requireMember } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { orgParams } from '../organisations/organisations.routes.ts';
import { checkHistory, latestChecks, recordKbvCheck, recordNis2Check } from './applicability.service.ts';
import { listCatalog, requirementDetail, updateRequirementStatus } from './catalog.service.ts';
import { dashboard } from './dashboard.service.ts';
import { deleteEvidence, getEvidenceFile, listEvidence, uploadEvidence } from './evidence.service.ts';

/** Who works on the requirements: management, the IT lead and the DPO (and administrators); staff and auditors read. */
const complianceEditors: readonly Role[] = ['management', 'it_lead', 'data_protection_officer'];
const requirementParams = orgParams.extend({ requirementId: z.string().regex(/^(KBV-A\d-\d{2}|BSIG-30-2-\d{2})$/) });
const evidenceParams = orgParams.extend({ evidenceId: z.uuid() });
const uploadQuery = z.object({ locationId: z.uuid().optional() });

/** The one file of an upload; a body that is not well-formed multipart never reaches the service. */
async function readEvidencePart(request: FastifyRequest) {
  const part = await request.file();
  // A part without a file name is a form field sent as binary, not a chosen file.
  if (!part || part.fieldname !== 'file' || typeof part.filename !== 'string') throw fieldError(['file'], 'evidence.file_missing');
  return { part, content: await part.toBuffer() };
}

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

export function complianceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['compliance'];

  r.get('/api/v1/organisations/:organisationId/applicability', { schema: { tags, summary: 'Latest NIS2 and KBV applicability checks and their history', params: orgParams } }, async (request) => {
    const actor = await requireMember(ctx, request, request.params.organisationId);
    return withOrganisation(ctx.db, actor.organisationId, async (tx) => ({
      ...(await latestChecks(tx, actor.organisationId)),
      history: await checkHistory(tx, actor.organisationId),
    }));
  });

  r.post(
    '/api/v1/organisations/:organisationId/applicability/nis2',
    { schema: { tags, summary: 'Run and store the NIS2 applicability check (§ 28 BSIG)', params: orgParams, body: recordNis2CheckSchema } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: ['management', 'it_lead'] });
      const result = await withOrganisation(ctx.db, actor.organisationId, async (tx) => {
        await recordNis2Check(tx, actor, request.body);
        return (await latestChecks(tx, actor.organisationId)).nis2;
      });
      return reply.code(201).send(result);
    },
  );

  r.post(
    '/api/v1/organisations/:organisationId/applicability/kbv',
    { schema: { tags, summary: 'Run and store the KBV practice-size check (§ 390 SGB V)', params: orgParams, body: recordKbvCheckSchema } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: ['management', 'it_lead'] });
      const result = await withOrganisation(ctx.db, actor.organisationId, async (tx) => {
        await recordKbvCheck(tx, actor, request.body);
        return (await latestChecks(tx, actor.organisationId)).kbv;
      });
      return reply.code(201).send(result);
    },
  );

  r.get('/api/v1/organisations/:organisationId/catalog', { schema: { tags, summary: 'The requirements with applicability and status', params: orgParams } }, async (request) => {
    const actor = await requireMember(ctx, request, request.params.organisationId);
    return withOrganisation(ctx.db, actor.organisationId, (tx) => listCatalog(tx, actor.organisationId));
  });

  r.get(
    '/api/v1/organisations/:organisationId/requirements/:requirementId',
    { schema: { tags, summary: 'One requirement with its status entries per scope', params: requirementParams } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId);
      return withOrganisation(ctx.db, actor.organisationId, (tx) => requirementDetail(tx, actor.organisationId, request.params.requirementId));
    },
  );

  r.get('/api/v1/organisations/:organisationId/dashboard', { schema: { tags, summary: 'Progress, overdue work, NIS2 coverage and fine exposure', params: orgParams } }, async (request) => {
    const actor = await requireMember(ctx, request, request.params.organisationId);
    return withOrganisation(ctx.db, actor.organisationId, (tx) => dashboard(tx, actor.organisationId));
  });

  r.put(
    '/api/v1/organisations/:organisationId/requirements/:requirementId/status',
    { schema: { tags, summary: 'Set status, owner, due date and notes of a requirement (organisation-wide or per location)', params: requirementParams, body: updateRequirementStatusSchema } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: complianceEditors });
      return withOrganisation(ctx.db, actor.organisationId, (tx) => updateRequirementStatus(tx, actor, request.params.requirementId, request.body));
    },
  );

  r.get(
    '/api/v1/organisations/:organisationId/requirements/:requirementId/evidence',
    { schema: { tags, summary: 'Evidence files of a requirement (without contents)', params: requirementParams } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId);
      return withOrganisation(ctx.db, actor.organisationId, (tx) => listEvidence(tx, actor.organisationId, request.params.requirementId));
    },
  );

  r.post(
    '/api/v1/organisations/:organisationId/requirements/:requirementId/evidence',
    {
      schema: {
        tags,
        summary: 'Upload one evidence file (multipart field "file"; PDF, image or office document up to 25 MB, type checked by content)',
        consumes: ['multipart/form-data'],
        params: requirementParams,
        querystring: uploadQuery,
      },
    },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: complianceEditors });
      if (!request.isMultipart()) throw fieldError(['file'], 'evidence.file_missing');
      const { part, content } = await readEvidencePart(request).catch(multipartError);
      const stored = await withOrganisation(ctx.db, actor.organisationId, (tx) =>
        uploadEvidence(tx, actor, request.params.requirementId, request.query.locationId ?? null, { fileName: part.filename, content }),
      );
      return reply.code(201).send(stored);
    },
  );

  r.get(
    '/api/v1/organisations/:organisationId/evidence/:evidenceId/download',
    { schema: { tags, summary: 'Download an evidence file', params: evidenceParams } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId);
      const file = await withOrganisation(ctx.db, actor.organisationId, (tx) => getEvidenceFile(tx, actor.organisationId, request.params.evidenceId));
      const asciiName = file.downloadName.replace(/[^\x20-\x7e]/g, '_');
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.downloadName)}`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  r.delete(
    '/api/v1/organisations/:organisationId/evidence/:evidenceId',
    { schema: { tags, summary: 'Delete an evidence file', params: evidenceParams } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: complianceEditors });
      await withOrganisation(ctx.db, actor.organisationId, (tx) => deleteEvidence(tx, actor, request.params.evidenceId));
      return reply.code(204).send();
    },
  );
}
