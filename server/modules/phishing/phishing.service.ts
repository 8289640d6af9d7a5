import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { ANONYMITY_MIN_GROUP, anonymousGroups, type GroupInput } from '../../../domain/phishing/anonymity.ts';
import { closesAt, plannedSendTimes } from '../../../domain/phishing/campaign-rules.ts';
import { type AudienceQuery, audienceOfQuery, type CampaignInput, type CampaignUpdate, type NamedModeInput } from '../../../domain/phishing/phishing.schema.ts';
import { PHISHING_TEMPLATES_VERSION, phishingTemplates } from '../../../domain/phishing/templates.data.ts';
import type { AppContext } from '../../context.ts';
import { decryptSecret, encryptSecret } from '../../crypto.ts';
import { type Db, queryRows, type Tx } from '../../db/connect.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { scheduleJob } from '../jobs/jobs.ts';
import {
  audiencePeople,
  audienceSize,
  type CampaignRow,
  groupCounts,
  insertRecipients,
  locationNames,
  lockCampaign,
  selectCampaign,
  selectCampaigns,
  unknownLocationIds,
} from './phishing.queries.ts';
import { trackingToken, trackingTokenHash } from './phishing.tokens.ts';

export const SEND_JOB = 'phishing.send';
export const CLOSE_JOB = 'phishing.close';

export function practiceToday(now = new Date()): string {
  return DateTime.fromJSDate(now).setZone('Europe/Berlin').toISODate()!;
}

export function listTemplates() {
  return {
    version: PHISHING_TEMPLATES_VERSION,
    items: phishingTemplates.map((t) => ({ ...t, de: { ...t.de, clues: [...t.de.clues] }, en: { ...t.en, clues: [...t.en.clues] } })),
  };
}

// ---- settings ----

interface SettingsRow {
  namedMode: boolean;
  agreementReference: string | null;
  agreementDate: string | null;
  enabledAt: string | null;
  enabledByName: string | null;
  smtpUrlSealed: string | null;
}

async function settingsRow(db: Db | Tx, organisationId: string): Promise<SettingsRow | undefined> {
  const [row] = await queryRows<SettingsRow>(
    db,
    sql`select s.named_mode as "namedMode", s.agreement_reference as "agreementReference", to_char(s.agreement_date, 'YYYY-MM-DD') as "agreementDate",
               to_char(s.named_enabled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "enabledAt", u.name as "enabledByName",
               s.smtp_url_sealed as "smtpUrlSealed"
          from phishing_settings s left join users u on u.id = s.named_enabled_by
         where s.organisation_id = ${organisationId}`,
  );
  return row;
}

/** The SMTP URL campaigns of this organisation go through: its own (decrypted), else the app's SMTP_URL, else none. */
export async function smtpUrlFor(ctx: AppContext, db: Db | Tx, organisationId: string): Promise<string | null> {
  const row = await settingsRow(db, organisationId);
  if (row?.smtpUrlSealed) return decryptSecret(ctx.config.secretKey, row.smtpUrlSealed);
  return ctx.config.smtpUrl;
}

const smtpHost = (url: string | null) => {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};

export async function getSettings(ctx: AppContext, tx: Tx, organisationId: string) {
  const row = await settingsRow(tx, organisationId);
  const own = row?.smtpUrlSealed ? decryptSecret(ctx.config.secretKey, row.smtpUrlSealed) : null;
  return {
    namedMode:
      row?.namedMode && row.agreementReference && row.agreementDate && row.enabledAt
        ? { agreementReference: row.agreementReference, agreementDate: row.agreementDate, enabledByName: row.enabledByName, enabledAt: row.enabledAt }
        : null,
    smtp: own
      ? { source: 'organisation' as const, host: smtpHost(own) }
      : ctx.config.smtpUrl
        ? { source: 'app' as const, host: smtpHost(ctx.config.smtpUrl) }
        : { source: 'none' as const, host: null },
  };
}

