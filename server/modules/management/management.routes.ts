import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  directorRecordsSchema,
  managementApprovalSchema,
  managementOverviewSchema,
  managementTrainingSchema,
} from '../../../domain/management/management.response.ts';
import { managementApprovalInputSchema, managementTrainingInputSchema, managementTrainingUpdateSchema } from '../../../domain/management/management.ts';
import type { AppContext } from '../../context.ts';
import { orgParams, orgRoute } from '../../http/org-route.ts';
import * as service from './management.service.ts';

const tags = ['management'];
const personParams = orgParams.extend({ personId: z.uuid() });
const trainingParams = orgParams.extend({ trainingId: z.uuid() });

/** § 38 BSIG: each managing director's training and approval of the risk-management measures. */
export function managementRoutes(app: FastifyInstance, ctx: AppContext) {
  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/management',
    permission: 'organisation.read',
    tags,
    summary: 'Per managing director: last training and when it lapses (§ 38 Abs. 3 BSIG), last approval and what changed since (Abs. 1)',
    response: managementOverviewSchema,
    handler: ({ tx, actor }) => service.overview(tx, actor.organisationId, actor.userId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/management/people/:personId',
    permission: 'organisation.read',
    tags,
    summary: "One director's training records (with certificates) and approvals, newest first",
    params: personParams,
    response: directorRecordsSchema,
    handler: ({ tx, actor, params }) => service.directorRecords(tx, actor.organisationId, params.personId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/management/people/:personId/trainings',
    permission: 'people.edit',
    tags,
    summary: "Record a director's training (date, agenda, provider, certificate as an evidence file)",
    params: personParams,
    body: managementTrainingInputSchema,
    status: 201,
    response: managementTrainingSchema,
    handler: ({ tx, actor, params, body }) => service.addTraining(tx, actor, params.personId, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/management/trainings/:trainingId',
    permission: 'people.edit',
    tags,
    summary: 'Change a training record (409 when someone else changed it since the given revision)',
    params: trainingParams,
    body: managementTrainingUpdateSchema,
    response: managementTrainingSchema,
    handler: ({ tx, actor, params, body }) => service.updateTraining(tx, actor, params.trainingId, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/management/trainings/:trainingId',
    permission: 'people.edit',
    tags,
    summary: 'Remove a training record entered by mistake',
    params: trainingParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.deleteTraining(tx, actor, params.trainingId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/management/people/:personId/approvals',
    permission: 'management.approve',
    tags,
    summary: 'The signed-in managing director approves the measures as they stand now (§ 38 Abs. 1 BSIG); only for their own person record',
    params: personParams,
    body: managementApprovalInputSchema,
    status: 201,
    response: managementApprovalSchema,
    handler: ({ tx, actor, params, body }) => service.approve(tx, actor, params.personId, body),
  });
}
