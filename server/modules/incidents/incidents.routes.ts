import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../../domain/auth/roles.ts';
import { addIncidentEventSchema, completeHandlingSchema, recordSubmissionSchema, reportIncidentSchema, significanceAnswersSchema } from '../../../domain/incidents/incident.schema.ts';
import type { AppContext } from '../../context.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { requireMember } from '../../http/auth.ts';
import { orgParams } from '../organisations/organisations.routes.ts';
import * as service from './incidents.service.ts';

/** Who handles incidents (the escalation chain: IT lead, management, DPO); everyone who may write can report one. */
const handlers: readonly Role[] = ['management', 'it_lead', 'data_protection_officer'];
const incidentParams = orgParams.extend({ incidentId: z.uuid() });

export function incidentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];

  r.get('/api/v1/organisations/:organisationId/incidents', { schema: { tags, summary: 'Incidents, newest first, with the next legal deadline', params: orgParams } }, async (request) => {
    const actor = await requireMember(ctx, request, request.params.organisationId);
    return withOrganisation(ctx.db, actor.organisationId, (tx) => service.listIncidents(tx, actor.organisationId));
  });

  r.post(
    '/api/v1/organisations/:organisationId/incidents',
    { schema: { tags, summary: 'Report a security incident (the clocks start at noticedAt)', params: orgParams, body: reportIncidentSchema } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true });
      const created = await withOrganisation(ctx.db, actor.organisationId, (tx) => service.reportIncident(tx, actor, request.body));
      return reply.code(201).send(created);
    },
  );

  r.get(
    '/api/v1/organisations/:organisationId/incidents/:incidentId',
    { schema: { tags, summary: 'One incident with assessment, timeline, submissions and the running clocks', params: incidentParams } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId);
      return withOrganisation(ctx.db, actor.organisationId, (tx) => service.getIncident(tx, actor.organisationId, request.params.incidentId));
    },
  );

  r.put(
    '/api/v1/organisations/:organisationId/incidents/:incidentId/significance',
    { schema: { tags, summary: 'Significance assessment (§ 2 Nr. 11 BSIG): decides whether the § 32 clock runs', params: incidentParams, body: significanceAnswersSchema } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: handlers });
      return withOrganisation(ctx.db, actor.organisationId, (tx) => service.assessIncident(tx, actor, request.params.incidentId, request.body));
    },
  );

  r.post(
    '/api/v1/organisations/:organisationId/incidents/:incidentId/events',
    { schema: { tags, summary: 'Add a note, measure or contact to the timeline', params: incidentParams, body: addIncidentEventSchema } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: handlers });
      await withOrganisation(ctx.db, actor.organisationId, (tx) => service.addIncidentEvent(tx, actor, request.params.incidentId, request.body));
      return reply.code(201).send({ ok: true });
    },
  );

  r.post(
    '/api/v1/organisations/:organisationId/incidents/:incidentId/submissions',
    { schema: { tags, summary: 'Record that a report was submitted (when, reference number)', params: incidentParams, body: recordSubmissionSchema } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: handlers });
      await withOrganisation(ctx.db, actor.organisationId, (tx) => service.recordSubmission(tx, actor, request.params.incidentId, request.body));
      return reply.code(201).send({ ok: true });
    },
  );

  r.put(
    '/api/v1/organisations/:organisationId/incidents/:incidentId/handling-completed',
    { schema: { tags, summary: 'Mark the handling of the incident as completed (moves the final report)', params: incidentParams, body: completeHandlingSchema } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: handlers });
      await withOrganisation(ctx.db, actor.organisationId, (tx) => service.completeHandling(tx, actor, request.params.incidentId, request.body.completedAt));
      return { ok: true };
    },
  );
}
