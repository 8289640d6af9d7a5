import type { Explanation } from '../kbv/explanation.ts';
import type { SignificanceAnswers } from './incident.schema.ts';

export interface SignificanceResult {
  significant: boolean;
  reasons: Explanation[];
}

const basis = ['§ 2 Nr. 11 BSIG', '§ 32 Abs. 1 BSIG'];

const criteria = [
  {
    key: 'severeDisruption',
    de: 'schwerwiegende Betriebsstörung (z. B. Behandlung nicht oder nur eingeschränkt möglich)',
    en: 'severe operational disruption (e.g. treatment impossible or restricted)',
  },
  // § 2 Nr. 11 Buchst. a BSIG names "finanzielle Verluste für die betreffende Einrichtung" without a qualifier; only the
  // damage to others in Buchst. b must be considerable.
  { key: 'financialLoss', de: 'finanzieller Verlust für die Praxis', en: 'financial loss for the practice' },
  {
    key: 'considerableHarmToOthers',
    de: 'erheblicher materieller oder immaterieller Schaden für Patientinnen, Patienten oder andere',
    en: 'considerable material or non-material damage to patients or others',
  },
] as const;

/**
 * Whether the § 32 BSIG clock runs: an incident is significant when it has caused or can cause severe disruption,
 * financial loss for the entity, or considerable damage to others (§ 2 Nr. 11 BSIG). An "unsure" counts as yes:
 * reporting on justified suspicion is expected, and a report that turns out unnecessary costs little.
 */
export function assessSignificance(answers: SignificanceAnswers): SignificanceResult {
  const reasons: Explanation[] = [];
  for (const criterion of criteria) {
    const answer = answers[criterion.key];
    if (answer === 'yes') {
      reasons.push({
        code: 'incident.significance_criterion_met',
        params: { criterion: criterion.key },
        de: `Erheblich, weil eingetreten oder möglich: ${criterion.de}.`,
        en: `Significant because it happened or may happen: ${criterion.en}.`,
        legalBasis: basis,
      });
    } else if (answer === 'unsure') {
      reasons.push({
        code: 'incident.significance_unsure',
        params: { criterion: criterion.key },
        de: `Unklar, ob ${criterion.de} droht. Im Zweifel gilt der Vorfall als erheblich: Die Meldung auf begründeten Verdacht ist vorgesehen.`,
        en: `Unclear whether ${criterion.en} may occur. When in doubt the incident counts as significant: reporting on justified suspicion is expected.`,
        legalBasis: basis,
      });
    }
  }
  const significant = reasons.length > 0;
  if (!significant) {
    reasons.push({
      code: 'incident.not_significant',
      params: {},
      de: 'Keine schwerwiegende Störung, kein finanzieller Verlust und kein erheblicher Schaden für andere: keine Meldepflicht nach § 32 BSIG. Dokumentieren Sie die Einschätzung und prüfen Sie sie neu, wenn sich die Lage ändert.',
      en: 'No severe disruption, no financial loss and no considerable damage to others: no reporting duty under § 32 BSIG. Record the assessment and revisit it when the situation changes.',
      legalBasis: basis,
    });
  }
  return { significant, reasons };
}
