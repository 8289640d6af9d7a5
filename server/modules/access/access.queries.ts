import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AccountListQuery } from '../../../domain/access/access.schema.ts';
import type { Tx } from '../../db/connect.ts';
import { containsText, countRows, type ListDefinition, planList } from '../../db/list.ts';
import { assets, people, personAccounts } from '../../db/schema.ts';

/** adminWithoutMfa of domain/access/access-rules.ts as SQL: an active administrator account without confirmed MFA. */
export const adminWithoutMfaCondition = sql`(${personAccounts.status} = 'active' and ${personAccounts.isAdmin} and ${personAccounts.mfa} is not true)`;

/** An active account of a person whose end date lies before the practice's today (leaverFlag of access-rules.ts). */
export function leaverCondition(today: string): SQL {
  return sql`(${personAccounts.status} = 'active' and ${people.endsOn} < ${today}::date)`;
}

const accountList: ListDefinition<AccountListQuery['sort']> = {
  sort: {
    person: { sql: sql`lower(${people.name})`, type: 'text' },
    system: { sql: personAccounts.system, type: 'text' },
    accountName: { sql: sql`lower(${personAccounts.accountName})`, type: 'text' },
    updatedAt: { sql: personAccounts.updatedAt, type: 'timestamptz' },
  },
  unique: { sql: personAccounts.id, type: 'uuid' },
};

const personJoin = and(eq(people.organisationId, personAccounts.organisationId), eq(people.id, personAccounts.personId));
const assetJoin = and(eq(assets.organisationId, personAccounts.organisationId), eq(assets.id, personAccounts.assetId));

/** A page of all accounts across people: filters, search and keyset paging in SQL. */
export async function listAccounts(tx: Tx, organisationId: string, query: AccountListQuery, today: string) {
  const plan = planList(accountList, query);
  const filters = and(
    eq(personAccounts.organisationId, organisationId),
    query.system ? eq(personAccounts.system, query.system) : undefined,
    query.status ? eq(personAccounts.status, query.status) : undefined,
    query.locationId ? eq(people.locationId, query.locationId) : undefined,
    query.adminWithoutMfa === true ? adminWithoutMfaCondition : query.adminWithoutMfa === false ? sql`not ${adminWithoutMfaCondition}` : undefined,
    query.leaver === true ? leaverCondition(today) : query.leaver === false ? sql`not coalesce(${leaverCondition(today)}, false)` : undefined,
    containsText(query.q, personAccounts.accountName, people.name, personAccounts.notes),
  );
  const rows = await tx
    .select({ account: personAccounts, personName: people.name, personEndsOn: people.endsOn, assetName: assets.name, ...plan.cursorColumns })
    .from(personAccounts)
    .innerJoin(people, personJoin)
    .leftJoin(assets, assetJoin)
    .where(and(filters, plan.after))
    .orderBy(...plan.orderBy)
    .limit(plan.fetch);
  const [count] = await tx.select({ n: countRows() }).from(personAccounts).innerJoin(people, personJoin).where(filters);
  return plan.page(
    rows.map((r) => ({
      ...r.account,
      personName: r.personName,
      personEndsOn: r.personEndsOn,
      assetName: r.assetName,
      listSortValue: r.listSortValue,
      listUniqueValue: r.listUniqueValue,
    })),
    Number(count?.n ?? 0),
  );
}

/** One person's accounts with the asset names, by system and login name. */
export async function accountsOfPerson(tx: Tx, organisationId: string, personId: string) {
  const rows = await tx
    .select({ account: personAccounts, assetName: assets.name })
    .from(personAccounts)
    .leftJoin(assets, assetJoin)
    .where(and(eq(personAccounts.organisationId, organisationId), eq(personAccounts.personId, personId)))
    .orderBy(personAccounts.system, sql`lower(${personAccounts.accountName})`, personAccounts.id);
  return rows.map((r) => ({ ...r.account, assetName: r.assetName }));
}

export const LEAVERS_SHOWN = 20;

/**
 * The dashboard's figures in two queries: the leavers with active accounts (how many, and the first 20 by the longest
 * time since leaving, each with the days and the number of active accounts), the active administrator accounts
 * without MFA, the active accounts and all accounts.
 */
export async function summariseAccess(tx: Tx, organisationId: string, today: string) {
  const leavers = await tx
    .select({
      personId: people.id,
      name: people.name,
      endsOn: sql<string>`${people.endsOn}::text`,
      daysSinceLeaving: sql<number>`(${today}::date - ${people.endsOn})::int`.mapWith(Number),
      activeAccounts: countRows(),
      total: sql<number>`(count(*) over ())::int`.mapWith(Number),
    })
    .from(personAccounts)
    .innerJoin(people, personJoin)
    .where(and(eq(personAccounts.organisationId, organisationId), leaverCondition(today)))
    .groupBy(people.id, people.name, people.endsOn)
    .orderBy(people.endsOn, sql`lower(${people.name})`, people.id)
    .limit(LEAVERS_SHOWN);
  const [counts] = await tx
    .select({
      adminWithoutMfa: sql<number>`count(*) filter (where ${adminWithoutMfaCondition})::int`.mapWith(Number),
      activeAccounts: sql<number>`count(*) filter (where ${personAccounts.status} = 'active')::int`.mapWith(Number),
      totalAccounts: countRows(),
    })
    .from(personAccounts)
    .where(eq(personAccounts.organisationId, organisationId));
  return {
    leavers: { count: leavers[0]?.total ?? 0, first: leavers.map(({ total: _total, ...leaver }) => leaver) },
    adminWithoutMfa: counts?.adminWithoutMfa ?? 0,
    activeAccounts: counts?.activeAccounts ?? 0,
    totalAccounts: counts?.totalAccounts ?? 0,
  };
}
