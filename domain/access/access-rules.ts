/**
 * The access warnings as plain rules. The server evaluates the same conditions in SQL for lists and counts
 * (server/modules/access/access.queries.ts); the API tests hold both to the same answers.
 */

/** What each warning affects: requirement ids of the catalog, shown on their pages too. */
export const accessWarningRequirements = {
  // KBV Anlage 1 Nr. 2: on departure every access is withdrawn; § 30 Abs. 2 Satz 2 Nr. 9 BSIG: access control over the
  // staff life cycle.
  leaver_active: ['KBV-A1-02', 'BSIG-30-2-09'],
  // § 30 Abs. 2 Satz 2 Nr. 10 BSIG: multi-factor authentication. The KBV guideline has no general MFA duty (see the gap
  // noted at BSIG-30-2-10 in domain/nis2/measures.data.ts), so no KBV id is linked.
  admin_mfa_missing: ['BSIG-30-2-10'],
} as const;

export type AccessWarningKind = keyof typeof accessWarningRequirements;

export interface AccessWarning {
  kind: AccessWarningKind;
  requirementIds: readonly string[];
  /** For a leaver: whole days since the last working day. */
  days?: number;
}

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export interface LeaverInput {
  endsOn: string | null;
  accounts: readonly { status: 'active' | 'disabled' | string }[];
}

export interface LeaverFlag {
  daysSinceLeaving: number;
  activeAccounts: number;
}

/**
 * A person who has left and still has access (KBV Anlage 1 Nr. 2). Left means the end date lies before the practice's
 * today (Europe/Berlin): on the last working day the access is still needed. The flag stays while any account is
 * active; completing the offboarding checklist does not clear it, only disabling every account does.
 */
export function leaverFlag(person: LeaverInput, today: string): LeaverFlag | null {
  if (!person.endsOn || person.endsOn >= today) return null;
  const activeAccounts = person.accounts.filter((a) => a.status === 'active').length;
  if (activeAccounts === 0) return null;
  return { daysSinceLeaving: daysBetween(person.endsOn, today), activeAccounts };
}

export interface AccountWarningInput {
  isAdmin: boolean;
  mfa: boolean | null;
  status: 'active' | 'disabled' | string;
}

/**
 * An administrator account without confirmed MFA (§ 30 Abs. 2 Satz 2 Nr. 10 BSIG). Unlike the asset inventory, an
 * unknown answer warns too: an administrator login is where MFA is owed first, so "not known" is not good enough. A
 * disabled account warns nothing.
 */
export function adminWithoutMfa(account: AccountWarningInput): boolean {
  return account.status === 'active' && account.isAdmin && account.mfa !== true;
}

/** The warnings of one account, given its person's end date. */
export function accountWarnings(account: AccountWarningInput, personEndsOn: string | null, today: string): AccessWarning[] {
  const warnings: AccessWarning[] = [];
  if (account.status === 'active' && personEndsOn && personEndsOn < today) {
    warnings.push({ kind: 'leaver_active', requirementIds: accessWarningRequirements.leaver_active, days: daysBetween(personEndsOn, today) });
  }
  if (adminWithoutMfa(account)) {
    warnings.push({ kind: 'admin_mfa_missing', requirementIds: accessWarningRequirements.admin_mfa_missing });
  }
  return warnings;
}
