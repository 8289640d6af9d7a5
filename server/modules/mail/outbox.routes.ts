import type { FastifyInstance } from 'fastify';
import { outboxListQuerySchema, outboxPageSchema } from '../../../domain/mail/outbox-list.ts';
import type { AppContext } from '../../context.ts';
import { orgRoute } from '../../http/org-route.ts';
import { defaultRetryPolicy, failedJobs } from '../jobs/jobs.ts';
import { listOutbox } from './outbox.queries.ts';

/** Where a mail stands: kept in the outbox only, waiting for SMTP, waiting for another try, sent, or failed for good. */
export function mailStatus(mail: { delivery: string; sentAt: Date | null; failedAt: Date | null; error: string | null }) {
  if (mail.sentAt) return 'sent' as const;
  if (mail.failedAt) return 'failed' as const;
  if (mail.delivery !== 'smtp') return 'outbox' as const;
  return mail.error ? ('retrying' as const) : ('pending' as const);
}

export function outboxRoutes(app: FastifyInstance, ctx: AppContext) {
  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/outbox',
    permission: 'organisation.administer',
    tags: ['mail'],
    summary:
      'Outgoing e-mail (the outbox when no SMTP server is set), a page: newest first or by recipient or subject, search, filter by kind; total and the cursor of the next page',
    querystring: outboxListQuerySchema,
    response: outboxPageSchema,
    handler: async ({ tx, actor, query }) => {
      const page = await listOutbox(tx, actor.organisationId, query);
      return {
        ...page,
        items: page.items.map((mail) => ({ ...mail, status: mailStatus(mail) })),
        smtp: ctx.mailer.usesSmtp,
        maxAttempts: ctx.mailer.maxAttempts,
        // Scheduled work (e.g. deadline reminders) that failed after its last attempt: shown, not hidden in a log.
        failedJobs: await failedJobs(tx, actor.organisationId),
        maxJobAttempts: defaultRetryPolicy.maxAttempts,
      };
    },
  });
}
