import type { LegalSource } from '../kbv/explanation.ts';

/**
 * Practical guidance on one requirement (issue 12): what a practice without IT staff does to meet it, and what an
 * auditor accepts as evidence. Written in our own words from the requirement's text; versioned catalog data with its
 * sources and its confidence ('inferred': our reading, not the KBV's or the BSI's wording).
 */
export interface RequirementGuidance {
  /** The catalog id: KBV-A1-01 … KBV-A5-09, BSIG-30-2-01 … BSIG-30-2-10. */
  requirementId: string;
  /** 3–6 steps in the order a practice does them, imperative, plain German without IT jargon. */
  stepsDe: readonly string[];
  /** The same steps in English. */
  stepsEn: readonly string[];
  /** 1–4 things that count as evidence (a document, a screenshot, a signed list, a log, a contract …). */
  evidenceDe: readonly string[];
  evidenceEn: readonly string[];
  confidence: 'inferred';
  /** At least the requirement's own source; more where a step rests on another text (e.g. a BSI module). */
  sources: readonly LegalSource[];
}

/** The version of the guidance data; raised whenever a text changes, shown with the guidance. */
export const GUIDANCE_VERSION = '2026-12';
