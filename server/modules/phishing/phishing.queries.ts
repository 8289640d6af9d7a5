import { type SQL, sql } from 'drizzle-orm';
import type { Audience } from '../../../domain/phishing/phishing.schema.ts';
import { type Db, queryRows, type Tx } from '../../db/connect.ts';

/** A list of uuids as one SQL array parameter (the values are uuids the server made or checked). */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
export const textArray = (values: readonly string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

export interface CampaignRow {
  id: string;
  organisationId: string;
  name: string;
  templateId: string;
  locale: 'de' | 'en';
  subject: string;
  senderName: string;
  senderAddress: string;
  bodyHtml: string;
  bodyText: string;
  audience: Audience;
  groupBy: 'location' | 'role';
  mode: 'anonymous' | 'named';
  startsAt: string | null;
  spreadMinutes: number;
  retentionDays: number;
  status: 'draft' | 'scheduled' | 'sending' | 'sent' | 'closed';
  agreementReference: string | null;
  agreementDate: string | null;
  closesAt: string | null;
  sendingFinishedAt: string | null;
  closedAt: string | null;
  trainingCompleted: number;
  revision: number;
  createdAt: string;
  updatedAt: string;
  delivery: { recipients: number; pending: number; sent: number; failed: number };
}

const instant = (column: string) => sql.raw(`to_char(c.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/**
 * The campaign's columns and its delivery counts: from the recipient rows while it runs, from the kept totals once
 * closed (the rows are gone then).
 */
const campaignFields = sql`c.id, c.organisation_id as "organisationId", c.name, c.template_id as "templateId", c.locale, c.subject,
  c.sender_name as "senderName", c.sender_address as "senderAddress", c.body_html as "bodyHtml", c.body_text as "bodyText",
  c.audience, c.group_by as "groupBy", c.mode, ${instant('starts_at')} as "startsAt", c.spread_minutes as "spreadMinutes",
  c.retention_days as "retentionDays", c.status, c.agreement_reference as "agreementReference",
  to_char(c.agreement_date, 'YYYY-MM-DD') as "agreementDate", ${instant('closes_at')} as "closesAt",
  ${instant('sending_finished_at')} as "sendingFinishedAt", ${instant('closed_at')} as "closedAt",
  c.training_completed as "trainingCompleted", c.revision, ${instant('created_at')} as "createdAt", ${instant('updated_at')} as "updatedAt"`;
const keptDelivery = sql`json_build_object('recipients', c.recipients_total, 'pending', 0, 'sent', c.sent_total, 'failed', c.failed_total)`;
const campaignColumns = sql`${campaignFields},
  case when c.status = 'closed' then ${keptDelivery}
  else (select json_build_object('recipients', count(*)::int,
                                 'pending', (count(*) filter (where r.delivery in ('pending', 'sending')))::int,
                                 'sent', (count(*) filter (where r.delivery = 'sent'))::int,
                                 'failed', (count(*) filter (where r.delivery = 'failed'))::int)
          from phishing_recipients r where r.organisation_id = c.organisation_id and r.campaign_id = c.id) end as delivery`;

function parseCampaign(row: CampaignRow): CampaignRow {
  const parse = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
  return { ...row, audience: parse(row.audience), delivery: parse(row.delivery) };
}

/**
 * `countDelivery: false` leaves out the pass over the recipient rows: `delivery` is then the kept totals of a closed
 * campaign and all zero for a running one (for the report, which counts the rows in its own pass).
 */
export async function selectCampaigns(db: Db | Tx, where: SQL, limit = 200, countDelivery = true): Promise<CampaignRow[]> {
  const columns = countDelivery
    ? campaignColumns
    : sql`${campaignFields}, case when c.status = 'closed' then ${keptDelivery} else json_build_object('recipients', 0, 'pending', 0, 'sent', 0, 'failed', 0) end as delivery`;
  const rows = await queryRows<CampaignRow>(
    db,
    sql`select ${columns} from phishing_campaigns c where ${where} order by c.created_at desc, c.id limit ${limit}`,
  );
  return rows.map(parseCampaign);
}

export async function selectCampaign(db: Db | Tx, organisationId: string, campaignId: string, countDelivery = true): Promise<CampaignRow | undefined> {
  const [row] = await selectCampaigns(db, sql`c.organisation_id = ${organisationId} and c.id = ${campaignId}`, 1, countDelivery);
  return row;
}

/** Locks the campaign row for a state change (revision checks and transitions wait for each other). */
export async function lockCampaign(tx: Tx, organisationId: string, campaignId: string) {
  const [row] = await queryRows<{ status: CampaignRow['status']; revision: number; mode: CampaignRow['mode'] }>(
    tx,
    sql`select status, revision, mode from phishing_campaigns where organisation_id = ${organisationId} and id = ${campaignId} for update`,
  );
  return row;
}

/** People active on `today` whom the audience reaches: with an address (recipients) and without (counted only). */
export function audienceCondition(audience: Audience): SQL {
  switch (audience.kind) {
    case 'all':
      return sql`true`;
    case 'locations':
      return sql`p.location_id = any(${uuidArray(audience.locationIds)})`;
    case 'roles':
      return sql`p.role = any(${textArray(audience.roles)})`;
  }
}

const activeOn = (today: string) => sql`coalesce(p.starts_on <= ${today}::date, true) and coalesce(p.ends_on >= ${today}::date, true)`;

export async function audienceSize(tx: Tx, organisationId: string, audience: Audience, today: string) {
  const [row] = await queryRows<{ withEmail: number; withoutEmail: number }>(
    tx,
    sql`select (count(*) filter (where p.email <> ''))::int as "withEmail", (count(*) filter (where p.email = ''))::int as "withoutEmail"
          from people p where p.organisation_id = ${organisationId} and ${activeOn(today)} and ${audienceCondition(audience)}`,
  );
  return row ?? { withEmail: 0, withoutEmail: 0 };
}

export async function audiencePeople(tx: Tx, organisationId: string, audience: Audience, today: string) {
  return queryRows<{ id: string; role: string; locationId: string | null }>(
    tx,
    sql`select p.id, p.role, p.location_id as "locationId" from people p
         where p.organisation_id = ${organisationId} and ${activeOn(today)} and p.email <> '' and ${audienceCondition(audience)}`,
  );
}

export async function unknownLocationIds(tx: Tx, organisationId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string }>(tx, sql`select id from locations where organisation_id = ${organisationId} and id = any(${uuidArray(ids)})`);
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

export interface RecipientInsert {
  id: string;
  tokenHash: string;
  personId: string;
  groupKey: string;
  plannedAt: string;
}

/** All recipients in one statement: the rows travel as one JSON parameter (as the register imports do). */
export async function insertRecipients(tx: Tx, organisationId: string, campaignId: string, rows: readonly RecipientInsert[]) {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = JSON.stringify(rows.slice(i, i + 5000));
    await tx.execute(sql`insert into phishing_recipients (organisation_id, campaign_id, id, token_hash, person_id, group_key, planned_at)
      select ${organisationId}::uuid, ${campaignId}::uuid, r.id, r."tokenHash", r."personId", r."groupKey", r."plannedAt"
        from json_to_recordset(${chunk}::json) as r(id uuid, "tokenHash" text, "personId" uuid, "groupKey" text, "plannedAt" timestamptz)`);
  }
}

export interface GroupRow {
  groupKey: string;
  recipients: number;
  sent: number;
  opened: number;
  clicked: number;
  submitted: number;
  reported: number;
}

/** The counts of each group of a running campaign, from its recipient rows (one pass over the campaign's index). */
export async function groupCounts(tx: Tx, organisationId: string, campaignId: string): Promise<GroupRow[]> {
  return queryRows<GroupRow>(
    tx,
    sql`select group_key as "groupKey", count(*)::int as recipients, count(sent_at)::int as sent, count(opened_at)::int as opened,
               count(clicked_at)::int as clicked, count(submitted_at)::int as submitted, count(reported_at)::int as reported
          from phishing_recipients where organisation_id = ${organisationId} and campaign_id = ${campaignId}
         group by group_key order by group_key`,
  );
}

export async function locationNames(tx: Tx, organisationId: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; name: string }>(tx, sql`select id, name from locations where organisation_id = ${organisationId}`);
  return new Map(rows.map((r) => [r.id, r.name]));
}