export async function setNamedMode(ctx: AppContext, tx: Tx, actor: Actor, input: NamedModeInput) {
  const on = input.enabled;
  await tx.execute(sql`insert into phishing_settings (organisation_id, named_mode, named_enabled_by, named_enabled_at, agreement_reference, agreement_date, updated_at)
    values (${actor.organisationId}, ${on}, ${on ? actor.userId : null}, ${on ? new Date() : null}, ${on ? input.agreementReference : null}, ${on ? input.agreementDate : null}, now())
    on conflict (organisation_id) do update set named_mode = excluded.named_mode, named_enabled_by = excluded.named_enabled_by,
      named_enabled_at = excluded.named_enabled_at, agreement_reference = excluded.agreement_reference, agreement_date = excluded.agreement_date, updated_at = now()`);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'phishing.named_mode_changed',
    entityType: 'phishing_settings',
    entityId: actor.organisationId,
    data: on ? { enabled: true, agreementReference: input.agreementReference, agreementDate: input.agreementDate } : { enabled: false },
  });
  return getSettings(ctx, tx, actor.organisationId);
}

export async function setSmtp(ctx: AppContext, tx: Tx, actor: Actor, smtpUrl: string | null) {
  const sealed = smtpUrl ? encryptSecret(ctx.config.secretKey, smtpUrl) : null;
  await tx.execute(sql`insert into phishing_settings (organisation_id, smtp_url_sealed, updated_at) values (${actor.organisationId}, ${sealed}, now())
    on conflict (organisation_id) do update set smtp_url_sealed = excluded.smtp_url_sealed, updated_at = now()`);
  // The audit entry names the host only: the URL carries the password.
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'phishing.smtp_changed',
    entityType: 'phishing_settings',
    entityId: actor.organisationId,
    data: { host: smtpHost(smtpUrl) },
  });
  return getSettings(ctx, tx, actor.organisationId);
}

// ---- campaigns ----

function summary(row: CampaignRow) {
  const { organisationId: _o, audience: _a, ...rest } = row;
  return rest;
}

export async function listCampaigns(tx: Tx, organisationId: string) {
  return (await selectCampaigns(tx, sql`c.organisation_id = ${organisationId}`)).map(summary);
}

async function campaignOr404(tx: Tx, organisationId: string, campaignId: string, countDelivery = true) {
  const row = await selectCampaign(tx, organisationId, campaignId, countDelivery);
  if (!row) throw new AppError('phishing.campaign_not_found', 404);
  return row;
}

export async function getCampaign(tx: Tx, organisationId: string, campaignId: string) {
  const row = await campaignOr404(tx, organisationId, campaignId);
  const size =
    row.status === 'draft' ? await audienceSize(tx, organisationId, row.audience, practiceToday()) : { withEmail: row.delivery.recipients, withoutEmail: 0 };
  const { organisationId: _o, agreementReference, agreementDate, ...rest } = row;
  return {
    ...rest,
    audienceSize: size,
    namedAgreement: row.mode === 'named' && agreementReference && agreementDate ? { reference: agreementReference, date: agreementDate } : null,
  };
}

/**
 * How many active people an audience reaches today, asked while the campaign is written (the count of a saved draft is
 * in its answer). Locations of another organisation are refused like on save.
 */
export async function sizeOfAudience(tx: Tx, organisationId: string, query: AudienceQuery) {
  const audience = audienceOfQuery(query);
  if ('missing' in audience) throw fieldError([audience.missing], 'too_small');
  if (audience.kind === 'locations') {
    const unknown = await unknownLocationIds(tx, organisationId, audience.locationIds);
    if (unknown.length > 0) throw fieldError(['locationIds', audience.locationIds.indexOf(unknown[0]!)], 'phishing.location_unknown');
  }
  return audienceSize(tx, organisationId, audience, practiceToday());
}

/** Checks what a schema cannot: the locations exist here, named mode is switched on when asked for. */
async function checkInput(tx: Tx, organisationId: string, input: CampaignInput) {
  if (input.audience.kind === 'locations') {
    const unknown = await unknownLocationIds(tx, organisationId, input.audience.locationIds);
    if (unknown.length > 0) throw fieldError(['audience', 'locationIds', input.audience.locationIds.indexOf(unknown[0]!)], 'phishing.location_unknown');
  }
  if (input.mode === 'named') {
    const settings = await settingsRow(tx, organisationId);
    if (!settings?.namedMode) throw fieldError(['mode'], 'phishing.named_mode_off');
  }
}

const campaignValues = (input: CampaignInput) => sql`${input.name}, ${input.templateId}, ${input.locale}, ${input.subject}, ${input.senderName},
  ${input.senderAddress}, ${input.bodyHtml}, ${input.bodyText}, ${JSON.stringify(input.audience)}::jsonb, ${input.groupBy}, ${input.mode},
  ${input.startsAt}::timestamptz, ${input.spreadMinutes}, ${input.retentionDays}`;

