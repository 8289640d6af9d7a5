import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  audienceSizeSchema,
  campaignReportSchema,
  campaignSchema,
  campaignSummarySchema,
  lessonSchema,
  microTrainingResultSchema,
  phishingSettingsSchema,
  phishingTemplateListSchema,
  testSendSchema,
  trackingAckSchema,
} from '../../../domain/phishing/phishing.response.ts';
import {
  audienceQuerySchema,
  campaignInputSchema,
  campaignScheduleSchema,
  campaignUpdateSchema,
  forwardedMailSchema,
  lessonQuerySchema,
  microTrainingAnswersSchema,
  namedModeInputSchema,
  smtpSettingsInputSchema,
  trackingTokenParamsSchema,
} from '../../../domain/phishing/phishing.schema.ts';
import type { AppContext } from '../../context.ts';
import { users } from '../../db/schema.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { AppError } from '../../http/errors.ts';
import { orgParams, orgRoute } from '../../http/org-route.ts';
import { appendAudit } from '../audit/audit.ts';
import type { CampaignRow } from './phishing.queries.ts';
import { selectCampaign } from './phishing.queries.ts';
import { sendTestMail, stopSending } from './phishing.sender.ts';
import * as service from './phishing.service.ts';
import { completeTraining, lessonFor, tokensInForwardedMail, track, trackingQueue } from './phishing.tracking.ts';

const campaignParams = orgParams.extend({ campaignId: z.uuid() });

/** A transparent 1 × 1 GIF: the open pixel, the same bytes for every token. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Per token: a link clicked 30 times a minute is a scanner or a script, not a person. The limit counts unknown and
 * malformed tokens alike, so a 429 says nothing about a token either.
 */
const perToken = {
  max: 30,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest) => `phishing:${String((request.params as { trackingToken?: unknown }).trackingToken ?? '').slice(0, 100)}`,
  // The remaining count is not sent with every answer (it is the same for any token, but costs bytes on each of a
  // burst's requests); a 429 still says when to come back.
  addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
};

/**
 * The headers of the pixel and of the redirects, fixed, instead of the app's page headers (helmet): these answers are
 * no page — nothing to frame, script or embed — and a mail client loads the pixel from another origin, which the page
 * default `Cross-Origin-Resource-Policy: same-origin` would refuse. Built once: helmet builds its headers per request,
 * about a tenth of the time a pixel took in a burst (bench/phishing.ts).
 */
const trackingHeaders = {
  'cache-control': 'no-store, private',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};
const pixelHeaders = { ...trackingHeaders, 'content-type': 'image/gif', 'cross-origin-resource-policy': 'cross-origin' };

