import type { FastifyInstance } from 'fastify';
import { auditAnchorSchema } from '../../../domain/audit/audit-anchor.ts';
import { auditListQuerySchema, auditPageSchema } from '../../../domain/audit/audit-list.ts';
import type { AppContext } from '../../context.ts';
import { orgRoute } from '../../http/org-route.ts';
import { auditAnchors, listAudit } from './audit.service.ts';

const tags = ['audit'];

export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/audit',
    permission: 'audit.read',
    tags,
    summary: 'Audit trail, a page: newest first, filtered by action or actor; total, and the cursor of the next page',
    querystring: auditListQuerySchema,
    response: auditPageSchema,
    handler: ({ tx, actor, query }) => listAudit(tx, actor.organisationId, query),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/audit/anchor',
    permission: 'audit.anchor',
    tags,
    summary: 'Anchor of the audit trail (entry count, head sequence number and hash): keep it outside the practice, check later with verify-audit --anchor',
    response: auditAnchorSchema,
    handler: ({ tx, actor }) => auditAnchors(tx, actor.organisationId),
  });
}
