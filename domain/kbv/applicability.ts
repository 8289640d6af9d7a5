import type { Explanation } from './explanation.ts';
import { annexNorm, kbvNorms } from './practice-size.ts';
import { type KbvRequirement, type TargetObject, targetObjectLabels } from './requirement.ts';
import { kbvGuidelineVersions } from './start-date.ts';

export interface OrganisationProfile {
  guidelineApplies: boolean;
  annexes: readonly number[];
  /**
   * Which target objects exist. A flag left out counts as present: a requirement is only dropped when the practice
   * has said it lacks the object, never because nobody answered.
   */
  targetObjects?: Partial<Record<TargetObject, boolean>>;
}

export interface RequirementApplicability {
  requirementId: string;
  applicable: boolean;
  /** Applicable, the guideline binds the practice, and the requirement's start date has been reached. */
  mandatory: boolean;
  effectiveFrom: string;
  reason: Explanation;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const berlinDates = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Germany at an instant: the KBV start dates are German calendar days. */
export function berlinDate(instant: Date): string {
  return berlinDates.format(instant);
}

function formatDate(date: string, locale: 'de' | 'en'): string {
  if (locale === 'en') return date;
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/**
 * Whether one KBV requirement applies to an organisation and whether it is binding on `today` (a German calendar
 * date, YYYY-MM-DD; see berlinDate). Annex, target objects and start date as in the KBV guideline (§ 390 SGB V).
 */
export function assessRequirement(requirement: KbvRequirement, profile: OrganisationProfile, today: string): RequirementApplicability {
  if (!isoDate.test(today)) throw new Error(`today must be a calendar date YYYY-MM-DD, got "${today}"`);
  const base = { requirementId: requirement.id, effectiveFrom: requirement.effectiveFrom };
  const annex = annexNorm(requirement.annex);

  if (!profile.annexes.includes(requirement.annex)) {
    return {
      ...base,
      applicable: false,
      mandatory: false,
      reason: {
        code: 'kbv.requirement_annex_not_applicable',
        params: { annex: requirement.annex },
        de: `Anlage ${requirement.annex} gilt für diese Praxis nicht (Praxisgröße bzw. keine medizinischen Großgeräte).`,
        en: `Annex ${requirement.annex} does not apply to this practice (practice size, or no major medical devices).`,
        legalBasis: [kbvNorms.sizes, annex],
      },
    };
  }

  const missing = requirement.appliesIf.find((flag) => profile.targetObjects?.[flag] === false);
  if (missing) {
    const label = targetObjectLabels[missing];
    return {
      ...base,
      applicable: false,
      mandatory: false,
      reason: {
        code: 'kbv.requirement_target_object_absent',
        params: { targetObject: missing },
        de: `Die Anforderung betrifft ${label.de}; die Praxis hat angegeben, so etwas nicht zu nutzen. Sie greift daher nicht.`,
        en: `The requirement concerns ${label.en}; the practice has stated it has none, so it does not apply.`,
        legalBasis: [annex],
      },
    };
  }

  if (!profile.guidelineApplies) {
    return {
      ...base,
      applicable: true,
      mandatory: false,
      reason: {
        code: 'kbv.requirement_voluntary',
        params: {},
        de: 'Die Richtlinie ist für diese Praxis nicht verbindlich (keine vertragsärztliche Versorgung); die Anforderung wird als freiwillige Empfehlung gezeigt.',
        en: 'The guideline does not bind this practice (no contract medical care); the requirement is shown as a voluntary recommendation.',
        legalBasis: [kbvNorms.sgb390, annex],
      },
    };
  }

  // ISO calendar dates compare correctly as strings.
  if (today < requirement.effectiveFrom) {
    return {
      ...base,
      applicable: true,
      mandatory: false,
      reason: {
        code: 'kbv.requirement_not_yet_effective',
        params: { effectiveFrom: requirement.effectiveFrom },
        de: `Die Anforderung gilt für diese Praxis, ist aber erst ab dem ${formatDate(requirement.effectiveFrom, 'de')} verbindlich.`,
        en: `The requirement applies to this practice but is binding only from ${formatDate(requirement.effectiveFrom, 'en')}.`,
        legalBasis: [annex],
      },
    };
  }

  return {
    ...base,
    applicable: true,
    mandatory: true,
    reason: requirement.newIn2025
      ? {
          code: 'kbv.requirement_mandatory',
          params: { effectiveFrom: requirement.effectiveFrom, carriedOver: false },
          de: `Die Anforderung gilt für diese Praxis. Sie ist mit der Fassung 2025 neu hinzugekommen und seit dem ${formatDate(requirement.effectiveFrom, 'de')} verbindlich.`,
          en: `The requirement applies to this practice. It was added by the 2025 revision and has been binding since ${formatDate(requirement.effectiveFrom, 'en')}.`,
          legalBasis: [kbvNorms.sgb390, annex],
        }
      : {
          // Carried over from the 2021 version (§ 75b SGB V a. F.): binding since then, revised text since 2025-04-01.
          code: 'kbv.requirement_mandatory',
          params: { effectiveFrom: requirement.effectiveFrom, carriedOver: true, firstYear: kbvGuidelineVersions.first.year },
          de: `Die Anforderung gilt für diese Praxis. Sie ist seit ${kbvGuidelineVersions.first.year} verbindlich, in der überarbeiteten Fassung seit dem ${formatDate(requirement.effectiveFrom, 'de')}.`,
          en: `The requirement applies to this practice. It has been binding since ${kbvGuidelineVersions.first.year}, in its revised wording since ${formatDate(requirement.effectiveFrom, 'en')}.`,
          legalBasis: [kbvNorms.sgb390, annex],
        },
  };
}
