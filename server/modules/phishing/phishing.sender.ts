import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { escapeHtml, fillPlaceholders, firstNameOf } from '../../../domain/phishing/campaign-rules.ts';
import { phishingReportFooter } from '../../../domain/phishing/templates.data.ts';
import type { AppContext, JobRegistry } from '../../context.ts';
import { type Db, queryRows } from '../../db/connect.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { formatDate } from '../../i18n/texts.ts';
import { publicUrl } from '../../public-url.ts';
import { scheduleJob } from '../jobs/jobs.ts';
import { type CampaignRow, selectCampaigns, uuidArray } from './phishing.queries.ts';
import { CLOSE_JOB, closeCampaign, SEND_JOB, smtpUrlFor } from './phishing.service.ts';
import { trackingToken } from './phishing.tokens.ts';

/** Mails claimed and sent together; each batch is marked in one statement per outcome. */
export const SEND_BATCH = 100;
/** A send job hands over to the next after this long, so one campaign does not hold a worker for ever. */
const SEND_BUDGET_MS = 120_000;
/** A claim older than this whose worker never reported back: the mail may or may not have gone out. */
const IN_DOUBT_MS = 10 * 60_000;

interface PhishingState {
  transports: Map<string, Transporter>;
  stopping: boolean;
  active: Set<Promise<unknown>>;
}
const states = new WeakMap<AppContext, PhishingState>();

export function phishingState(ctx: AppContext): PhishingState {
  let state = states.get(ctx);
  if (!state) {
    state = { transports: new Map(), stopping: false, active: new Set() };
    states.set(ctx, state);
  }
  return state;
}

/**
 * One pooled transport per SMTP server and process: a few connections, each carrying many mails (nodemailer's
 * default would open a connection per mail).
 */
function transportFor(ctx: AppContext, url: string): Transporter {
  const state = phishingState(ctx);
  let transport = state.transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: 5,
      maxMessages: Number.POSITIVE_INFINITY,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    state.transports.set(url, transport);
  }
  return transport;
}

function dropTransport(ctx: AppContext, url: string) {
  const state = phishingState(ctx);
  state.transports.get(url)?.close();
  state.transports.delete(url);
}

/** Stops sending after the batch in flight and closes the connections (the app's onClose). */
export async function stopSending(ctx: AppContext) {
  const state = phishingState(ctx);
  state.stopping = true;
  await Promise.allSettled([...state.active]);
  for (const transport of state.transports.values()) transport.close();
  state.transports.clear();
}

export interface RenderInput {
  name: string;
  organisation: string;
  token: string;
  baseUrl: string;
  now: Date;
}

/**
 * A campaign mail for one recipient: the subject and both bodies with their placeholders filled, the footer with the
 * report link, and the open pixel in the HTML part. Every link carries the recipient's token.
 */
export function renderCampaignMail(campaign: Pick<CampaignRow, 'subject' | 'bodyHtml' | 'bodyText' | 'locale' | 'senderName'>, input: RenderInput) {
  const base = `${input.baseUrl}/api/v1/phishing`;
  const link = `${base}/click/${input.token}`;
  const reportLink = `${base}/report/${input.token}`;
  const values = {
    firstName: firstNameOf(input.name),
    name: input.name,
    organisation: input.organisation,
    // A date a few days ahead reads like a deadline ("Frist 10.12.2026").
    date: formatDate(campaign.locale, new Date(input.now.getTime() + 3 * 86_400_000)),
    senderName: campaign.senderName,
    link,
    reportLink,
  };
  const footer = phishingReportFooter[campaign.locale];
  const html =
    `${fillPlaceholders(campaign.bodyHtml, values, true)}` +
    `<p style="margin:24px 0 0;font-family:Arial,Helvetica,sans-serif;font-size:12px;color:#6b7280">${escapeHtml(footer.text)} ` +
    `<a href="${reportLink}" style="color:#6b7280">${escapeHtml(footer.link)}</a></p>` +
    `<img src="${base}/open/${input.token}" width="1" height="1" alt="" style="display:block;border:0">`;
  const text = `${fillPlaceholders(campaign.bodyText, values, false)}\n\n-- \n${footer.text}\n${reportLink}\n`;
  return { subject: fillPlaceholders(campaign.subject, values, false).replace(/[\r\n]+/g, ' '), html, text };
}