export async function createCampaign(tx: Tx, actor: Actor, input: CampaignInput) {
  await checkInput(tx, actor.organisationId, input);
  const id = randomUUID();
  await tx.execute(sql`insert into phishing_campaigns (organisation_id, id, name, template_id, locale, subject, sender_name, sender_address, body_html,
      body_text, audience, group_by, mode, starts_at, spread_minutes, retention_days, created_by)
    values (${actor.organisationId}, ${id}, ${campaignValues(input)}, ${actor.userId})`);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'phishing.campaign_created',
    entityType: 'phishing_campaign',
    entityId: id,
    data: { name: input.name, templateId: input.templateId, mode: input.mode },
  });
  return getCampaign(tx, actor.organisationId, id);
}

async function lockDraft(tx: Tx, organisationId: string, campaignId: string, revision?: number) {
  const row = await lockCampaign(tx, organisationId, campaignId);
  if (!row) throw new AppError('phishing.campaign_not_found', 404);
  if (row.status !== 'draft') throw new AppError('phishing.not_draft', 409);
  if (revision !== undefined && row.revision !== revision) throw new AppError('phishing.revision_conflict', 409);
  return row;
}

export async function updateCampaign(tx: Tx, actor: Actor, campaignId: string, input: CampaignUpdate) {
  await lockDraft(tx, actor.organisationId, campaignId, input.revision);
  await checkInput(tx, actor.organisationId, input);
  await tx.execute(sql`update phishing_campaigns set (name, template_id, locale, subject, sender_name, sender_address, body_html, body_text, audience,
      group_by, mode, starts_at, spread_minutes, retention_days) = (${campaignValues(input)}), revision = revision + 1, updated_at = now()
    where organisation_id = ${actor.organisationId} and id = ${campaignId}`);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'phishing.campaign_updated',
    entityType: 'phishing_campaign',
    entityId: campaignId,
    data: { name: input.name, templateId: input.templateId, mode: input.mode },
  });
  return getCampaign(tx, actor.organisationId, campaignId);
}

/** A draft can be deleted, and a closed campaign (its results go with it); a running one is closed first. */
export async function deleteCampaign(tx: Tx, actor: Actor, campaignId: string) {
  const row = await lockCampaign(tx, actor.organisationId, campaignId);
  if (!row) throw new AppError('phishing.campaign_not_found', 404);
  if (row.status !== 'draft' && row.status !== 'closed') throw new AppError('phishing.not_draft', 409);
  await tx.execute(sql`delete from phishing_campaigns where organisation_id = ${actor.organisationId} and id = ${campaignId}`);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'phishing.campaign_deleted',
    entityType: 'phishing_campaign',
    entityId: campaignId,
    data: { status: row.status },
  });
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Starts a draft: the audience as it is today becomes the recipient rows (in random order, so neither the row order
 * nor the planned times follow the register), each with the hash of its token and its group; the sending job is
 * planned at the start and the close at start + spread + retention.
 */
