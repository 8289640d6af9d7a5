import { type AssetKind, type AssetWarningKind, adminLoginKinds, mobileKinds } from './assets.schema.ts';

/** How far ahead the end of vendor support is announced: time to plan a replacement (KBV Anlage 1 Nr. 16). */
export const SUPPORT_WARNING_DAYS = 90;

/** What a warning affects: requirement ids of the catalog (KBV-… and BSIG-30-2-…), shown on their pages too. */
export const assetWarningRequirements: Record<AssetWarningKind, readonly string[]> = {
  // Anlage 1 Nr. 16 (identify systems without updates), Nr. 17 (retire or isolate them); § 30 Abs. 2 Nr. 5 BSIG
  // (security in acquisition, development and maintenance, including handling of vulnerabilities).
  unsupported: ['KBV-A1-16', 'KBV-A1-17', 'BSIG-30-2-05'],
  support_ending: ['KBV-A1-16', 'BSIG-30-2-05'],
  // § 30 Abs. 2 Nr. 10 BSIG: multi-factor authentication; an administrator login is the first place it is owed.
  admin_mfa_missing: ['BSIG-30-2-10'],
  // Anlage 1 Nr. 31 (secure basic configuration of mobile devices), Nr. 43 (data stored encrypted on the device);
  // § 30 Abs. 2 Nr. 8 BSIG (cryptography and encryption).
  encryption_missing: ['KBV-A1-31', 'KBV-A1-43', 'BSIG-30-2-08'],
};

/** The fields the warnings read. Unknown answers (null) warn nothing: the inventory asks, it does not accuse. */
export interface AssetWarningInput {
  kind: AssetKind;
  supportEndsOn: string | null;
  adminMfa: boolean | null;
  encryptedAtRest: boolean | null;
}

export interface AssetWarning {
  kind: AssetWarningKind;
  requirementIds: readonly string[];
  /** For support warnings: days until (positive) or since (negative, or 0 on the day) the end of support. */
  days?: number;
}

/**
 * The warnings of one asset on a calendar day (YYYY-MM-DD, the practice's day). The same rules are evaluated in SQL
 * for the list filter and the counts (server/modules/assets); the API tests hold the two to the same answers.
 */
/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); no time zone involved, so no DST hour. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function assetWarnings(asset: AssetWarningInput, today: string): AssetWarning[] {
  const warnings: AssetWarning[] = [];
  if (asset.supportEndsOn) {
    const days = daysBetween(today, asset.supportEndsOn);
    if (days <= 0) warnings.push({ kind: 'unsupported', requirementIds: assetWarningRequirements.unsupported, days });
    else if (days <= SUPPORT_WARNING_DAYS) {
      warnings.push({ kind: 'support_ending', requirementIds: assetWarningRequirements.support_ending, days });
    }
  }
  if (asset.adminMfa === false && adminLoginKinds.includes(asset.kind)) {
    warnings.push({ kind: 'admin_mfa_missing', requirementIds: assetWarningRequirements.admin_mfa_missing });
  }
  if (asset.encryptedAtRest === false && mobileKinds.includes(asset.kind)) {
    warnings.push({ kind: 'encryption_missing', requirementIds: assetWarningRequirements.encryption_missing });
  }
  return warnings;
}
