import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { outboxMails } from '../../db/schema.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { orgParams } from '../organisations/organisations.routes.ts';
import { requireMember } from '../../http/auth.ts';
import { defaultRetryPolicy, failedJobs } from '../jobs/jobs.ts';

/** A page of the outbox: newest first, ties broken by id; `before` is the id of the last mail of the previous page. */
const query = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  before: z.uuid().optional(),
});

/** Where a mail stands: kept in the outbox only, waiting for SMTP, waiting for another try, sent, or failed for good. */
export function mailStatus(mail: { delivery: string; sentAt: Date | null; failedAt: Date | null; error: string | null }) {
  if (mail.sentAt) return 'sent' as const;
  if (mail.failedAt) return 'failed' as const;
  if (mail.delivery !== 'smtp') return 'outbox' as const;
  return mail.error ? ('retrying' as const) : ('pending' as const);
}

export function outboxRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/organisations/:organisationId/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Outgoing e-mail (the outbox when no SMTP server is set), a page: newest first, total and the cursor of the next page',
        params: orgParams,
        querystring: query,
      },
    },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      const { limit, before } = request.query;
      const organisation = eq(outboxMails.organisationId, actor.organisationId);
      return withOrganisation(ctx.db, actor.organisationId, async (tx) => {
        // An unknown cursor (another organisation's mail, or a typo) gives an empty page, not an error or a 500.
        const after = before
          ? sql`(${outboxMails.createdAt}, ${outboxMails.id}) < (select o.created_at, o.id from outbox_mails o where o.organisation_id = ${actor.organisationId} and o.id = ${before})`
          : undefined;
        const mails = await tx
          .select()
          .from(outboxMails)
          .where(and(organisation, after))
          .orderBy(desc(outboxMails.createdAt), desc(outboxMails.id))
          .limit(limit);
        const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(outboxMails).where(organisation);
        return {
          smtp: ctx.mailer.usesSmtp,
          maxAttempts: ctx.mailer.maxAttempts,
          mails: mails.map((mail) => ({ ...mail, status: mailStatus(mail) })),
          total: Number(count?.n ?? 0),
          nextBefore: mails.length === limit ? mails[mails.length - 1]!.id : null,
          // Scheduled work (e.g. deadline reminders) that failed after its last attempt: shown, not hidden in a log.
          failedJobs: await failedJobs(tx, actor.organisationId),
          maxJobAttempts: defaultRetryPolicy.maxAttempts,
        };
      });
    },
  );
}