export async function scheduleCampaign(ctx: AppContext, tx: Tx, actor: Actor, campaignId: string, revision: number, now = new Date()) {
  const { organisationId } = actor;
  await lockDraft(tx, organisationId, campaignId, revision);
  const campaign = await campaignOr404(tx, organisationId, campaignId);
  let agreement: { reference: string; date: string } | null = null;
  if (campaign.mode === 'named') {
    const settings = await settingsRow(tx, organisationId);
    if (!settings?.namedMode || !settings.agreementReference || !settings.agreementDate) throw new AppError('phishing.named_mode_off', 409);
    agreement = { reference: settings.agreementReference, date: settings.agreementDate };
  }
  if (!(await smtpUrlFor(ctx, tx, organisationId))) throw new AppError('phishing.smtp_missing', 409);
  const people = shuffle(await audiencePeople(tx, organisationId, campaign.audience, practiceToday(now)));
  if (people.length === 0) throw new AppError('phishing.no_recipients', 409);
  if (campaign.mode === 'anonymous' && people.length < ANONYMITY_MIN_GROUP) throw new AppError('phishing.too_few_recipients', 409);

  const start = campaign.startsAt && new Date(campaign.startsAt) > now ? new Date(campaign.startsAt) : now;
  const times = plannedSendTimes(people.length, start, campaign.spreadMinutes);
  const rows = people.map((person, i) => {
    const id = randomUUID();
    return {
      id,
      tokenHash: trackingTokenHash(trackingToken(ctx.config.secretKey, id)),
      personId: person.id,
      groupKey: campaign.groupBy === 'role' ? person.role : (person.locationId ?? 'none'),
      plannedAt: times[i]!.toISOString(),
    };
  });
  await insertRecipients(tx, organisationId, campaignId, rows);
  const closeAt = closesAt(start, campaign.spreadMinutes, campaign.retentionDays);
  await tx.execute(sql`update phishing_campaigns set status = 'scheduled', starts_at = ${start}, closes_at = ${closeAt}, recipients_total = ${rows.length},
      agreement_reference = ${agreement?.reference ?? null}, agreement_date = ${agreement?.date ?? null}, revision = revision + 1, updated_at = now()
    where organisation_id = ${organisationId} and id = ${campaignId}`);
  await scheduleJob(tx, {
    organisationId,
    kind: SEND_JOB,
    runAt: start,
    payload: { campaignId },
    uniqueKey: `${SEND_JOB}:${campaignId}:${start.toISOString()}`,
  });
  await scheduleJob(tx, { organisationId, kind: CLOSE_JOB, runAt: closeAt, payload: { campaignId }, uniqueKey: `${CLOSE_JOB}:${campaignId}` });
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'phishing.campaign_scheduled',
    entityType: 'phishing_campaign',
    entityId: campaignId,
    data: { recipients: rows.length, startsAt: start.toISOString(), closesAt: closeAt.toISOString(), mode: campaign.mode, ...(agreement ? { agreement } : {}) },
  });
  return getCampaign(tx, organisationId, campaignId);
}

/** Labels the raw groups (location names; roles are translated by the client). */
async function labelled(tx: Tx, organisationId: string, groupBy: CampaignRow['groupBy'], rows: Awaited<ReturnType<typeof groupCounts>>): Promise<GroupInput[]> {
  const names = groupBy === 'location' ? await locationNames(tx, organisationId) : new Map<string, string>();
  return rows.map(({ groupKey, ...counts }) => ({
    kind: groupBy,
    key: groupKey,
    label: groupBy === 'location' ? (names.get(groupKey) ?? null) : null,
    ...counts,
  }));
}

/**
 * Closes a campaign: its groups are kept exactly as the report may show them (the anonymity rule applied, nothing
 * smaller), the totals are kept, and every recipient row — the only link of a token or a result to a person — is
 * deleted in the same transaction. Pending mails are not sent any more. Closing twice changes nothing.
 */
export async function closeCampaign(tx: Tx, organisationId: string, campaignId: string, actorUserId: string | null) {
  const row = await lockCampaign(tx, organisationId, campaignId);
  if (!row) throw new AppError('phishing.campaign_not_found', 404);
  if (row.status === 'closed') return;
  if (row.status === 'draft') throw new AppError('phishing.not_started', 409);
  const campaign = (await campaignOr404(tx, organisationId, campaignId)) as CampaignRow;
  const groups = anonymousGroups(await labelled(tx, organisationId, campaign.groupBy, await groupCounts(tx, organisationId, campaignId)));
  let position = 0;
  for (const group of groups) {
    await tx.execute(sql`insert into phishing_results (organisation_id, campaign_id, position, kind, key, label, merged_groups, recipients, sent, opened,
        clicked, submitted, reported)
      values (${organisationId}, ${campaignId}, ${position++}, ${group.kind}, ${group.key}, ${group.label}, ${group.mergedGroups}, ${group.recipients},
        ${group.sent}, ${group.opened}, ${group.clicked}, ${group.submitted}, ${group.reported})`);
  }
  await tx.execute(sql`delete from phishing_recipients where organisation_id = ${organisationId} and campaign_id = ${campaignId}`);
  await tx.execute(sql`update phishing_campaigns set status = 'closed', closed_at = now(), sent_total = ${campaign.delivery.sent},
      failed_total = ${campaign.delivery.recipients - campaign.delivery.sent}, updated_at = now(), revision = revision + 1
    where organisation_id = ${organisationId} and id = ${campaignId}`);
  await appendAudit(tx, {
    organisationId,
    actorUserId,
    action: 'phishing.campaign_closed',
    entityType: 'phishing_campaign',
    entityId: campaignId,
    data: { recipients: campaign.delivery.recipients, sent: campaign.delivery.sent, groupsKept: groups.length },
  });
}

