import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addIncidentEventSchema,
  completeHandlingSchema,
  recordIntermediateRequestSchema,
  recordIntermediateSubmissionSchema,
  recordSubmissionSchema,
  reportIncidentSchema,
  setEscalationTickSchema,
  significanceAnswersSchema,
} from '../../../domain/incidents/incident.schema.ts';
import { incidentListQuerySchema, incidentPageSchema } from '../../../domain/incidents/incident-list.ts';
import {
  createdIdSchema,
  escalationTicksSchema,
  incidentDetailSchema,
  okSchema,
  reportDraftSchema,
  reportedIncidentSchema,
  significanceResultSchema,
} from '../../../domain/incidents/incidents.response.ts';
import { draftKinds } from '../../../domain/incidents/report-draft.ts';
import type { AppContext } from '../../context.ts';
import { documentFormats, documentMediaTypes } from '../../documents/render.ts';
import { fileResponse, orgParams, orgRoute } from '../../http/org-route.ts';
import { draftFile, incidentDraft, loadIncidentDraft } from './drafts.ts';
import { listIncidentPage } from './incident-list.service.ts';
import * as service from './incidents.service.ts';
import { intakeRoutes } from './intake.routes.ts';

const incidentParams = orgParams.extend({ incidentId: z.uuid() });

export function incidentRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['incidents'];

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/incidents',
    permission: 'organisation.read',
    tags,
    summary:
      'Incidents, a page: filtered by status (open/closed), significance and a search in the title, sorted by number, time noticed, status or title, each with the report due next; total, and the cursor of the next page',
    querystring: incidentListQuerySchema,
    response: incidentPageSchema,
    handler: ({ tx, actor, query }) => listIncidentPage(tx, actor.organisationId, query),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/incidents',
    permission: 'incidents.report',
    tags,
    summary: 'Report a security incident (the clocks start at noticedAt)',
    body: reportIncidentSchema,
    status: 201,
    response: reportedIncidentSchema,
    handler: ({ tx, actor, body }) => service.reportIncident(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/incidents/:incidentId',
    permission: 'organisation.read',
    tags,
    summary: 'One incident with assessment, timeline, submissions, the BSI’s requests, the escalation ticks and the running clocks',
    params: incidentParams,
    response: incidentDetailSchema,
    handler: ({ tx, actor, params }) => service.getIncident(tx, actor.organisationId, params.incidentId),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/incidents/:incidentId/significance',
    permission: 'incidents.handle',
    tags,
    summary: 'Significance assessment (§ 2 Nr. 11 BSIG): decides whether the § 32 clock runs',
    params: incidentParams,
    body: significanceAnswersSchema,
    response: significanceResultSchema,
    handler: ({ tx, actor, params, body }) => service.assessIncident(tx, actor, params.incidentId, body),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/incidents/:incidentId/events',
    permission: 'incidents.handle',
    tags,
    summary: 'Add a note, measure or contact to the timeline',
    params: incidentParams,
    body: addIncidentEventSchema,
    status: 201,
    response: okSchema,
    handler: async ({ tx, actor, params, body }) => {
      await service.addIncidentEvent(tx, actor, params.incidentId, body);
      return { ok: true as const };
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/incidents/:incidentId/submissions',
    permission: 'incidents.handle',
    tags,
    summary: 'Record that a report was submitted (when, reference number)',
    params: incidentParams,
    body: recordSubmissionSchema,
    status: 201,
    response: okSchema,
    handler: async ({ tx, actor, params, body }) => {
      await service.recordSubmission(tx, actor, params.incidentId, body);
      return { ok: true as const };
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/incidents/:incidentId/intermediate-requests',
    permission: 'incidents.handle',
    tags,
    summary: 'Record a request of the BSI for an intermediate report (§ 32 Abs. 1 Nr. 3 BSIG); the same arrival time again updates it',
    params: incidentParams,
    body: recordIntermediateRequestSchema,
    status: 201,
    response: createdIdSchema,
    handler: ({ tx, actor, params, body }) => service.recordIntermediateRequest(tx, actor, params.incidentId, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/incidents/:incidentId/intermediate-requests/:requestId/submission',
    permission: 'incidents.handle',
    tags,
    summary: 'Record that the intermediate report asked for by one request was submitted',
    params: incidentParams.extend({ requestId: z.uuid() }),
    body: recordIntermediateSubmissionSchema,
    response: okSchema,
    handler: async ({ tx, actor, params, body }) => {
      await service.recordIntermediateSubmission(tx, actor, params.incidentId, params.requestId, body);
      return { ok: true as const };
    },
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/incidents/:incidentId/escalation',
    permission: 'incidents.handle',
    tags,
    summary: 'Tick or untick one step of the escalation checklist ("Wer muss Bescheid wissen?"); answers all ticks',
    params: incidentParams,
    body: setEscalationTickSchema,
    response: escalationTicksSchema,
    handler: ({ tx, actor, params, body }) => service.setEscalationTick(tx, actor, params.incidentId, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/incidents/:incidentId/handling-completed',
    permission: 'incidents.handle',
    tags,
    summary: 'Mark the handling of the incident as completed (moves the final report)',
    params: incidentParams,
    body: completeHandlingSchema,
    response: okSchema,
    handler: async ({ tx, actor, params, body }) => {
      await service.completeHandling(tx, actor, params.incidentId, body.completedAt);
      return { ok: true as const };
    },
  });

  const draftParams = incidentParams.extend({ kind: z.enum(draftKinds) });
  const draftQuery = z.object({ locale: z.enum(['de', 'en']).default('de') });
  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/incidents/:incidentId/drafts/:kind',
    permission: 'organisation.read',
    tags,
    summary:
      'Draft of a report (BSI stages, the intermediate report on request, Art. 33 GDPR) or of the letter to the persons concerned (Art. 34 GDPR), filled from the incident',
    params: draftParams,
    querystring: draftQuery,
    response: reportDraftSchema,
    handler: ({ tx, actor, params, query }) => incidentDraft(tx, actor.organisationId, params.incidentId, params.kind, query.locale),
  });

  for (const format of documentFormats) {
    orgRoute(app, ctx, {
      method: 'GET',
      url: `/api/v1/organisations/:organisationId/incidents/:incidentId/drafts/:kind/${format}`,
      permission: 'organisation.read',
      tags,
      summary: `Draft of a report or of the letter to the persons concerned as ${format.toUpperCase()}`,
      params: draftParams,
      querystring: draftQuery,
      response: fileResponse(documentMediaTypes[format]),
      handler: async ({ tx, actor, params, query, reply }) => {
        const loaded = await loadIncidentDraft(tx, actor.organisationId, params.incidentId, params.kind, query.locale);
        const file = await draftFile(loaded, query.locale, format);
        reply.headers(file.headers);
        return file.body;
      },
    });
  }

  intakeRoutes(app, ctx);
}
