import type { Explanation } from '../kbv/explanation.ts';
import { nis2Measures, type Nis2Measure } from './measures.data.ts';

export type KbvStatus = 'open' | 'in_progress' | 'implemented' | 'not_applicable';

export interface MeasureCoverage {
  measureId: string;
  legalBasis: string;
  /** 'full': at least one KBV requirement implements the measure's core; 'partial': KBV only helps; 'none': no counterpart. */
  kbvCoverage: 'full' | 'partial' | 'none';
  /** All mapped KBV requirement ids, full ones first. */
  coveredBy: string[];
  /** Mapped requirements implemented, out of those not marked not_applicable. */
  implementedCount: number;
  total: number;
  covered: boolean;
}

export interface Nis2Coverage {
  measures: MeasureCoverage[];
  coveredMeasures: number;
  totalMeasures: number;
  /** How many measures the KBV guideline can cover at all (those with a full mapping). */
  coverableMeasures: number;
  summary: Explanation;
}

function coverageOf(measure: Nis2Measure, statusOf: (id: string) => KbvStatus): MeasureCoverage {
  const coveredBy = [...measure.kbvFull, ...measure.kbvPartial];
  const applicable = coveredBy.filter((id) => statusOf(id) !== 'not_applicable');
  const implementedCount = applicable.filter((id) => statusOf(id) === 'implemented').length;
  const fullApplicable = measure.kbvFull.filter((id) => statusOf(id) !== 'not_applicable');
  const kbvCoverage = measure.kbvFull.length > 0 ? 'full' : measure.kbvPartial.length > 0 ? 'partial' : 'none';
  return {
    measureId: measure.id,
    legalBasis: measure.legalBasis,
    kbvCoverage,
    coveredBy,
    implementedCount,
    total: applicable.length,
    covered: kbvCoverage === 'full' && fullApplicable.length > 0 && fullApplicable.every((id) => statusOf(id) === 'implemented'),
  };
}

/**
 * How far an organisation's KBV implementation covers the ten measures of § 30(2) BSIG. A measure counts as covered
 * when it has a full KBV counterpart and every fully mapping requirement that applies is implemented; partial
 * counterparts are counted but never make a measure covered. A requirement without a status counts as open.
 */
export function nis2Coverage(statuses: ReadonlyMap<string, KbvStatus>): Nis2Coverage {
  const statusOf = (id: string): KbvStatus => statuses.get(id) ?? 'open';
  const measures = nis2Measures.map((measure) => coverageOf(measure, statusOf));
  const coveredMeasures = measures.filter((m) => m.covered).length;
  const totalMeasures = measures.length;
  const coverableMeasures = measures.filter((m) => m.kbvCoverage === 'full').length;
  return {
    measures,
    coveredMeasures,
    totalMeasures,
    coverableMeasures,
    summary: {
      code: 'nis2.coverage_summary',
      params: { coveredMeasures, totalMeasures, coverableMeasures },
      de: `Ihre KBV-Umsetzung deckt ${coveredMeasures} von ${totalMeasures} Maßnahmen nach § 30 BSIG ab. Mit der KBV-Richtlinie allein lassen sich höchstens ${coverableMeasures} abdecken; für die übrigen verlangt NIS2 mehr.`,
      en: `Your KBV implementation covers ${coveredMeasures} of ${totalMeasures} measures under § 30 BSIG. The KBV guideline alone can cover at most ${coverableMeasures}; NIS2 asks for more on the rest.`,
      legalBasis: ['§ 30 Abs. 2 BSIG'],
    },
  };
}
