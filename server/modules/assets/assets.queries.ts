import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { SUPPORT_WARNING_DAYS } from '../../../domain/assets/asset-warnings.ts';
import { type AssetListQuery, type AssetWarningKind, adminLoginKinds, mobileKinds } from '../../../domain/assets/assets.schema.ts';
import type { Tx } from '../../db/connect.ts';
import { containsLowered, countRows, type ListDefinition, planList } from '../../db/list.ts';
import { assets, locations } from '../../db/schema.ts';

/**
 * The warning rules of domain/assets/asset-warnings.ts as SQL conditions, for the list filter and the counts; the API
 * tests hold both to the same answers. `today` is the practice's calendar day, passed in so both use the same one.
 */
export function warningCondition(kind: AssetWarningKind, today: string): SQL {
  switch (kind) {
    case 'unsupported':
      return sql`${assets.supportEndsOn} <= ${today}::date`;
    case 'support_ending':
      return sql`(${assets.supportEndsOn} > ${today}::date and ${assets.supportEndsOn} <= ${today}::date + ${SUPPORT_WARNING_DAYS}::int)`;
    case 'admin_mfa_missing':
      return sql`(${assets.adminMfa} = false and ${inArray(assets.kind, [...adminLoginKinds])})`;
    case 'encryption_missing':
      return sql`(${assets.encryptedAtRest} = false and ${inArray(assets.kind, [...mobileKinds])})`;
  }
}

const assetList: ListDefinition<AssetListQuery['sort']> = {
  sort: {
    name: { sql: sql`lower(${assets.name})`, type: 'text' },
    kind: { sql: assets.kind, type: 'text' },
    inventoryNumber: { sql: sql`lower(${assets.inventoryNumber})`, type: 'text' },
    // Assets without a support end sort after every date.
    supportEndsOn: { sql: sql`coalesce(${assets.supportEndsOn}, '9999-12-31'::date)`, type: 'date' },
    updatedAt: { sql: assets.updatedAt, type: 'timestamptz' },
  },
  unique: { sql: assets.id, type: 'uuid' },
};

/** A page of the register: filters, search and keyset paging in SQL, so the cost is the page, not the register. */
export async function listAssets(tx: Tx, organisationId: string, query: AssetListQuery, today: string) {
  const plan = planList(assetList, query);
  const filters = and(
    eq(assets.organisationId, organisationId),
    query.kind ? eq(assets.kind, query.kind) : undefined,
    query.locationId ? eq(assets.locationId, query.locationId) : undefined,
    query.warning ? warningCondition(query.warning, today) : undefined,
    containsLowered(query.q, assets.searchText),
  );
  const rows = await tx
    .select({ asset: assets, ...plan.cursorColumns })
    .from(assets)
    .where(and(filters, plan.after))
    .orderBy(...plan.orderBy)
    .limit(plan.fetch);
  const [count] = await tx.select({ n: countRows() }).from(assets).where(filters);
  return plan.page(
    rows.map((r) => ({ ...r.asset, listSortValue: r.listSortValue, listUniqueValue: r.listUniqueValue })),
    Number(count?.n ?? 0),
  );
}

/**
 * Totals by kind, by location and by warning in one pass over the register (grouping sets): the cost is one scan of the
 * organisation's rows, whatever their number, instead of one per grouping.
 */
export async function summariseAssets(tx: Tx, organisationId: string, today: string) {
  const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`.mapWith(Number);
  const rows = await tx
    .select({
      kind: assets.kind,
      locationId: assets.locationId,
      // A bit per column rolled up (kind = 2, location = 1): 1 is a row per kind, 2 per location, 3 the whole register.
      grouping: sql<number>`grouping(${assets.kind}, ${assets.locationId})::int`.mapWith(Number),
      count: countRows(),
      unsupported: count(warningCondition('unsupported', today)),
      support_ending: count(warningCondition('support_ending', today)),
      admin_mfa_missing: count(warningCondition('admin_mfa_missing', today)),
      encryption_missing: count(warningCondition('encryption_missing', today)),
    })
    .from(assets)
    .where(eq(assets.organisationId, organisationId))
    .groupBy(sql`grouping sets ((${assets.kind}), (${assets.locationId}), ())`);
  const totals = rows.find((r) => r.grouping === 3);
  const byKind = rows
    .filter((r) => r.grouping === 1)
    .map(({ kind, count }) => ({ kind, count }))
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  const byLocation = rows
    .filter((r) => r.grouping === 2)
    .map(({ locationId, count }) => ({ locationId, count }))
    .sort((a, b) => (a.locationId === b.locationId ? 0 : a.locationId === null ? 1 : b.locationId === null ? -1 : a.locationId < b.locationId ? -1 : 1));
  return {
    total: totals?.count ?? 0,
    byKind,
    byLocation,
    warnings: {
      unsupported: totals?.unsupported ?? 0,
      support_ending: totals?.support_ending ?? 0,
      admin_mfa_missing: totals?.admin_mfa_missing ?? 0,
      encryption_missing: totals?.encryption_missing ?? 0,
    },
  };
}

/** Every asset matching the filters, by name, with its location's name: the rows of an export. */
export async function assetsForExport(tx: Tx, organisationId: string, query: Omit<AssetListQuery, 'limit' | 'sort' | 'order' | 'cursor'>, today: string) {
  return tx
    .select({ asset: assets, location: locations.name })
    .from(assets)
    .leftJoin(locations, and(eq(locations.organisationId, assets.organisationId), eq(locations.id, assets.locationId)))
    .where(
      and(
        eq(assets.organisationId, organisationId),
        query.kind ? eq(assets.kind, query.kind) : undefined,
        query.locationId ? eq(assets.locationId, query.locationId) : undefined,
        query.warning ? warningCondition(query.warning, today) : undefined,
        containsLowered(query.q, assets.searchText),
      ),
    )
    .orderBy(sql`lower(${assets.name})`, assets.id);
}
