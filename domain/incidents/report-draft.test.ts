import { describe, expect, it } from 'vitest';
import { authorityDraftKinds, buildReportDraft, type DraftInput } from './report-draft.ts';

const input: DraftInput = {
  organisation: { name: 'MVZ Nord GmbH', legalForm: 'mvz_gmbh', category: 'important' },
  reporter: { name: 'Anna Admin', email: 'anna@mvz-nord.de' },
  dataProtectionOfficer: null,
  incident: {
    number: 3,
    title: 'Ransomware am Empfang',
    description: 'Dateien verschlüsselt',
    noticedAt: new Date('2026-01-15T09:00:00Z'),
    systems: 'Empfang-PC',
    suspectedOrigin: 'ransomware',
    patientDataInvolved: true,
    locations: ['Hauptstandort'],
    significance: {
      severeDisruption: 'yes',
      financialLoss: 'unsure',
      considerableHarmToOthers: 'no',
      maliciousSuspected: true,
      crossBorderImpact: false,
      personalDataBreach: true,
      gdprRisk: 'high',
      encryptedWithUncompromisedKeys: false,
    },
    handlingCompletedAt: null,
  },
  measures: [{ at: new Date('2026-01-15T09:30:00Z'), text: 'Netzwerk getrennt' }],
  due: '2026-01-16T10:00:00.000+01:00',
  now: new Date('2026-01-15T10:00:00Z'),
};

describe('report drafts', () => {
  // § 32 Abs. 1 Nr. 1 BSIG: the early warning says whether a malicious act is suspected and whether cross-border impact is possible.
  it('puts the early-warning questions into the German draft, with Berlin times', () => {
    const draft = buildReportDraft('early_warning', input, 'de');
    expect(draft.title).toContain('§ 32 Abs. 1 Nr. 1 BSIG');
    expect(draft.text).toContain('Verdacht auf rechtswidrige oder böswillige Handlung: ja');
    expect(draft.text).toContain('Grenzüberschreitende Auswirkungen möglich: nein');
    expect(draft.text).toContain('Zeitpunkt der Kenntnisnahme: 15.01.2026, 10:00 Uhr');
    expect(draft.text).toContain('Fällig bis: 16.01.2026, 10:00 Uhr');
    expect(draft.text).toContain('wichtige Einrichtung');
  });

  it('marks missing information instead of leaving it empty', () => {
    const draft = buildReportDraft('gdpr_art33', input, 'de');
    expect(draft.text).toContain('Datenschutzbeauftragte/r: [ergänzen]');
    expect(draft.text).toContain('Risiko für die Betroffenen: hohes Risiko');
  });

  it.each(authorityDraftKinds)('builds the %s draft in both languages', (kind) => {
    const de = buildReportDraft(kind, input, 'de');
    const en = buildReportDraft(kind, input, 'en');
    expect(de).toMatchObject({ kind, form: 'report', notes: [] });
    expect(de.sections.length).toBeGreaterThan(1);
    expect(en.sections.length).toBe(de.sections.length);
    expect(en.text).not.toContain('[ergänzen]');
    expect(en.text).toContain('Ransomware am Empfang');
  });

  // § 2 Nr. 11 Buchst. a BSIG: "finanzielle Verluste" without "erheblich".
  it.each<['de' | 'en', string, string]>([
    ['de', 'Finanzielle Verluste: unklar, möglich', 'Erheblicher finanzieller Verlust'],
    ['en', 'Financial loss: unclear, possible', 'Considerable financial loss'],
  ])('names financial loss as the law does (%s)', (locale, expected, wrong) => {
    const draft = buildReportDraft('notification', input, locale);
    expect(draft.text).toContain(expected);
    expect(draft.text).not.toContain(wrong);
  });

  // § 38 Abs. 1 BSIG: management approves ("billigt") the measures and oversees their implementation.
  it.each(['notification', 'intermediate_report', 'progress_report', 'final_report'] as const)(
    'asks in the %s draft who in management approved the measures',
    (kind) => {
      expect(buildReportDraft(kind, input, 'de').text).toContain(
        'Von der Geschäftsleitung gebilligt (§ 38 Abs. 1 BSIG: Maßnahmen billigen und ihre Umsetzung überwachen)',
      );
      expect(buildReportDraft(kind, input, 'en').text).toContain(
        'Approved by management (§ 38(1) BSIG: approve the measures and oversee their implementation)',
      );
    },
  );

  it('lists the measures of the timeline in the final report', () => {
    const draft = buildReportDraft('final_report', input, 'en');
    expect(draft.text).toContain('Netzwerk getrennt');
    expect(draft.text).toContain('Type of threat / likely root cause: ransomware');
  });
});
