import { bsig30Guidance } from './bsig30.data.ts';
import { GUIDANCE_VERSION, type RequirementGuidance } from './guidance.types.ts';
import { kbvAnnex1Guidance } from './kbv-annex1.data.ts';
import { kbvAnnex2to5Guidance } from './kbv-annex2-5.data.ts';
import { roadmapFitOf } from './roadmap-fit.ts';

export { type RoadmapFit, type RoadmapFitItem, roadmapFitOf, weekRanges } from './roadmap-fit.ts';

/**
 * The practical guidance of the whole catalog (issue 12): KBV Anlage 1, Anlagen 2–5 and the ten measures of
 * § 30 Abs. 2 Satz 2 BSIG, in catalog order, and where each requirement fits in the 8-week plan.
 */
export const requirementGuidance: readonly RequirementGuidance[] = [...kbvAnnex1Guidance, ...kbvAnnex2to5Guidance, ...bsig30Guidance];

const byId = new Map(requirementGuidance.map((g) => [g.requirementId, g]));

/** The guidance on one catalog id, or null when there is none. */
export function guidanceFor(requirementId: string): RequirementGuidance | null {
  return byId.get(requirementId) ?? null;
}

/** The guidance on one requirement as the requirement page shows it: texts, version, sources and the plan's place. */
export function guidanceAnswer(requirementId: string) {
  const guidance = guidanceFor(requirementId);
  if (!guidance) return null;
  return { ...guidance, version: GUIDANCE_VERSION, roadmap: roadmapFitOf(requirementId) };
}