/** Phishing simulation (issue 13): campaigns, settings and reports for the organisation; the public tracked links. */
export function phishingRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['phishing'];
  const base = '/api/v1/organisations/:organisationId/phishing';
  const queue = trackingQueue(ctx, app.log);
  app.addHook('onClose', async () => {
    await stopSending(ctx);
    await queue.close();
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/templates`,
    permission: 'phishing.report',
    tags,
    summary: 'The template library: six lures in German and English with their clues',
    response: phishingTemplateListSchema,
    handler: async () => service.listTemplates(),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/audience-size`,
    permission: 'phishing.manage',
    tags,
    summary: 'How many active people an audience reaches today, with and without an e-mail address (asked while a campaign is written)',
    querystring: audienceQuerySchema,
    response: audienceSizeSchema,
    handler: ({ tx, actor, query }) => service.sizeOfAudience(tx, actor.organisationId, query),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/settings`,
    permission: 'phishing.report',
    tags,
    summary: 'Named mode (with the works agreement, who switched it on and when) and which SMTP server campaigns use',
    response: phishingSettingsSchema,
    handler: ({ tx, actor }) => service.getSettings(ctx, tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${base}/settings/named-mode`,
    permission: 'phishing.named_mode',
    tags,
    summary: 'Switch named results on (with the works agreement’s reference and date) or off; administrators only',
    body: namedModeInputSchema,
    response: phishingSettingsSchema,
    handler: ({ tx, actor, body }) => service.setNamedMode(ctx, tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${base}/settings/smtp`,
    permission: 'organisation.administer',
    tags,
    summary: 'The organisation’s own SMTP server for campaigns (stored encrypted; null: the app’s SMTP_URL)',
    body: smtpSettingsInputSchema,
    response: phishingSettingsSchema,
    handler: ({ tx, actor, body }) => service.setSmtp(ctx, tx, actor, body.smtpUrl),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/campaigns`,
    permission: 'phishing.report',
    tags,
    summary: 'Campaigns, newest first, with their delivery counts',
    response: z.array(campaignSummarySchema),
    handler: ({ tx, actor }) => service.listCampaigns(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/campaigns/:campaignId`,
    permission: 'phishing.report',
    tags,
    summary: 'One campaign with its texts, audience and delivery counts',
    params: campaignParams,
    response: campaignSchema,
    handler: ({ tx, actor, params }) => service.getCampaign(tx, actor.organisationId, params.campaignId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/campaigns`,
    permission: 'phishing.manage',
    tags,
    summary: 'Create a campaign as a draft (template texts, sender, audience, start, spread window, retention, mode)',
    body: campaignInputSchema,
    status: 201,
    response: campaignSchema,
    handler: ({ tx, actor, body }) => service.createCampaign(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${base}/campaigns/:campaignId`,
    permission: 'phishing.manage',
    tags,
    summary: 'Change a draft (409 once started, or when someone changed it since the given revision)',
    params: campaignParams,
    body: campaignUpdateSchema,
    response: campaignSchema,
    handler: ({ tx, actor, params, body }) => service.updateCampaign(tx, actor, params.campaignId, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: `${base}/campaigns/:campaignId`,
    permission: 'phishing.manage',
    tags,
    summary: 'Delete a draft or a closed campaign (409 while it runs: close it first)',
    params: campaignParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.deleteCampaign(tx, actor, params.campaignId);
      return undefined;
    },
  });

  // The test mail goes out after the transaction (SMTP must not hold it); the handler leaves it here for afterCommit.
  const testMails = new WeakMap<object, { campaign: CampaignRow; to: { email: string; name: string } }>();
  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/campaigns/:campaignId/test-send`,
    permission: 'phishing.manage',
    tags,
    summary: 'Send the campaign’s mail to oneself, as a recipient would get it (its links belong to nobody)',
    params: campaignParams,
    response: testSendSchema,
    handler: async ({ tx, actor, params }) => {
      const campaign = await selectCampaign(tx, actor.organisationId, params.campaignId);
      if (!campaign) throw new AppError('phishing.campaign_not_found', 404);
      if (!(await service.smtpUrlFor(ctx, tx, actor.organisationId))) throw new AppError('phishing.smtp_missing', 409);
      const [me] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, actor.userId));
      testMails.set(params, { campaign, to: { email: me!.email, name: me!.name } });
      return { sentTo: me!.email };
    },
    afterCommit: async ({ actor, params }) => {
      const mail = testMails.get(params);
      if (!mail) return;
      try {
        await sendTestMail(ctx, actor.organisationId, mail.campaign, mail.to);
      } catch (error) {
        // The mail server's refusal is the organisation's to fix (address, credentials): a 409 naming it, nothing written.
        app.log.warn({ err: (error as Error).message }, 'phishing test mail failed');
        throw new AppError('phishing.smtp_failed', 409);
      }
      // Only a test mail the server accepted is recorded.
      await withOrganisation(ctx.db, actor.organisationId, (tx) =>
        appendAudit(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: 'phishing.test_sent',
          entityType: 'phishing_campaign',
          entityId: params.campaignId,
        }),
      );
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/campaigns/:campaignId/schedule`,
    permission: 'phishing.manage',
    tags,
    summary: 'Start a draft at its start time (now when none or past): the audience becomes the recipients; 409 without recipients or SMTP',
    params: campaignParams,
    body: campaignScheduleSchema,
    response: campaignSchema,
    handler: ({ tx, actor, params, body }) => service.scheduleCampaign(ctx, tx, actor, params.campaignId, body.revision),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/campaigns/:campaignId/close`,
    permission: 'phishing.manage',
    tags,
    summary: 'Close a campaign now: keep only the groups the report may show and delete every token → person link',
    params: campaignParams,
    response: campaignSchema,
    handler: ({ tx, actor, params }) => service.closeByRoute(tx, actor, params.campaignId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/campaigns/:campaignId/report`,
    permission: 'phishing.report',
    tags,
    summary: 'The campaign’s results by group (at least five recipients each); per person only in named mode while it runs',
    params: campaignParams,
    response: campaignReportSchema,
    handler: ({ tx, actor, params }) => service.campaignReport(tx, actor, params.campaignId),
  });

  // ---- the public links in the mails: no sign-in; the token is the only key and the answer never tells whether it exists ----
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicTags = ['phishing-tracking'];
  const noStore = 'no-store, private';

  app.get<{ Params: { trackingToken: string } }>(
    '/api/v1/phishing/open/:trackingToken',
    {
      schema: {
        tags: publicTags,
        summary: 'The open pixel (a 1 × 1 GIF for every token)',
        params: trackingTokenParamsSchema,
        response: { 200: { description: 'The pixel', content: { 'image/gif': { schema: z.string().meta({ format: 'binary' }) } } } },
      },
      config: { rateLimit: perToken },
      helmet: false,
    },
    async (request, reply) => {
      await track(queue, 'open', request.params.trackingToken);
      return reply.headers(pixelHeaders).send(PIXEL);
    },
  );

  for (const [kind, target] of [
    ['click', 'lernen'],
    ['report', 'gemeldet'],
  ] as const) {
    r.get(
      `/api/v1/phishing/${kind}/:trackingToken`,
      {
        schema: {
          tags: publicTags,
          summary:
            kind === 'click'
              ? 'The tracked link: counts the click, then the teaching page'
              : 'The report link of the footer: counts the report, then a thank-you page',
          params: trackingTokenParamsSchema,
          response: { 302: z.null().describe(`Redirect to /phishing/${target}/<token>`) },
        },
        config: { rateLimit: perToken },
        helmet: false,
      },
      async (request, reply) => {
        await track(queue, kind, request.params.trackingToken);
        return reply.headers(trackingHeaders).redirect(`/phishing/${target}/${encodeURIComponent(request.params.trackingToken)}`, 302);
      },
    );
  }

  r.post(
    '/api/v1/phishing/submit/:trackingToken',
    {
      // The fake sign-in form posts nothing but the fact: a body is not read, so nothing typed can ever be stored.
      bodyLimit: 4096,
      schema: {
        tags: publicTags,
        summary: 'The fake form was sent (only the fact is counted; no field is read)',
        params: trackingTokenParamsSchema,
        response: { 200: trackingAckSchema },
      },
      config: { rateLimit: perToken },
    },
    async (request) => {
      await track(queue, 'submit', request.params.trackingToken);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/phishing/lessons/:trackingToken',
    {
      schema: {
        tags: publicTags,
        summary: 'What the teaching page shows: the clues of the mail and the five-minute micro-training',
        params: trackingTokenParamsSchema,
        querystring: lessonQuerySchema,
        response: { 200: lessonSchema },
      },
      config: { rateLimit: perToken },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return lessonFor(ctx.db, request.params.trackingToken, request.query.lang);
    },
  );

  r.post(
    '/api/v1/phishing/lessons/:trackingToken/training',
    {
      schema: {
        tags: publicTags,
        summary: 'Answer the micro-training: scored; a completion is counted once (a training record in named mode only)',
        params: trackingTokenParamsSchema,
        body: microTrainingAnswersSchema,
        response: { 200: microTrainingResultSchema },
      },
      config: { rateLimit: { ...perToken, max: 10 } },
    },
    async (request) => completeTraining(ctx, request.params.trackingToken, request.body.locale, request.body.answers),
  );

  app.addContentTypeParser('message/rfc822', { parseAs: 'string', bodyLimit: 262_144 }, (_request, body, done) => done(null, body));
  r.post(
    '/api/v1/phishing/forwarded',
    {
      bodyLimit: 262_144 * 2,
      schema: {
        tags: publicTags,
        summary: 'Intake for forwarded suspicious mails (raw mail as text/plain or message/rfc822, or JSON {raw}): links of a campaign count as reported',
        body: z.union([z.string().max(262_144), forwardedMailSchema]),
        response: { 202: trackingAckSchema },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const raw = typeof request.body === 'string' ? request.body : request.body.raw;
      for (const token of tokensInForwardedMail(raw)) await track(queue, 'report', token);
      return reply.code(202).send({ ok: true as const });
    },
  );
}
