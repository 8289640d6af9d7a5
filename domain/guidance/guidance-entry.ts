import type { LegalSource } from '../kbv/explanation.ts';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { bsig30Source, nis2Measures } from '../nis2/measures.data.ts';
import type { RequirementGuidance } from './guidance.types.ts';

/** The texts of one guidance entry: steps and evidence, German and English in the same order. */
export interface GuidanceTexts {
  stepsDe: readonly string[];
  stepsEn: readonly string[];
  evidenceDe: readonly string[];
  evidenceEn: readonly string[];
}

/** The requirement's own source: the KBV guideline at its annex and number, or the § 30 measure in the BSIG. */
export function ownSource(requirementId: string): LegalSource {
  const requirement = kbvRequirements.find((r) => r.id === requirementId);
  if (requirement) return { citation: `KBV IT-Sicherheitsrichtlinie, ${requirement.kbvReference}`, url: requirement.sourceUrl };
  const measure = nis2Measures.find((m) => m.id === requirementId);
  if (measure) return { citation: measure.legalBasis, url: bsig30Source.url };
  throw new Error(`No catalog requirement ${requirementId}`);
}

/** One entry of the guidance data: our reading ('inferred'), citing the requirement's own source and any further ones. */
export function guidance(requirementId: string, texts: GuidanceTexts, furtherSources: readonly LegalSource[] = []): RequirementGuidance {
  return { requirementId, ...texts, confidence: 'inferred', sources: [ownSource(requirementId), ...furtherSources] };
}
