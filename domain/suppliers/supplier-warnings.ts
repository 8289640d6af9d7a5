import type { AvvStatus, C5Basis, C5Type, SupplierWarningKind } from './suppliers.schema.ts';

/** How far ahead the end of a C5 attestation is announced: time to ask the provider for the next report. */
export const C5_WARNING_DAYS = 60;

/**
 * § 393 SGB V: health data goes to a cloud service only with a current C5 attestation. Type 1 was accepted from
 * 2024-07-01; from 2025-07-01 a type 2 attestation is required (or a documented C5 equivalence).
 */
export const C5_TYPE1_ACCEPTED_FROM = '2024-07-01';
export const C5_TYPE2_REQUIRED_FROM = '2025-07-01';

/** AVV states that answer Art. 28 DSGVO: signed, or documented as not needed (the supplier is no processor). */
export const avvSettledStatuses: readonly AvvStatus[] = ['signed', 'not_required'];

/** What a warning affects: requirement ids of the catalog (KBV-… and BSIG-30-2-…), shown on their pages too. */
export const supplierWarningRequirements: Record<SupplierWarningKind, readonly string[]> = {
  // Art. 28 DSGVO (no catalog id of its own); § 30 Abs. 2 Nr. 4 BSIG (security in the relations with service
  // providers); KBV Anlage 1 Nr. 4 (a written confidentiality agreement before externals reach patient information).
  avv_missing: ['BSIG-30-2-04', 'KBV-A1-04'],
  // § 393 SGB V via KBV Anlage 1 Nr. 50 (security of cloud service providers: a current BSI C5 attestation).
  c5_missing: ['KBV-A1-50', 'BSIG-30-2-04'],
  c5_expiring: ['KBV-A1-50', 'BSIG-30-2-04'],
  // § 30 Abs. 2 Nr. 4 BSIG: managing supplier risks is a recurring task, not a one-off list.
  review_overdue: ['BSIG-30-2-04'],
};

/** The fields the warnings read. Unknown answers (null) warn nothing: the register asks, it does not accuse. */
export interface SupplierWarningInput {
  patientDataAccess: boolean | null;
  avvStatus: AvvStatus | null;
  cloudHealthData: boolean | null;
  c5Basis: C5Basis | null;
  c5Type: C5Type | null;
  c5ValidUntil: string | null;
  nextReviewOn: string | null;
}

export interface SupplierWarning {
  kind: SupplierWarningKind;
  requirementIds: readonly string[];
  /** For dated warnings: days until (positive, or 0 on the last day) or since (negative) the date. */
  days?: number;
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); no time zone involved, so no DST hour. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether the kind of C5 evidence is enough on that day, before looking at its validity. */
export function c5BasisAccepted(supplier: Pick<SupplierWarningInput, 'c5Basis' | 'c5Type'>, today: string): boolean {
  if (supplier.c5Basis === 'equivalence') return true;
  if (supplier.c5Basis !== 'attestation') return false;
  return supplier.c5Type === 'type2' || (supplier.c5Type === 'type1' && today < C5_TYPE2_REQUIRED_FROM);
}

/**
 * The warnings of one supplier on a calendar day (YYYY-MM-DD, the practice's day). The same rules are evaluated in SQL
 * for the list filter and the counts (server/modules/suppliers); the API tests hold the two to the same answers.
 */
export function supplierWarnings(supplier: SupplierWarningInput, today: string): SupplierWarning[] {
  const warnings: SupplierWarning[] = [];
  if (supplier.patientDataAccess === true && !avvSettledStatuses.includes(supplier.avvStatus as AvvStatus)) {
    warnings.push({ kind: 'avv_missing', requirementIds: supplierWarningRequirements.avv_missing });
  }
  if (supplier.cloudHealthData === true) {
    const days = supplier.c5ValidUntil ? daysBetween(today, supplier.c5ValidUntil) : undefined;
    if (!c5BasisAccepted(supplier, today)) {
      warnings.push({ kind: 'c5_missing', requirementIds: supplierWarningRequirements.c5_missing });
    } else if (days !== undefined && days < 0) {
      // Valid until that day inclusive; from the day after it no longer counts as current.
      warnings.push({ kind: 'c5_missing', requirementIds: supplierWarningRequirements.c5_missing, days });
    } else if (days !== undefined && days <= C5_WARNING_DAYS) {
      warnings.push({ kind: 'c5_expiring', requirementIds: supplierWarningRequirements.c5_expiring, days });
    }
  }
  if (supplier.nextReviewOn && supplier.nextReviewOn < today) {
    warnings.push({ kind: 'review_overdue', requirementIds: supplierWarningRequirements.review_overdue, days: daysBetween(today, supplier.nextReviewOn) });
  }
  return warnings;
}
