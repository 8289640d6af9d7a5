import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { requireMember } from '../../http/auth.ts';
import { orgParams } from '../organisations/organisations.routes.ts';
import { auditAnchorSchema } from '../../../domain/audit/audit-anchor.ts';
import { auditAnchors, auditTotal, listAudit } from './audit.service.ts';

const query = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/organisations/:organisationId/audit',
    { schema: { tags: ['audit'], summary: 'Audit trail, newest first (a page: limit, before = seq; total in x-total-count)', params: orgParams, querystring: query } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { roles: ['management', 'auditor', 'data_protection_officer'] });
      const { entries, total } = await withOrganisation(ctx.db, actor.organisationId, async (tx) => ({
        entries: await listAudit(tx, actor.organisationId, request.query.limit, request.query.before),
        total: await auditTotal(tx, actor.organisationId),
      }));
      return reply.header('x-total-count', String(total)).send(entries);
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
