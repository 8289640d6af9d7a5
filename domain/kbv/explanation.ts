import { z } from 'zod';

/**
 * One reason or warning produced by a rule: a stable code (usable as a translation key), the figures it refers to,
 * the same sentence in plain German and in English, and the legal provisions it rests on.
 */
export const explanationSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  de: z.string(),
  en: z.string(),
  legalBasis: z.array(z.string()),
});
export type Explanation = z.infer<typeof explanationSchema>;

/** A provision with a link to its text. */
export const legalSourceSchema = z.object({ citation: z.string(), url: z.string() });
export type LegalSource = z.infer<typeof legalSourceSchema>;

/** The sources of the catalogue that a list of explanations cites, in catalogue order. */
export function collectLegalSources(explanations: readonly Explanation[], catalogue: readonly LegalSource[]): LegalSource[] {
  const cited = new Set(explanations.flatMap((e) => e.legalBasis));
  return catalogue.filter((source) => cited.has(source.citation));
}

const numberFormats = {
  de: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }),
};

/** A figure as people write it: "67,5" / "67.5"; never rounded beyond the float noise already removed. */
export function formatNumber(value: number, locale: 'de' | 'en'): string {
  return numberFormats[locale].format(value);
}

export function formatEur(value: number, locale: 'de' | 'en'): string {
  return `${formatNumber(value, locale)} EUR`;
}
