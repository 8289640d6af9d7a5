import type { RequirementGuidance } from './guidance.types.ts';
import { kbvAnnex1GuidanceA } from './kbv-annex1-a.data.ts';
import { kbvAnnex1GuidanceB } from './kbv-annex1-b.data.ts';

/** Guidance on KBV Anlage 1 (50 requirements) in catalog order: Nr. 1–25 and Nr. 26–50 are kept in two files. */
export const kbvAnnex1Guidance: readonly RequirementGuidance[] = [...kbvAnnex1GuidanceA, ...kbvAnnex1GuidanceB];
