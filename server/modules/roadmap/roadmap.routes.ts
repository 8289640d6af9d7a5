import type { FastifyInstance } from 'fastify';
import { roadmapAcceptedSchema, roadmapPlanSchema, roadmapProposalSchema } from '../../../domain/roadmap/roadmap.response.ts';
import { roadmapAcceptSchema } from '../../../domain/roadmap/roadmap.schema.ts';
import type { AppContext } from '../../context.ts';
import { orgRoute } from '../../http/org-route.ts';
import * as service from './roadmap.service.ts';

/** The 8-week plan: what it proposes now, taking it over as tasks, and the plan as taken over. */
export function roadmapRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['roadmap'];
  const base = '/api/v1/organisations/:organisationId/roadmap';

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/proposal`,
    permission: 'organisation.read',
    tags,
    summary: 'The 8-week plan as proposed now from the checks, the catalog and the registers, without what is planned already',
    response: roadmapProposalSchema,
    handler: ({ tx, actor }) => service.proposal(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/accept`,
    permission: 'plan.edit',
    tags,
    summary: 'Take proposed items over as tasks with owners and due dates (items planned already are skipped)',
    body: roadmapAcceptSchema,
    response: roadmapAcceptedSchema,
    handler: ({ tx, actor, body }) => service.accept(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: base,
    permission: 'organisation.read',
    tags,
    summary: 'The plan as taken over: its tasks by week with progress',
    response: roadmapPlanSchema,
    handler: ({ tx, actor }) => service.plan(tx, actor.organisationId),
  });
}
