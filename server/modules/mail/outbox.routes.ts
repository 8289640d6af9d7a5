import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { outboxListQuerySchema, outboxPageSchema } from '../../../domain/mail/outbox-list.ts';
import type { AppContext } from '../../context.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { orgParams } from '../organisations/organisations.routes.ts';
import { requireMember } from '../../http/auth.ts';
import { listOutbox } from './outbox.queries.ts';

export function outboxRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/organisations/:organisationId/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Outgoing e-mail (the outbox when no SMTP server is set), a page: newest first or by recipient or subject, search, filter by kind; total and the cursor of the next page',
        params: orgParams,
        querystring: outboxListQuerySchema,
        response: { 200: outboxPageSchema },
      },
    },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      const page = await withOrganisation(ctx.db, actor.organisationId, (tx) => listOutbox(tx, actor.organisationId, request.query));
      return { ...page, smtp: ctx.mailer.usesSmtp };
    },
  );
}
