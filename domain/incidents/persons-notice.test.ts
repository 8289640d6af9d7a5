import { describe, expect, it } from 'vitest';
import {
  breachEffects,
  buildPersonsNotice,
  type PersonsNoticeFacts,
  personsNoticeHintNorms,
  personsNoticeHintsFor,
  personsNoticeOffered,
  type Say,
  selfHelpAdvice,
} from './persons-notice.ts';
import type { DraftInput } from './report-draft.ts';

/** Stands in for the locale files: the key, and the values it was given. The server tests read the real texts. */
const say: Say = (key, values) => (values ? `${key}(${Object.values(values).join('|')})` : key);

const answers = (gdprRisk: 'none' | 'unlikely' | 'risk' | 'high', encryptedWithUncompromisedKeys = false) => ({
  personalDataBreach: true,
  gdprRisk,
  encryptedWithUncompromisedKeys,
});

const input: DraftInput = {
  organisation: { name: 'Hausarztpraxis Dr. Sommer', legalForm: 'single_practice', category: null },
  reporter: { name: 'Anna Admin', email: 'anna@praxis-sommer.de' },
  dataProtectionOfficer: { name: 'Dr. Lena Datenschutz', email: 'dsb@praxis-sommer.de' },
  incident: {
    number: 7,
    title: 'Erpressungstrojaner am Empfang',
    description: 'Befund von Erika Mustermann lag offen auf dem Bildschirm',
    noticedAt: new Date('2026-01-15T09:00:00Z'),
    systems: 'Praxisverwaltungssystem, Empfangs-PC',
    suspectedOrigin: 'ransomware',
    patientDataInvolved: true,
    locations: ['Hauptpraxis'],
    significance: {
      severeDisruption: 'yes',
      financialLoss: 'unsure',
      considerableHarmToOthers: 'unsure',
      maliciousSuspected: true,
      crossBorderImpact: false,
      ...answers('high'),
    },
    handlingCompletedAt: null,
  },
  measures: [{ at: new Date('2026-01-15T09:30:00Z'), text: 'Netzwerk getrennt' }],
  authorityInformedAt: new Date('2026-01-16T08:00:00Z'),
  practiceContact: { email: 'info@praxis-sommer.de', phone: '030 1234567' },
  due: null,
  now: new Date('2026-01-16T10:00:00Z'),
};

