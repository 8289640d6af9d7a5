import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../../domain/auth/roles.ts';
import { draftKinds } from '../../../domain/incidents/report-draft.ts';
import {
  addIncidentEventSchema,
  completeHandlingSchema,
  createApiTokenSchema,
  intakeAlertSchema,
  recordIntermediateRequestSchema,
  recordIntermediateSubmissionSchema,
  recordSubmissionSchema,
  reportIncidentSchema,
  setEscalationTickSchema,
  significanceAnswersSchema,
} from '../../../domain/incidents/incident.schema.ts';
import type { AppContext } from '../../context.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { requireMember } from '../../http/auth.ts';
import { orgParams } from '../organisations/organisations.routes.ts';
import { draftToDocx, draftToPdf, incidentDraft } from './drafts.ts';
import * as service from './incidents.service.ts';
import * as intake from './intake.service.ts';

/** Who handles incidents (the escalation chain: IT lead, management, DPO); everyone who may write can report one. */
const handlers: readonly Role[] = ['management', 'it_lead', 'data_protection_officer'];
const incidentParams = orgParams.extend({ incidentId: z.uuid() });
const pageQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().min(1).optional() });

export function incidentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];

  r.get(
    '/api/v1/organisations/:organisationId/incidents',
    { schema: { tags, summary: 'Incidents, newest first, with the next legal deadline (a page: limit, before = number; total in x-total-count)', params: orgParams, querystring: pageQuery } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId);
      const { items, total } = await withOrganisation(ctx.db, actor.organisationId, async (tx) => ({
        items: await service.listIncidents(tx, actor.organisationId, new Date(), request.query),
        total: await service.countIncidents(tx, actor.organisationId),
      }));
      return reply.header('x-total-count', String(total)).send(items);
    },
  );

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

  r.post(
    '/api/v1/organisations/:organisationId/incidents/:incidentId/intermediate-requests',
    {
      schema: {
        tags,
        summary: 'Record a request of the BSI for an intermediate report (§ 32 Abs. 1 Nr. 3 BSIG); the same arrival time again updates it',
        params: incidentParams,
        body: recordIntermediateRequestSchema,
      },
    },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: handlers });
      const created = await withOrganisation(ctx.db, actor.organisationId, (tx) => service.recordIntermediateRequest(tx, actor, request.params.incidentId, request.body));
      return reply.code(201).send(created);
    },
  );

  r.put(
    '/api/v1/organisations/:organisationId/incidents/:incidentId/intermediate-requests/:requestId/submission',
    {
      schema: {
        tags,
        summary: 'Record that the intermediate report asked for by one request was submitted',
        params: incidentParams.extend({ requestId: z.uuid() }),
        body: recordIntermediateSubmissionSchema,
      },
    },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: handlers });
      await withOrganisation(ctx.db, actor.organisationId, (tx) =>
        service.recordIntermediateSubmission(tx, actor, request.params.incidentId, request.params.requestId, request.body),
      );
      return { ok: true };
    },
  );

  r.put(
    '/api/v1/organisations/:organisationId/incidents/:incidentId/escalation',
    {
      schema: {
        tags,
        summary: 'Tick or untick one step of the escalation checklist ("Wer muss Bescheid wissen?"); answers all ticks',
        params: incidentParams,
        body: setEscalationTickSchema,
      },
    },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: handlers });
      return withOrganisation(ctx.db, actor.organisationId, (tx) => service.setEscalationTick(tx, actor, request.params.incidentId, request.body));
    },
  );

  r.get('/api/v1/organisations/:organisationId/api-tokens', { schema: { tags, summary: 'API tokens of the organisation (without the tokens themselves)', params: orgParams } }, async (request) => {
    const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
    return withOrganisation(ctx.db, actor.organisationId, (tx) => intake.listApiTokens(tx, actor.organisationId));
  });

  r.post(
    '/api/v1/organisations/:organisationId/api-tokens',
    { schema: { tags, summary: 'Create an API token (shown once) for a detection tool', params: orgParams, body: createApiTokenSchema } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      const created = await withOrganisation(ctx.db, actor.organisationId, (tx) => intake.createApiToken(tx, actor, request.body));
      return reply.code(201).send(created);
    },
  );

  r.delete(
    '/api/v1/organisations/:organisationId/api-tokens/:tokenId',
    { schema: { tags, summary: 'Revoke an API token', params: orgParams.extend({ tokenId: z.uuid() }) } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      await withOrganisation(ctx.db, actor.organisationId, (tx) => intake.revokeApiToken(tx, actor, request.params.tokenId));
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/organisations/:organisationId/incidents/intake',
    {
      schema: {
        tags,
        summary: 'Alert from a detection tool (Authorization: Bearer <API token>): opens or extends an incident and notifies the escalation chain',
        params: orgParams,
        body: intakeAlertSchema,
        security: [{ apiToken: [] }],
      },
      config: { rateLimit: intake.INTAKE_RATE_LIMIT },
      // The token is checked before the body: a bad token gets 401 whatever it sends.
      preValidation: async (request) => {
        (request as unknown as { tokenId: string }).tokenId = await intake.authenticateIntake(ctx, (request.params as { organisationId: string }).organisationId, request.headers.authorization);
      },
    },
    async (request, reply) => {
      const tokenId = (request as unknown as { tokenId: string }).tokenId;
      const result = await intake.receiveAlert(ctx, request.params.organisationId, tokenId, request.body);
      return reply.code(result.appended ? 200 : 201).send(result);
    },
  );

  const draftParams = incidentParams.extend({ kind: z.enum(draftKinds) });
  const draftQuery = z.object({ locale: z.enum(['de', 'en']).default('de') });
  const footer = (locale: 'de' | 'en') =>
    locale === 'de'
      ? 'Entwurf aus praxisschild. Vor dem Absenden prüfen und ergänzen; maßgeblich sind § 32 BSIG bzw. Art. 33 DSGVO und die Eingabemaske der Behörde.'
      : 'Draft from praxisschild. Check and complete before sending; § 32 BSIG or Art. 33 GDPR and the authority’s form are authoritative.';
  const fileName = (kind: string, number: number, ext: string) => `praxisschild-vorfall-${number}-${kind}.${ext}`;

  r.get(
    '/api/v1/organisations/:organisationId/incidents/:incidentId/drafts/:kind',
    { schema: { tags, summary: 'Draft of a report (BSI stages or Art. 33 GDPR) filled from the incident', params: draftParams, querystring: draftQuery } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId);
      return withOrganisation(ctx.db, actor.organisationId, (tx) => incidentDraft(tx, actor.organisationId, request.params.incidentId, request.params.kind, request.query.locale));
    },
  );

  for (const format of ['pdf', 'docx'] as const) {
    r.get(
      `/api/v1/organisations/:organisationId/incidents/:incidentId/drafts/:kind/${format}`,
      { schema: { tags, summary: `Draft of a report as ${format.toUpperCase()}`, params: draftParams, querystring: draftQuery } },
      async (request, reply) => {
        const actor = await requireMember(ctx, request, request.params.organisationId);
        const { draft, number } = await withOrganisation(ctx.db, actor.organisationId, async (tx) => ({
          draft: await incidentDraft(tx, actor.organisationId, request.params.incidentId, request.params.kind, request.query.locale),
          number: (await service.getIncident(tx, actor.organisationId, request.params.incidentId)).number,
        }));
        const body = format === 'pdf' ? await draftToPdf(draft, footer(request.query.locale)) : await draftToDocx(draft, footer(request.query.locale));
        return reply
          .header('content-type', format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename="${fileName(request.params.kind, number, format)}"`)
          .header('cache-control', 'private, no-store')
          .send(body);
      },
    );
  }

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
