import { DateTime } from 'luxon';
import { LEGAL_ZONE } from './deadlines.ts';
import type { SignificanceAnswers, suspectedOrigins } from './incident.schema.ts';
import type { Draft, DraftInput, DraftSection, Locale } from './report-draft.ts';

/**
 * The letter to the persons concerned by a personal-data breach (Art. 34 DSGVO): in clear and plain language, the
 * nature of the breach, a contact (the data protection officer or another contact point), the likely consequences,
 * the measures taken, and what the reader can do. The rules here decide what the letter says; its words live in the
 * locale files under reportDraft.art34 and arrive through `say`, so German and English read from one place.
 */

/** A text of reportDraft.art34 in the reader's language, its {{placeholders}} filled. */
export type Say = (key: string, values?: Record<string, string | number>) => string;

export interface PersonsNoticeFacts {
  patientDataInvolved: boolean;
  significance: Pick<SignificanceAnswers, 'personalDataBreach' | 'gdprRisk' | 'encryptedWithUncompromisedKeys'> | null;
  handlingCompletedAt: Date | string | null;
}

/**
 * Art. 34 Abs. 1 DSGVO concerns personal-data breaches only: the letter is offered when the assessment found one
 * (Art. 4 Nr. 12 DSGVO), and before any assessment when the report said patient data are involved.
 */
export function personsNoticeOffered(facts: PersonsNoticeFacts): boolean {
  return facts.significance ? facts.significance.personalDataBreach : facts.patientDataInvolved;
}

/** Reasons the letter may not be required. The practice decides; the draft says so and names the rule. */
export const personsNoticeHints = ['not_assessed', 'risk_not_high', 'encrypted', 'handled'] as const;
export type PersonsNoticeHint = (typeof personsNoticeHints)[number];

export const personsNoticeHintNorms: Record<PersonsNoticeHint, string> = {
  not_assessed: 'Art. 34 Abs. 1 DSGVO',
  risk_not_high: 'Art. 34 Abs. 1 DSGVO',
  encrypted: 'Art. 34 Abs. 3 lit. a DSGVO',
  handled: 'Art. 34 Abs. 3 lit. b DSGVO',
};

/**
 * Which exceptions may apply: the duty exists only at a high risk (Art. 34 Abs. 1); not when the data were encrypted
 * and the key is safe (Abs. 3 lit. a); not when later measures make the high risk unlikely to materialise (lit. b),
 * which a completed handling may have achieved.
 */
export function personsNoticeHintsFor(facts: PersonsNoticeFacts): PersonsNoticeHint[] {
  const hints: PersonsNoticeHint[] = [];
  const answers = facts.significance;
  if (!answers) hints.push('not_assessed');
  else if (answers.gdprRisk !== 'high') hints.push('risk_not_high');
  if (answers?.encryptedWithUncompromisedKeys) hints.push('encrypted');
  if (facts.handlingCompletedAt) hints.push('handled');
  return hints;
}

type Origin = (typeof suspectedOrigins)[number];
/** What a breach of this origin can mean for the reader: data seen by others, or data out of reach for a while. */
export type BreachEffect = 'disclosure' | 'unavailable';

const effectsByOrigin: Record<Origin, BreachEffect[]> = {
  unknown: ['disclosure'],
  phishing: ['disclosure'],
  malware: ['disclosure'],
  ransomware: ['disclosure', 'unavailable'],
  attack: ['disclosure'],
  lost_device: ['disclosure'],
  human_error: ['disclosure'],
  outage: ['unavailable'],
  supplier: ['disclosure'],
  other: ['disclosure'],
};

/** The likely consequences (Art. 33 Abs. 3 lit. c DSGVO, via Art. 34 Abs. 2): an unknown origin is treated as disclosure. */
export function breachEffects(origin: string): BreachEffect[] {
  return effectsByOrigin[origin as Origin] ?? effectsByOrigin.unknown;
}

