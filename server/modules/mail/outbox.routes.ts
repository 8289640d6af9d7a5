import type { FastifyInstance } from 'fastify';
import { outboxListQuerySchema, outboxPageSchema } from '../../../domain/mail/outbox-list.ts';
import type { AppContext } from '../../context.ts';
import { orgRoute } from '../../http/org-route.ts';
import { listOutbox } from './outbox.queries.ts';

export function outboxRoutes(app: FastifyInstance, ctx: AppContext) {
  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/outbox',
    permission: 'organisation.administer',
    tags: ['mail'],
    summary: 'Outgoing e-mail (the outbox when no SMTP server is set), a page: newest first or by recipient or subject, search, filter by kind; total and the cursor of the next page',
    querystring: outboxListQuerySchema,
    response: outboxPageSchema,
    handler: async ({ tx, actor, query }) => ({ ...(await listOutbox(tx, actor.organisationId, query)), smtp: ctx.mailer.usesSmtp }),
  });
}
