import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { desc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { outboxMails } from '../../db/schema.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { requireMember } from '../../http/auth.ts';
import { orgParams } from '../organisations/organisations.routes.ts';

export function outboxRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/organisations/:organisationId/outbox',
    { schema: { tags: ['mail'], summary: 'Outgoing e-mail (the outbox when no SMTP server is set)', params: orgParams } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      const mails = await withOrganisation(ctx.db, actor.organisationId, (tx) =>
        tx.select().from(outboxMails).where(eq(outboxMails.organisationId, actor.organisationId)).orderBy(desc(outboxMails.createdAt)).limit(200),
      );
      return { smtp: ctx.mailer.usesSmtp, mails };
    },
  );
}
