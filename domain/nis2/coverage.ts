import { z } from 'zod';
import { explanationSchema } from '../kbv/explanation.ts';
import { type Nis2Measure, nis2Measures } from './measures.data.ts';

export type KbvStatus = 'open' | 'in_progress' | 'implemented' | 'not_applicable';

const localText = z.object({ de: z.string(), en: z.string() });

export const measureCoverageSchema = z.object({
  measureId: z.string(),
  number: z.number().int(),
  legalBasis: z.string(),
  /** 'core': some KBV requirements implement the KBV part of the measure; 'partial': KBV only helps; 'none': no counterpart. */
  kbvCoverage: z.enum(['core', 'partial', 'none']),
  /** All mapped KBV requirement ids, core ones first. */
  coveredBy: z.array(z.string()),
  /** Mapped requirements implemented, out of those not marked not_applicable. */
  implementedCount: z.number().int(),
  total: z.number().int(),
  /** Every applicable core requirement is implemented. This is the KBV part only, never the whole measure. */
  kbvPartDone: z.boolean(),
  /** What § 30(2) sentence 2 BSIG lists for the measure beyond its KBV part; null where nothing is named. */
  beyondKbv: localText.nullable(),
});
export type MeasureCoverage = z.infer<typeof measureCoverageSchema>;

export const nis2CoverageSchema = z.object({
  measures: z.array(measureCoverageSchema),
  /** Measures whose KBV part is done. */
  kbvPartDoneMeasures: z.number().int(),
  totalMeasures: z.number().int(),
  /** Measures with a KBV core at all (§ 30(2) sentence 2 Nr. 3, 5, 7 and 9 BSIG). */
  kbvCoreMeasures: z.number().int(),
  /** The sentence on the dashboard: how many KBV parts are done and what the statute asks beyond them. */
  summary: explanationSchema,
  /** The measures where the KBV guideline helps only partly or not at all. */
  remaining: explanationSchema,
});
export type Nis2Coverage = z.infer<typeof nis2CoverageSchema>;

function coverageOf(measure: Nis2Measure, statusOf: (id: string) => KbvStatus): MeasureCoverage {
  const coveredBy = [...measure.kbvCore, ...measure.kbvPartial];
  const applicable = coveredBy.filter((id) => statusOf(id) !== 'not_applicable');
  const implementedCount = applicable.filter((id) => statusOf(id) === 'implemented').length;
  const coreApplicable = measure.kbvCore.filter((id) => statusOf(id) !== 'not_applicable');
  const kbvCoverage = measure.kbvCore.length > 0 ? 'core' : measure.kbvPartial.length > 0 ? 'partial' : 'none';
  return {
    measureId: measure.id,
    number: measure.number,
    legalBasis: measure.legalBasis,
    kbvCoverage,
    coveredBy,
    implementedCount,
    total: applicable.length,
    kbvPartDone: kbvCoverage === 'core' && coreApplicable.length > 0 && coreApplicable.every((id) => statusOf(id) === 'implemented'),
    beyondKbv: measure.beyondKbv,
  };
}

const numbers = (list: readonly MeasureCoverage[]) => list.map((m) => m.number).join(', ');

/**
 * How far an organisation's KBV implementation reaches into the ten measures of § 30(2) sentence 2 BSIG. A measure's
 * KBV part is done when it has KBV core requirements and every one of them that applies is implemented. That never
 * makes the measure itself fulfilled: where the statute lists more (crisis management in Nr. 3, secure procurement
 * and vulnerability handling in Nr. 5, asset management in Nr. 9), the summary names it. A requirement without a
 * status counts as open.
 */
export function nis2Coverage(statuses: ReadonlyMap<string, KbvStatus>): Nis2Coverage {
  const statusOf = (id: string): KbvStatus => statuses.get(id) ?? 'open';
  const measures = nis2Measures.map((measure) => coverageOf(measure, statusOf));
  const core = measures.filter((m) => m.kbvCoverage === 'core');
  const rest = measures.filter((m) => m.kbvCoverage !== 'core');
  const kbvPartDoneMeasures = measures.filter((m) => m.kbvPartDone).length;
  const totalMeasures = measures.length;
  const beyond = core.filter((m) => m.beyondKbv !== null);
  const beyondText = (locale: 'de' | 'en') => beyond.map((m) => `${m.beyondKbv?.[locale]} (Nr. ${m.number})`).join('; ');
  return {
    measures,
    kbvPartDoneMeasures,
    totalMeasures,
    kbvCoreMeasures: core.length,
    summary: {
      code: 'nis2.coverage_summary',
      params: { kbvPartDoneMeasures, kbvCoreMeasures: core.length, totalMeasures, coreNumbers: numbers(core), beyondNumbers: numbers(beyond) },
      de: `KBV-Anteil umgesetzt bei ${kbvPartDoneMeasures} von ${core.length} Maßnahmen, deren Kern die KBV-Richtlinie abdeckt (§ 30 Abs. 2 Satz 2 Nr. ${numbers(core)} BSIG). Auch mit umgesetztem KBV-Anteil fehlt dort noch: ${beyondText('de')}.`,
      en: `KBV part done for ${kbvPartDoneMeasures} of ${core.length} measures whose core the KBV guideline covers (§ 30(2) sentence 2 Nr. ${numbers(core)} BSIG). Even with the KBV part done, the statute still asks there for ${beyondText('en')}.`,
      legalBasis: ['§ 30 Abs. 2 Satz 2 BSIG'],
    },
    remaining: {
      code: 'nis2.coverage_remaining',
      params: { count: rest.length, numbers: numbers(rest) },
      de: `Bei den übrigen ${rest.length} Maßnahmen (Nr. ${numbers(rest)}) hilft die KBV-Richtlinie nur teilweise oder gar nicht; dafür verlangt NIS2 eigene Maßnahmen, z. B. Risikoanalyse, Lieferkette und Wirksamkeitsprüfung.`,
      en: `For the other ${rest.length} measures (Nr. ${numbers(rest)}) the KBV guideline helps only partly or not at all; NIS2 asks for measures of their own, e.g. risk analysis, supply chain and effectiveness reviews.`,
      legalBasis: ['§ 30 Abs. 2 Satz 2 BSIG'],
    },
  };
}
