import type { RequirementGuidance } from './guidance.types.ts';
import { kbvAnnex2Guidance } from './kbv-annex2.data.ts';
import { kbvAnnex3Guidance } from './kbv-annex3.data.ts';
import { kbvAnnex4to5Guidance } from './kbv-annex4-5.data.ts';

/** Guidance on KBV Anlagen 2–5 (42 requirements) in catalog order; split by annex to keep each file readable. */
export const kbvAnnex2to5Guidance: readonly RequirementGuidance[] = [...kbvAnnex2Guidance, ...kbvAnnex3Guidance, ...kbvAnnex4to5Guidance];
