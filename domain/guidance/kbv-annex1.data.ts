import type { RequirementGuidance } from './guidance.types.ts';
import { kbvAnnex1GuidanceA } from './kbv-annex1-a.data.ts';
import { kbvAnnex1GuidanceB } from './kbv-annex1-b.data.ts';
import { kbvAnnex1GuidanceC } from './kbv-annex1-c.data.ts';
import { kbvAnnex1GuidanceD } from './kbv-annex1-d.data.ts';

/** Guidance on all 50 requirements of KBV Anlage 1, in catalog order. */
export const kbvAnnex1Guidance: readonly RequirementGuidance[] = [...kbvAnnex1GuidanceA, ...kbvAnnex1GuidanceB, ...kbvAnnex1GuidanceC, ...kbvAnnex1GuidanceD];