const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

async function organisationName(db: Db, organisationId: string): Promise<string> {
  const [row] = await queryRows<{ name: string }>(db, sql`select name from organisations where id = ${organisationId}`);
  return row?.name ?? '';
}

interface Claimed {
  id: string;
  organisationId: string;
  name: string | null;
  email: string | null;
}

/**
 * Sends what is due of one campaign, batch by batch. Each batch is claimed first (pending → sending, skip locked:
 * another worker takes other rows), then sent through the pool, then marked in one statement per outcome: sent,
 * failed for good (SMTP 5xx, no address), or back to pending (the server refused for now or the connection dropped).
 * A transient failure ends the run with an error, so the jobs table tries again with its backoff; the rows sent
 * before it stay sent, so nothing goes out twice. A claim whose worker died (older than ten minutes) is in doubt: it
 * is marked failed ("delivery_unknown"), not sent again.
 */
export async function sendDue(ctx: AppContext, campaignId: string, now: Date, options: { batch?: number; budgetMs?: number } = {}) {
  const state = phishingState(ctx);
  const [campaign] = await selectCampaigns(ctx.db, sql`c.id = ${campaignId}`, 1);
  if (!campaign || campaign.status === 'draft' || campaign.status === 'closed') return { sent: 0 };
  const orgId = campaign.organisationId;
  await ctx.db.execute(
    sql`update phishing_campaigns set status = 'sending', updated_at = now() where organisation_id = ${orgId} and id = ${campaignId} and status = 'scheduled'`,
  );
  await ctx.db.execute(sql`update phishing_recipients set delivery = 'failed', last_error = 'delivery_unknown', claimed_at = null
    where organisation_id = ${orgId} and campaign_id = ${campaignId} and delivery = 'sending' and claimed_at < ${new Date(Date.now() - IN_DOUBT_MS)}`);
  const url = await smtpUrlFor(ctx, ctx.db, orgId);
  if (!url) throw new Error('no SMTP server configured for phishing campaigns');
  const baseUrl = await publicUrl(ctx);
  const organisation = await organisationName(ctx.db, orgId);
  const transport = transportFor(ctx, url);
  const deadline = Date.now() + (options.budgetMs ?? SEND_BUDGET_MS);
  let sentCount = 0;
  while (!state.stopping && Date.now() < deadline) {
    const claimed = await queryRows<Claimed>(
      ctx.db,
      sql`with claimed as (
            update phishing_recipients r set delivery = 'sending', claimed_at = ${new Date()}, attempts = r.attempts + 1
             where (r.organisation_id, r.id) in (
               select organisation_id, id from phishing_recipients
                where campaign_id = ${campaignId} and delivery = 'pending' and planned_at <= ${now}
                order by planned_at, id limit ${options.batch ?? SEND_BATCH}
                for update skip locked)
            returning r.organisation_id, r.id, r.person_id)
          select c.id, c.organisation_id as "organisationId", p.name, p.email
            from claimed c left join people p on p.organisation_id = c.organisation_id and p.id = c.person_id`,
    );
    if (claimed.length === 0) break;
    const outcomes = await Promise.allSettled(
      claimed.map((r) => {
        if (!r.email) return Promise.reject(Object.assign(new Error('no_address'), { responseCode: 550 }));
        const mail = renderCampaignMail(campaign, {
          name: r.name ?? '',
          organisation,
          token: trackingToken(ctx.config.secretKey, r.id),
          baseUrl,
          now: new Date(),
        });
        return transport.sendMail({
          from: { name: campaign.senderName, address: campaign.senderAddress },
          to: r.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: { 'X-Praxisschild-Simulation': 'phishing' },
        });
      }),
    );
    const sent: string[] = [];
    const failed: string[] = [];
    const retry: string[] = [];
    let lastError = '';
    outcomes.forEach((outcome, i) => {
      const id = claimed[i]!.id;
      if (outcome.status === 'fulfilled') sent.push(id);
      else {
        lastError = String((outcome.reason as Error).message).slice(0, 500);
        (isPermanent(outcome.reason) ? failed : retry).push(id);
      }
    });
    // Anonymous mode: the person is no longer needed once the mail is out (decision 036).
    if (sent.length > 0) {
      await ctx.db.execute(sql`update phishing_recipients set delivery = 'sent', sent_at = now(), claimed_at = null, last_error = null,
          person_id = case when ${campaign.mode} = 'anonymous' then null else person_id end
        where organisation_id = ${orgId} and id = any(${uuidArray(sent)})`);
    }
    if (failed.length > 0) {
      await ctx.db.execute(sql`update phishing_recipients set delivery = 'failed', claimed_at = null, last_error = ${lastError},
          person_id = case when ${campaign.mode} = 'anonymous' then null else person_id end
        where organisation_id = ${orgId} and id = any(${uuidArray(failed)})`);
    }
    if (retry.length > 0) {
      await ctx.db.execute(sql`update phishing_recipients set delivery = 'pending', claimed_at = null, last_error = ${lastError}
        where organisation_id = ${orgId} and id = any(${uuidArray(retry)})`);
    }
    sentCount += sent.length;
    if (retry.length > 0) {
      dropTransport(ctx, url);
      throw new Error(`SMTP delivery interrupted after ${sentCount} mails: ${lastError}`);
    }
  }
  const [rest] = await queryRows<{ pending: number; sending: number; next: Date | string | null }>(
    ctx.db,
    sql`select (count(*) filter (where delivery = 'pending'))::int as pending, (count(*) filter (where delivery = 'sending'))::int as sending,
               min(planned_at) filter (where delivery = 'pending') as next
          from phishing_recipients where organisation_id = ${orgId} and campaign_id = ${campaignId}`,
  );
  if (rest && rest.pending === 0 && rest.sending === 0) {
    await ctx.db.execute(sql`update phishing_campaigns set status = 'sent', sending_finished_at = now(), updated_at = now()
      where organisation_id = ${orgId} and id = ${campaignId} and status = 'sending'`);
  } else if (rest && rest.pending > 0 && rest.next) {
    const next = new Date(Math.max(new Date(rest.next).getTime(), now.getTime()));
    await scheduleJob(ctx.db, {
      organisationId: orgId,
      kind: SEND_JOB,
      runAt: next,
      payload: { campaignId },
      uniqueKey: `${SEND_JOB}:${campaignId}:${next.toISOString()}:${randomUUID()}`,
    });
  }
  return { sent: sentCount };
}

