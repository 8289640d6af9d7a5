import { collectLegalSources, type Explanation, type LegalSource } from './explanation.ts';
import type { KbvAnnex } from './requirement.ts';

export type PracticeSize = 'small' | 'medium' | 'large';

export const KBV_GUIDELINE_URL = 'https://www.kbv.de/documents/infothek/rechtsquellen/bekanntmachungen/richtlinien/IT-Sicherheitsrichtlinie_390_KBV.pdf';

export const kbvNorms = {
  sgb390: '§ 390 SGB V',
  sizes: 'KBV-IT-Sicherheitsrichtlinie (2025), Praxisgrößen',
  annex1: 'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1',
  annex2: 'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 2',
  annex3: 'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 3',
  annex4: 'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 4',
  annex5: 'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 5',
} as const;

export const kbvLegalSources: readonly LegalSource[] = [
  { citation: kbvNorms.sgb390, url: 'https://www.gesetze-im-internet.de/sgb_5/__390.html' },
  ...[kbvNorms.sizes, kbvNorms.annex1, kbvNorms.annex2, kbvNorms.annex3, kbvNorms.annex4, kbvNorms.annex5].map((citation) => ({
    citation,
    url: KBV_GUIDELINE_URL,
  })),
];

export function annexNorm(annex: KbvAnnex | number): string {
  return `KBV-IT-Sicherheitsrichtlinie (2025), Anlage ${annex}`;
}

/** Upper bounds of the size classes, in persons permanently handling data (heads, part-time included). */
export const SMALL_MAX_PERSONS = 5;
export const MEDIUM_MAX_PERSONS = 20;

export interface PracticeProfileInput {
  /** Persons permanently entrusted with data processing, counted as heads; part-time staff count fully. */
  personsHandlingData: number;
  /** Data processing beyond the normal data transmission of a practice (e.g. hospital-like MVZ, laboratory). */
  significantScaleProcessing: boolean;
  majorMedicalDevices: boolean;
  /** Takes part in contract medical care (vertragsärztliche Versorgung): only then is the guideline binding. */
  contractPractice: boolean;
}

export interface PracticeSizeResult {
  guidelineApplies: boolean;
  size: PracticeSize;
  annexes: KbvAnnex[];
  reasons: Explanation[];
  legalBasis: LegalSource[];
}

const annexesBySize: Record<PracticeSize, KbvAnnex[]> = {
  small: [1, 5],
  medium: [1, 2, 5],
  large: [1, 2, 3, 5],
};

const sizeNames: Record<PracticeSize, { de: string; en: string }> = {
  small: { de: 'Praxis (klein)', en: 'small practice' },
  medium: { de: 'mittlere Praxis', en: 'medium practice' },
  large: { de: 'Großpraxis', en: 'large practice' },
};

/**
 * KBV IT security guideline (§ 390 SGB V): size class and the annexes that apply. Up to 5 persons small, 6–20
 * medium, more than 20 large; significant-scale processing makes a practice large regardless of head count;
 * Anlage 4 is added whenever major medical devices are used.
 */
export function determinePracticeSize(input: PracticeProfileInput): PracticeSizeResult {
  const reasons: Explanation[] = [];
  const persons = input.personsHandlingData;

  if (input.contractPractice) {
    reasons.push({
      code: 'kbv.guideline_applies',
      params: {},
      de: 'Die Praxis nimmt an der vertragsärztlichen Versorgung teil. Die IT-Sicherheitsrichtlinie der KBV ist daher verbindlich.',
      en: 'The practice takes part in contract medical care (statutory health insurance), so the KBV IT security guideline is binding.',
      legalBasis: [kbvNorms.sgb390],
    });
  } else {
    reasons.push({
      code: 'kbv.guideline_voluntary',
      params: {},
      de: 'Die Praxis nimmt nicht an der vertragsärztlichen Versorgung teil. Die Richtlinie ist für sie nicht verbindlich; die Anlagen unten sind eine freiwillige Empfehlung (bewährte Praxis).',
      en: 'The practice does not take part in contract medical care, so the guideline is not binding on it; the annexes below are offered as voluntary best practice.',
      legalBasis: [kbvNorms.sgb390],
    });
  }

  let size: PracticeSize;
  if (input.significantScaleProcessing) {
    size = 'large';
    reasons.push({
      code: 'kbv.size_large_significant_scale',
      params: { personsHandlingData: persons },
      de: `Die Praxis verarbeitet Daten in erheblichem Umfang (mehr als die übliche Datenübermittlung einer Praxis). Sie gilt deshalb unabhängig von der Zahl der Personen (${persons}) als Großpraxis.`,
      en: `The practice processes data on a significant scale (beyond the usual data transmission of a practice), so it counts as a large practice whatever its head count (${persons}).`,
      legalBasis: [kbvNorms.sizes],
    });
  } else if (persons > MEDIUM_MAX_PERSONS) {
    size = 'large';
    reasons.push({
      code: 'kbv.size_large_persons',
      params: { personsHandlingData: persons, threshold: MEDIUM_MAX_PERSONS },
      de: `${persons} Personen arbeiten ständig mit Daten, also mehr als ${MEDIUM_MAX_PERSONS}: Großpraxis.`,
      en: `${persons} persons permanently handle data, more than ${MEDIUM_MAX_PERSONS}: large practice.`,
      legalBasis: [kbvNorms.sizes],
    });
  } else if (persons > SMALL_MAX_PERSONS) {
    size = 'medium';
    reasons.push({
      code: 'kbv.size_medium',
      params: { personsHandlingData: persons },
      de: `${persons} Personen arbeiten ständig mit Daten (6 bis 20): mittlere Praxis.`,
      en: `${persons} persons permanently handle data (6 to 20): medium practice.`,
      legalBasis: [kbvNorms.sizes],
    });
  } else {
    size = 'small';
    reasons.push({
      code: 'kbv.size_small',
      params: { personsHandlingData: persons },
      de: `${persons} Personen arbeiten ständig mit Daten (bis 5): Praxis (klein).`,
      en: `${persons} persons permanently handle data (up to 5): small practice.`,
      legalBasis: [kbvNorms.sizes],
    });
  }

  const annexes = [...annexesBySize[size]];
  reasons.push({
    code: 'kbv.annexes_for_size',
    params: { size, annexes: annexes.join(',') },
    de: `Für eine ${sizeNames[size].de} gelten die Anlagen ${annexes.join(', ')}. Anlage 5 betrifft die Komponenten der Telematikinfrastruktur.`,
    en: `A ${sizeNames[size].en} follows Annexes ${annexes.join(', ')}. Annex 5 covers the telematics infrastructure components.`,
    legalBasis: annexes.map(annexNorm),
  });
  if (input.majorMedicalDevices) {
    annexes.push(4);
    reasons.push({
      code: 'kbv.annex_major_medical_devices',
      params: {},
      de: 'Die Praxis nutzt medizinische Großgeräte (z. B. CT, MRT): Anlage 4 kommt hinzu, unabhängig von der Größe.',
      en: 'The practice uses major medical devices (e.g. CT, MRI): Annex 4 is added, whatever its size.',
      legalBasis: [kbvNorms.annex4],
    });
  }
  annexes.sort((a, b) => a - b);

  return {
    guidelineApplies: input.contractPractice,
    size,
    annexes,
    reasons,
    legalBasis: collectLegalSources(reasons, kbvLegalSources),
  };
}