describe('the letter to the persons concerned (Art. 34 DSGVO)', () => {
  // Art. 34 Abs. 1 DSGVO applies to a "Verletzung des Schutzes personenbezogener Daten" (Art. 4 Nr. 12 DSGVO): the
  // assessment's answer decides once there is one, the report's answer on patient data before.
  it.each<[string, PersonsNoticeFacts, boolean]>([
    ['reported with patient data, not assessed', { patientDataInvolved: true, significance: null, handlingCompletedAt: null }, true],
    ['reported without patient data, not assessed', { patientDataInvolved: false, significance: null, handlingCompletedAt: null }, false],
    ['assessed as a personal-data breach', { patientDataInvolved: false, significance: answers('high'), handlingCompletedAt: null }, true],
    [
      'assessed as no personal-data breach',
      { patientDataInvolved: true, significance: { ...answers('none'), personalDataBreach: false }, handlingCompletedAt: null },
      false,
    ],
  ])('offers the letter: %s → %s', (_, facts, offered) => {
    expect(personsNoticeOffered(facts)).toBe(offered);
  });

  // Art. 34 Abs. 1 (only at a high risk) and Abs. 3 lit. a (encrypted, key safe) and lit. b (later measures remove
  // the high risk) DSGVO: the draft names each exception that may apply; the practice decides.
  it.each<[string, PersonsNoticeFacts, string[]]>([
    ['high risk, data in clear, handling ongoing', { patientDataInvolved: true, significance: answers('high'), handlingCompletedAt: null }, []],
    ['not assessed yet', { patientDataInvolved: true, significance: null, handlingCompletedAt: null }, ['not_assessed']],
    ['a risk, but not a high one', { patientDataInvolved: true, significance: answers('risk'), handlingCompletedAt: null }, ['risk_not_high']],
    ['high risk, data encrypted', { patientDataInvolved: true, significance: answers('high', true), handlingCompletedAt: null }, ['encrypted']],
    [
      'unlikely risk, data encrypted',
      { patientDataInvolved: true, significance: answers('unlikely', true), handlingCompletedAt: null },
      ['risk_not_high', 'encrypted'],
    ],
    ['high risk, handling completed', { patientDataInvolved: true, significance: answers('high'), handlingCompletedAt: '2026-01-20T10:00:00Z' }, ['handled']],
  ])('notes for the practice: %s → %j', (_, facts, hints) => {
    expect(personsNoticeHintsFor(facts)).toEqual(hints);
  });

  it('cites the rule of each exception', () => {
    expect(personsNoticeHintNorms).toEqual({
      not_assessed: 'Art. 34 Abs. 1 DSGVO',
      risk_not_high: 'Art. 34 Abs. 1 DSGVO',
      encrypted: 'Art. 34 Abs. 3 lit. a DSGVO',
      handled: 'Art. 34 Abs. 3 lit. b DSGVO',
    });
  });

  // Art. 34 Abs. 2 with Art. 33 Abs. 3 lit. c DSGVO: the likely consequences, and what the reader can do about them.
  it.each<[string, string[], string[]]>([
    ['ransomware', ['disclosure', 'unavailable'], ['suspicious_contact', 'passwords', 'statements', 'ask_results', 'tell_us']],
    ['outage', ['unavailable'], ['ask_results', 'tell_us']],
    ['lost_device', ['disclosure'], ['suspicious_contact', 'passwords', 'statements', 'tell_us']],
    ['phishing', ['disclosure'], ['suspicious_contact', 'passwords', 'statements', 'tell_us']],
    ['something new', ['disclosure'], ['suspicious_contact', 'passwords', 'statements', 'tell_us']],
  ])('a breach by %s: consequences %j, advice %j', (origin, effects, advice) => {
    expect(breachEffects(origin)).toEqual(effects);
    expect(selfHelpAdvice(breachEffects(origin))).toEqual(advice);
  });

  it('writes a letter from the incident: what happened, consequences, measures, advice, the DPO as contact', () => {
    const letter = buildPersonsNotice(input, 'de', say);
    expect(letter).toMatchObject({ kind: 'gdpr_art34', form: 'letter', due: null, recipient: 'recipient', title: 'title' });
    const parts = letter.sections.flatMap((s) => [s.heading, ...(s.paragraphs ?? []), ...(s.items ?? [])]).filter(Boolean);
    expect(parts).toEqual([
      'salutation',
      'intro',
      'happened.heading',
      'happened.ransomware(15.01.2026)',
      'happened.systems(Praxisverwaltungssystem, Empfangs-PC)',
      'consequences.heading',
      'consequences.disclosure',
      'consequences.unavailable',
      'measures.heading',
      'measures.intro',
      'Netzwerk getrennt',
      'measures.authority(16.01.2026)',
      'yourself.heading',
      'yourself.suspicious_contact',
      'yourself.passwords',
      'yourself.statements',
      'yourself.ask_results',
      'yourself.tell_us',
      'contact.heading',
      'contact.dpo(Dr. Lena Datenschutz|dsb@praxis-sommer.de)',
      'closing.regret',
      'closing.greeting',
    ]);
    expect(letter.signature).toEqual({ role: 'signature', name: 'Hausarztpraxis Dr. Sommer' });
    expect(letter.notes).toEqual(['notes.forPractice(7|Erpressungstrojaner am Empfang)']);
    expect(letter.text.split('\n')).toEqual(expect.arrayContaining(['title', 'salutation', '– Netzwerk getrennt', 'Hausarztpraxis Dr. Sommer']));
  });

  it('leaves the free description out, which may hold personal data, and keeps the notes out of the letter text', () => {
    const letter = buildPersonsNotice(input, 'de', say);
    expect(JSON.stringify(letter)).not.toContain('Mustermann');
    expect(letter.text).not.toContain('notes.');
  });

  it('writes dates the English way in English', () => {
    const parts = buildPersonsNotice(input, 'en', say).sections.flatMap((s) => s.paragraphs ?? []);
    expect(parts).toContain('happened.ransomware(15 January 2026)');
  });

  it.each<[string, Partial<DraftInput>, string]>([
    ['the practice when there is no DPO', { dataProtectionOfficer: null }, 'contact.practice(030 1234567, info@praxis-sommer.de)'],
    ['a gap when nobody is known', { dataProtectionOfficer: null, practiceContact: null }, 'contact.practice(fill)'],
  ])('names %s as the contact point (Art. 33 Abs. 3 lit. b DSGVO)', (_, change, contact) => {
    const letter = buildPersonsNotice({ ...input, ...change }, 'de', say);
    expect(letter.sections.flatMap((s) => s.paragraphs ?? [])).toContain(contact);
  });

  it('marks missing measures as a gap and adds the exceptions that may apply', () => {
    const handled = new Date('2026-01-20T10:00:00Z');
    const letter = buildPersonsNotice(
      {
        ...input,
        measures: [],
        authorityInformedAt: null,
        incident: {
          ...input.incident,
          systems: ' ',
          handlingCompletedAt: handled,
          significance: { ...input.incident.significance!, encryptedWithUncompromisedKeys: true },
        },
      },
      'de',
      say,
    );
    expect(letter.sections.find((s) => s.heading === 'measures.heading')?.items).toEqual(['fill']);
    expect(letter.sections.flatMap((s) => s.paragraphs ?? []).some((p) => p.startsWith('happened.systems'))).toBe(false);
    expect(letter.notes.slice(1)).toEqual(['notes.encrypted', 'notes.handled']);
  });
});