/** The test mail to oneself: the campaign as a recipient would get it, with a token that belongs to nobody. */
export async function sendTestMail(ctx: AppContext, organisationId: string, campaign: CampaignRow, to: { email: string; name: string }) {
  const url = await smtpUrlFor(ctx, ctx.db, organisationId);
  if (!url) throw new Error('no SMTP server');
  const mail = renderCampaignMail(campaign, {
    name: to.name,
    organisation: await organisationName(ctx.db, organisationId),
    token: trackingToken(ctx.config.secretKey, randomUUID()),
    baseUrl: await publicUrl(ctx),
    now: new Date(),
  });
  await transportFor(ctx, url).sendMail({
    from: { name: campaign.senderName, address: campaign.senderAddress },
    to: to.email,
    subject: `[Test] ${mail.subject}`,
    text: mail.text,
    html: mail.html,
    headers: { 'X-Praxisschild-Simulation': 'phishing-test' },
  });
}

/** The job kinds of the phishing module: sending a campaign, and closing it when its retention ends. */
export function registerPhishingJobs(jobs: JobRegistry) {
  jobs.register(SEND_JOB, async (ctx, job, now) => {
    const campaignId = String(job.payload.campaignId);
    const state = phishingState(ctx);
    const run = sendDue(ctx, campaignId, now);
    state.active.add(run);
    try {
      await run;
    } finally {
      state.active.delete(run);
    }
  });
  jobs.register(CLOSE_JOB, async (ctx, job) => {
    if (!job.organisationId) return;
    const campaignId = String(job.payload.campaignId);
    await withOrganisation(ctx.db, job.organisationId, async (tx) => {
      const [row] = await queryRows<{ status: string }>(
        tx,
        sql`select status from phishing_campaigns where organisation_id = ${job.organisationId} and id = ${campaignId}`,
      );
      if (row && row.status !== 'draft' && row.status !== 'closed') await closeCampaign(tx, job.organisationId!, campaignId, null);
    });
  });
}
