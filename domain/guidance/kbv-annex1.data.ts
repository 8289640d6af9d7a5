import type { RequirementGuidance } from './guidance.types.ts';

/**
 * Placeholder in branch guide2 only: guide1 writes the guidance on KBV Anlage 1 (KBV-A1-01 … KBV-A1-50) in this file,
 * and the lead takes guide1's version at the merge. Until then the completeness test in guidance.test.ts fails for
 * the 50 ids of Anlage 1, as it should.
 */
export const kbvAnnex1Guidance: readonly RequirementGuidance[] = [];
