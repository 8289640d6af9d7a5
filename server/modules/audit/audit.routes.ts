import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { requireMember } from '../../http/auth.ts';
import { orgParams } from '../organisations/organisations.routes.ts';
import { auditAnchorSchema } from '../../../domain/audit/audit-anchor.ts';
import { auditListQuerySchema, auditPageSchema } from '../../../domain/audit/audit-list.ts';
import { auditAnchors, listAudit } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/organisations/:organisationId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail, a page: newest first, filtered by action or actor; total, and the cursor of the next page',
        params: orgParams,
        querystring: auditListQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { roles: ['management', 'auditor', 'data_protection_officer'] });
      return withOrganisation(ctx.db, actor.organisationId, (tx) => listAudit(tx, actor.organisationId, request.query));
    },
  );

  r.get(
    '/api/v1/organisations/:organisationId/audit/anchor',
    {
      schema: {
        tags: ['audit'],
        summary: 'Anchor of the audit trail (entry count, head sequence number and hash): keep it outside the practice, check later with verify-audit --anchor',
        params: orgParams,
        response: { 200: auditAnchorSchema },
      },
    },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { roles: ['management', 'auditor'] });
      return withOrganisation(ctx.db, actor.organisationId, (tx) => auditAnchors(tx, actor.organisationId));
    },
  );
}
