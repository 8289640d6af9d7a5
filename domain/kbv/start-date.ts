/**
 * Since when a catalog requirement applies. The KBV IT security guideline first applied under § 75b SGB V (old
 * version) from 2021-04-01, some items later (2021-07-01, 2022-01-01). Its revision under § 390 SGB V came into force
 * on 2025-04-01; requirements new in it are binding from 2025-10-01 after a six-month transition, and requirements
 * carried over from 2021 continued to apply without a break. The research snapshot does not give the 2021 start date
 * of each carried-over requirement, so they carry 2025-04-01 (the revised text) as their one date and "since 2021" as
 * the year they first applied.
 */
export const kbvGuidelineVersions = {
  first: { norm: '§ 75b SGB V a. F.', year: 2021, firstApplicableFrom: '2021-04-01' },
  revision2025: { norm: '§ 390 SGB V', inForce: '2025-04-01', newRequirementsFrom: '2025-10-01' },
} as const;

export type RequirementStart =
  /** Carried over from the 2021 version: applies since 2021, in the revised wording since `revisedSince`. */
  | { kind: 'carried_over'; firstYear: number; revisedSince: string }
  /** New in the 2025 revision: binding since (or, before that day, from) `date`. */
  | { kind: 'new_since' | 'new_from'; date: string; revisionInForce: string }
  /** Any other requirement with a start date (e.g. the BSIG measures). */
  | { kind: 'since' | 'from'; date: string };

export interface StartDateFacts {
  framework: 'kbv' | 'nis2';
  effectiveFrom: string | null;
  newInRevision: boolean;
}

/** How the catalog states the start of a requirement on `today` (YYYY-MM-DD); null when it has no date. */
export function requirementStart(requirement: StartDateFacts, today: string): RequirementStart | null {
  const date = requirement.effectiveFrom;
  if (date === null) return null;
  const started = date <= today;
  if (requirement.framework !== 'kbv') return { kind: started ? 'since' : 'from', date };
  const { first, revision2025 } = kbvGuidelineVersions;
  if (!requirement.newInRevision && date <= revision2025.inForce) {
    return { kind: 'carried_over', firstYear: first.year, revisedSince: revision2025.inForce };
  }
  return { kind: started ? 'new_since' : 'new_from', date, revisionInForce: revision2025.inForce };
}
