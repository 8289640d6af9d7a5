import { and, eq, type SQL, sql } from 'drizzle-orm';
import { C5_TYPE2_REQUIRED_FROM, C5_WARNING_DAYS } from '../../../domain/suppliers/supplier-warnings.ts';
import type { SupplierListQuery, SupplierWarningKind } from '../../../domain/suppliers/suppliers.schema.ts';
import type { Tx } from '../../db/connect.ts';
import { containsText, countRows, type ListDefinition, planList } from '../../db/list.ts';
import { suppliers } from '../../db/schema.ts';

/** c5BasisAccepted of domain/suppliers/supplier-warnings.ts: an equivalence, a type 2 attestation, or type 1 before 2025-07-01. */
function c5Accepted(today: string): SQL {
  return sql`coalesce(${suppliers.c5Basis} = 'equivalence' or (${suppliers.c5Basis} = 'attestation' and (${suppliers.c5Type} = 'type2'
    or (${suppliers.c5Type} = 'type1' and ${today}::date < ${C5_TYPE2_REQUIRED_FROM}::date))), false)`;
}

/**
 * The warning rules of domain/suppliers/supplier-warnings.ts as SQL conditions, for the list filter and the counts; the
 * API tests hold both to the same answers. `today` is the practice's calendar day, passed in so both use the same one.
 */
export function warningCondition(kind: SupplierWarningKind, today: string): SQL {
  switch (kind) {
    case 'avv_missing':
      return sql`(${suppliers.patientDataAccess} = true and coalesce(${suppliers.avvStatus}, '') not in ('signed', 'not_required'))`;
    case 'c5_missing':
      return sql`(${suppliers.cloudHealthData} = true and (not ${c5Accepted(today)} or coalesce(${suppliers.c5ValidUntil} < ${today}::date, false)))`;
    case 'c5_expiring':
      return sql`(${suppliers.cloudHealthData} = true and ${c5Accepted(today)} and ${suppliers.c5ValidUntil} >= ${today}::date
        and ${suppliers.c5ValidUntil} <= ${today}::date + ${C5_WARNING_DAYS}::int)`;
    case 'review_overdue':
      return sql`${suppliers.nextReviewOn} < ${today}::date`;
  }
}

const supplierList: ListDefinition<SupplierListQuery['sort']> = {
  sort: {
    name: { sql: sql`lower(${suppliers.name})`, type: 'text' },
    // From the least to the most critical, not alphabetically.
    criticality: {
      sql: sql`(case ${suppliers.criticality} when 'low' then 1 when 'medium' then 2 when 'high' then 3 else 4 end)`,
      type: 'integer',
    },
    // Suppliers without a date sort after every date.
    nextReviewOn: { sql: sql`coalesce(${suppliers.nextReviewOn}, '9999-12-31'::date)`, type: 'date' },
    c5ValidUntil: { sql: sql`coalesce(${suppliers.c5ValidUntil}, '9999-12-31'::date)`, type: 'date' },
    updatedAt: { sql: suppliers.updatedAt, type: 'timestamptz' },
  },
  unique: { sql: suppliers.id, type: 'uuid' },
};

function patientDataCondition(value: SupplierListQuery['patientDataAccess']): SQL | undefined {
  if (value === 'yes') return eq(suppliers.patientDataAccess, true);
  if (value === 'no') return eq(suppliers.patientDataAccess, false);
  if (value === 'unknown') return sql`${suppliers.patientDataAccess} is null`;
  return undefined;
}

/** A page of the register: filters, search and keyset paging in SQL, so the cost is the page, not the register. */
export async function listSuppliers(tx: Tx, organisationId: string, query: SupplierListQuery, today: string) {
  const plan = planList(supplierList, query);
  const filters = and(
    eq(suppliers.organisationId, organisationId),
    query.criticality ? eq(suppliers.criticality, query.criticality) : undefined,
    query.warning ? warningCondition(query.warning, today) : undefined,
    patientDataCondition(query.patientDataAccess),
    containsText(query.q, suppliers.name, suppliers.services, suppliers.contactName, suppliers.subProcessors),
  );
  const rows = await tx
    .select({ supplier: suppliers, ...plan.cursorColumns })
    .from(suppliers)
    .where(and(filters, plan.after))
    .orderBy(...plan.orderBy)
    .limit(plan.fetch);
  const [count] = await tx.select({ n: countRows() }).from(suppliers).where(filters);
  return plan.page(
    rows.map((r) => ({ ...r.supplier, listSortValue: r.listSortValue, listUniqueValue: r.listUniqueValue })),
    Number(count?.n ?? 0),
  );
}

/** Totals, suppliers with patient data, by criticality and by warning: two queries in SQL, whatever the size. */
export async function summariseSuppliers(tx: Tx, organisationId: string, today: string) {
  const mine = eq(suppliers.organisationId, organisationId);
  const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`.mapWith(Number);
  const [totals] = await tx
    .select({
      total: countRows(),
      patientDataAccess: count(sql`${suppliers.patientDataAccess} = true`),
      avv_missing: count(warningCondition('avv_missing', today)),
      c5_missing: count(warningCondition('c5_missing', today)),
      c5_expiring: count(warningCondition('c5_expiring', today)),
      review_overdue: count(warningCondition('review_overdue', today)),
    })
    .from(suppliers)
    .where(mine);
  const byCriticality = await tx
    .select({ criticality: suppliers.criticality, count: countRows() })
    .from(suppliers)
    .where(mine)
    .groupBy(suppliers.criticality)
    .orderBy(suppliers.criticality);
  const { total, patientDataAccess, ...warnings } = totals ?? {
    total: 0,
    patientDataAccess: 0,
    avv_missing: 0,
    c5_missing: 0,
    c5_expiring: 0,
    review_overdue: 0,
  };
  return { total, patientDataAccess, byCriticality, warnings };
}

/** Every supplier matching the list's filters, by name: the rows of an export. */
export async function suppliersForExport(tx: Tx, organisationId: string, query: Omit<SupplierListQuery, 'limit' | 'sort' | 'order' | 'cursor'>, today: string) {
  return tx
    .select()
    .from(suppliers)
    .where(
      and(
        eq(suppliers.organisationId, organisationId),
        query.criticality ? eq(suppliers.criticality, query.criticality) : undefined,
        query.warning ? warningCondition(query.warning, today) : undefined,
        patientDataCondition(query.patientDataAccess),
        containsText(query.q, suppliers.name, suppliers.services, suppliers.contactName, suppliers.subProcessors),
      ),
    )
    .orderBy(sql`lower(${suppliers.name})`, suppliers.id);
}