export async function closeByRoute(tx: Tx, actor: Actor, campaignId: string) {
  await closeCampaign(tx, actor.organisationId, campaignId, actor.userId);
  return getCampaign(tx, actor.organisationId, campaignId);
}

const ts = (column: string) => sql.raw(`to_char(r.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

const sum = (groups: readonly { recipients: number; sent: number; opened: number; clicked: number; submitted: number; reported: number }[]) =>
  groups.reduce(
    (t, g) => ({
      recipients: t.recipients + g.recipients,
      sent: t.sent + g.sent,
      opened: t.opened + g.opened,
      clicked: t.clicked + g.clicked,
      submitted: t.submitted + g.submitted,
      reported: t.reported + g.reported,
    }),
    { recipients: 0, sent: 0, opened: 0, clicked: 0, submitted: 0, reported: 0 },
  );

/**
 * The report: groups of at least five (decision 036), the totals, and — only in named mode, only while the campaign
 * runs and only for those who manage campaigns — the people, with the works agreement the campaign was started under.
 */
export async function campaignReport(tx: Tx, actor: Actor, campaignId: string) {
  const { organisationId } = actor;
  // One pass over the recipient rows (the group counts), not two: the delivery counts are not needed here.
  const campaign = await campaignOr404(tx, organisationId, campaignId, false);
  let groups: ReturnType<typeof anonymousGroups>;
  let totals: ReturnType<typeof sum>;
  if (campaign.status === 'closed') {
    groups = await queryRows(
      tx,
      sql`select kind, key, label, merged_groups as "mergedGroups", recipients, sent, opened, clicked, submitted, reported
            from phishing_results where organisation_id = ${organisationId} and campaign_id = ${campaignId} order by position`,
    );
    totals = { ...sum(groups), recipients: campaign.delivery.recipients, sent: campaign.delivery.sent };
  } else {
    const raw = await labelled(tx, organisationId, campaign.groupBy, await groupCounts(tx, organisationId, campaignId));
    groups = anonymousGroups(raw);
    const all = sum(raw);
    totals = groups.length > 0 || campaign.mode === 'named' ? all : { ...sum([]), recipients: all.recipients, sent: all.sent };
  }
  const named = campaign.mode === 'named' && campaign.agreementReference && campaign.agreementDate;
  let namedAgreement = null;
  if (named) {
    const settings = await settingsRow(tx, organisationId);
    namedAgreement = {
      reference: campaign.agreementReference!,
      date: campaign.agreementDate!,
      enabledByName: settings?.enabledByName ?? null,
      enabledAt: settings?.enabledAt ?? null,
    };
  }
  const showPeople = named && campaign.status !== 'closed' && isAllowed('phishing.manage', actor);
  const people = showPeople
    ? await queryRows<
        { personId: string | null; name: string | null; role: string | null } & Record<
          'sentAt' | 'openedAt' | 'clickedAt' | 'submittedAt' | 'reportedAt' | 'trainingCompletedAt',
          string | null
        >
      >(
        tx,
        sql`select r.person_id as "personId", p.name, p.role, ${ts('sent_at')} as "sentAt", ${ts('opened_at')} as "openedAt",
                   ${ts('clicked_at')} as "clickedAt", ${ts('submitted_at')} as "submittedAt", ${ts('reported_at')} as "reportedAt",
                   ${ts('training_completed_at')} as "trainingCompletedAt"
              from phishing_recipients r left join people p on p.organisation_id = r.organisation_id and p.id = r.person_id
             where r.organisation_id = ${organisationId} and r.campaign_id = ${campaignId}
             order by lower(coalesce(p.name, '')), r.id limit 10000`,
      )
    : null;
  return {
    campaignId,
    status: campaign.status,
    mode: campaign.mode,
    groupBy: campaign.groupBy,
    minimumGroupSize: ANONYMITY_MIN_GROUP as typeof ANONYMITY_MIN_GROUP,
    closedAt: campaign.closedAt,
    closesAt: campaign.closesAt,
    namedAgreement,
    totals: { ...totals, trainingCompleted: campaign.trainingCompleted },
    groups,
    people,
  };
}