/** What the reader can do: watch for fraud after a disclosure, ask for results after an outage, and tell the practice. */
export function selfHelpAdvice(effects: BreachEffect[]): string[] {
  const advice: string[] = [];
  if (effects.includes('disclosure')) advice.push('suspicious_contact', 'passwords', 'statements');
  if (effects.includes('unavailable')) advice.push('ask_results');
  advice.push('tell_us');
  return advice;
}

function day(date: Date, locale: Locale): string {
  const at = DateTime.fromJSDate(date).setZone(LEGAL_ZONE);
  return locale === 'de' ? at.toFormat('dd.MM.yyyy') : at.setLocale('en-GB').toFormat('d MMMM yyyy');
}

function contactLine(input: DraftInput, say: Say): string {
  const dpo = input.dataProtectionOfficer;
  if (dpo) return say('contact.dpo', { name: dpo.name, email: dpo.email });
  const practice = [input.practiceContact?.phone ?? '', input.practiceContact?.email ?? ''].filter((v) => v.trim());
  return say('contact.practice', { contact: practice.join(', ') || say('fill') });
}

function letterSections(input: DraftInput, locale: Locale, say: Say): DraftSection[] {
  const { incident } = input;
  const effects = breachEffects(incident.suspectedOrigin);
  const origin = effectsByOrigin[incident.suspectedOrigin as Origin] ? incident.suspectedOrigin : 'unknown';
  const happened = [say(`happened.${origin}`, { date: day(incident.noticedAt, locale) })];
  if (incident.systems.trim()) happened.push(say('happened.systems', { systems: incident.systems.trim() }));
  const measures = input.measures.map((m) => m.text);
  if (input.authorityInformedAt) measures.push(say('measures.authority', { date: day(input.authorityInformedAt, locale) }));
  const section = (heading: string, parts: Omit<DraftSection, 'heading' | 'fields'>): DraftSection => ({ heading, fields: [], ...parts });
  return [
    section('', { paragraphs: [say('salutation'), say('intro')] }),
    section(say('happened.heading'), { paragraphs: happened }),
    section(say('consequences.heading'), { paragraphs: effects.map((effect) => say(`consequences.${effect}`)) }),
    section(say('measures.heading'), {
      paragraphs: [say('measures.intro')],
      items: measures.length ? measures : [say('fill')],
    }),
    section(say('yourself.heading'), { items: selfHelpAdvice(effects).map((key) => say(`yourself.${key}`)) }),
    section(say('contact.heading'), { paragraphs: [contactLine(input, say)] }),
    section('', { paragraphs: [say('closing.regret'), say('closing.greeting')] }),
  ];
}

/** The letter as plain text for the clipboard: subject, body, and who signs; no hints for the practice. */
function letterText(title: string, sections: DraftSection[], signedBy: string): string {
  const lines = [title, ''];
  for (const s of sections) {
    if (s.heading) lines.push(s.heading);
    lines.push(...(s.paragraphs ?? []), ...(s.items ?? []).map((item) => `– ${item}`), '');
  }
  lines.push(signedBy);
  return lines.join('\n');
}

/**
 * The draft of the letter to the persons concerned, filled from the incident. It names no patient: the salutation is
 * general, and the incident's free description (which may hold personal data) stays out; the facts come from the
 * structured fields (when, how, which systems) and the measures of the timeline. Hints for the practice say when an
 * exception of Art. 34 Abs. 3 may apply.
 */
export function buildPersonsNotice(input: DraftInput, locale: Locale, say: Say): Draft {
  const sections = letterSections(input, locale, say);
  const title = say('title');
  const facts: PersonsNoticeFacts = {
    patientDataInvolved: input.incident.patientDataInvolved,
    significance: input.incident.significance,
    handlingCompletedAt: input.incident.handlingCompletedAt,
  };
  const notes = [
    say('notes.forPractice', { number: input.incident.number, title: input.incident.title }),
    ...personsNoticeHintsFor(facts).map((hint) => say(`notes.${hint}`)),
  ];
  const signature = { role: say('signature'), name: input.organisation.name };
  return {
    kind: 'gdpr_art34',
    form: 'letter',
    title,
    recipient: say('recipient'),
    due: null,
    notes,
    sections,
    signature,
    text: letterText(title, sections, signature.name),
  };
}
