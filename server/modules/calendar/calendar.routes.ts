import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { agendaSchema, calendarPreferencesResponseSchema, createdFeedSchema, feedsSchema } from '../../../domain/calendar/calendar.response.ts';
import { agendaQuerySchema, calendarPreferencesSchema, createFeedSchema } from '../../../domain/calendar/calendar.schema.ts';
import type { AppContext } from '../../context.ts';
import { orgParams, orgRoute } from '../../http/org-route.ts';
import { agenda } from './agenda.service.ts';
import * as service from './calendar.service.ts';
import { feedCalendar } from './feed.service.ts';

const feedParams = orgParams.extend({ feedId: z.uuid() });

/**
 * A calendar program fetches a feed every hour or so; sixty a minute per client address leave room for a practice
 * behind one address and stop a loop from rendering feeds all day. The limit's headers are left out, so that an
 * unknown address answers exactly as any other unknown path does.
 */
const feedLimit = {
  max: 60,
  timeWindow: '1 minute',
  addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
  addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
} as const;

/** Calendar feeds, reminder mails and the agenda "Was ist jetzt zu tun?" (issue 11, items 4 and 5). */
export function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['calendar'];
  const base = '/api/v1/organisations/:organisationId/calendar';

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/feeds`,
    permission: 'calendar.subscribe',
    tags,
    summary: "Your personal calendar feed and the organisation's, without their secret addresses",
    response: feedsSchema,
    handler: ({ tx, actor }) => service.listFeeds(tx, actor),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/feeds`,
    permission: 'calendar.subscribe',
    tags,
    summary: 'Make a calendar feed and get its secret address once (organisation feed: management or an administrator; 409 when one works already)',
    body: createFeedSchema,
    status: 201,
    response: createdFeedSchema,
    handler: ({ tx, actor, body }) => service.createFeed(ctx, tx, actor, body.scope),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/feeds/:feedId/rotate`,
    permission: 'calendar.subscribe',
    tags,
    summary: 'Give a feed a new secret address; the old one stops working at once',
    params: feedParams,
    response: createdFeedSchema,
    handler: ({ tx, actor, params }) => service.rotateFeed(ctx, tx, actor, params.feedId),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: `${base}/feeds/:feedId`,
    permission: 'calendar.subscribe',
    tags,
    summary: 'Revoke a feed: its address answers 404 from now on',
    params: feedParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.revokeFeed(tx, actor, params.feedId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/preferences`,
    permission: 'calendar.subscribe',
    tags,
    summary: 'Your reminder mails: a week before and on the due date of your tasks, and the daily digest',
    response: calendarPreferencesResponseSchema,
    handler: ({ tx, actor }) => service.getPreferences(tx, actor),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${base}/preferences`,
    permission: 'calendar.subscribe',
    tags,
    summary: 'Switch your task reminders and the daily digest on or off',
    body: calendarPreferencesSchema,
    response: calendarPreferencesResponseSchema,
    handler: ({ tx, actor, body }) => service.savePreferences(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/agenda',
    permission: 'organisation.read',
    tags,
    summary:
      '"Was ist jetzt zu tun?": the most urgent items (running report clocks, missed registration, leavers with access, overdue tasks, C5 and § 38 training dates) with who, by when and where, and the count of each kind',
    querystring: agendaQuerySchema,
    response: agendaSchema,
    handler: ({ tx, actor, query }) => agenda(tx, actor.organisationId, query.limit),
  });

  // The feed itself: no session, the secret address is the credential (256 bits; only its hash is stored). An unknown,
  // malformed or revoked token gets the answer of any unknown path, so the address tells nothing about itself. The
  // answer is the ICS file's bytes (kept as such between changes), not JSON: typed without the zod provider.
  app.get<{ Params: { feedToken: string } }>(
    '/api/v1/calendar/:feedToken.ics',
    {
      schema: {
        tags,
        summary: 'A calendar feed (ICS) behind its secret address; 404 like any unknown path when unknown or revoked',
        params: z.object({ feedToken: z.string() }),
        response: { 200: { description: 'The calendar (RFC 5545)', content: { 'text/calendar': { schema: z.string() } } } },
      },
      config: { rateLimit: feedLimit },
    },
    async (request, reply) => {
      const body = await feedCalendar(ctx, request.params.feedToken);
      if (body === null) return reply.callNotFound();
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="praxisschild.ics"')
        .header('x-robots-tag', 'noindex')
        .send(body);
    },
  );
}
