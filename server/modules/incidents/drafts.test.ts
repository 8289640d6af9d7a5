import { describe, expect, it } from 'vitest';
import { unfinishedSpots } from '../../../domain/documents/document-model.ts';
import { buildPersonsNotice } from '../../../domain/incidents/persons-notice.ts';
import { authorityDraftKinds, buildReportDraft, type Draft, type DraftInput, draftKinds, type Locale } from '../../../domain/incidents/report-draft.ts';
import { documentHeaders, renderDocument } from '../../documents/render.ts';
import { t } from '../../i18n/texts.ts';
import { docxParagraphs } from '../../test/docx-text.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { draftDocument, draftFileStem, draftFooter } from './drafts.ts';

const input: DraftInput = {
  organisation: { name: 'Hausarztpraxis Dr. Sommer', legalForm: 'single_practice', category: 'important' },
  reporter: { name: 'Anna Admin', email: 'anna@praxis-sommer.de' },
  dataProtectionOfficer: { name: 'Dr. Lena Datenschutz', email: 'dsb@sommer.de' },
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
      personalDataBreach: true,
      gdprRisk: 'high',
      encryptedWithUncompromisedKeys: false,
    },
    handlingCompletedAt: null,
  },
  measures: [{ at: new Date('2026-01-15T09:30:00Z'), text: 'Netzwerk getrennt, IT-Dienstleister gerufen' }],
  authorityInformedAt: new Date('2026-01-16T08:00:00Z'),
  practiceContact: null,
  intermediateRequest: null,
  due: '2026-01-16T10:00:00.000+01:00',
  now: new Date('2026-01-16T10:00:00Z'),
};

const now = new Date('2026-01-16T10:00:00Z');
const letterOf = (locale: Locale, change: Partial<DraftInput> = {}) =>
  buildPersonsNotice({ ...input, ...change }, locale, (key, values) => t(locale, `reportDraft.art34.${key}`, values));
const documentOf = (draft: Draft, locale: Locale) => draftDocument(draft, { organisation: input.organisation.name, locale, now });

/** What a reader finds in both files of one document: the PDF's text and the Word file's body. */
async function readBoth(draft: Draft, locale: Locale) {
  const model = documentOf(draft, locale);
  const pdf = pdfText(await renderDocument(model, 'pdf'));
  const { body, footers } = await docxParagraphs(await renderDocument(model, 'docx'));
  return { model, pdf: pdf.replace(/\s+/g, ' '), docx: body.join('\n'), footers: footers.join('\n') };
}

describe('draft file names in the reader language', () => {
  it.each([
    ['de', 'early_warning', 'pdf', 'praxisschild-vorfall-3-fruehe-erstmeldung.pdf'],
    ['en', 'early_warning', 'pdf', 'praxisschild-incident-3-early-warning.pdf'],
    ['de', 'gdpr_art33', 'docx', 'praxisschild-vorfall-3-meldung-datenschutzaufsicht.docx'],
    ['de', 'gdpr_art34', 'pdf', 'praxisschild-vorfall-3-benachrichtigung-betroffene.pdf'],
    ['en', 'gdpr_art34', 'docx', 'praxisschild-incident-3-notice-to-persons-concerned.docx'],
    ['en', 'final_report', 'docx', 'praxisschild-incident-3-final-report.docx'],
  ] as const)('%s %s as %s: %s', (locale, kind, format, name) => {
    expect(documentHeaders(format, draftFileStem(locale, kind, 3))['content-disposition']).toBe(`attachment; filename="${name}"`);
  });

  it.each(draftKinds.flatMap((kind) => (['de', 'en'] as const).map((locale) => [kind, locale] as const)))(
    'names %s in %s with ASCII letters only',
    (kind, locale) => {
      expect(draftFileStem(locale, kind, 12)).toMatch(/^praxisschild-[a-z]+-12-[a-z0-9-]+$/);
    },
  );

  it('has the footers in both languages', () => {
    expect(draftFooter('de')).toMatch(/^Entwurf aus praxisschild/);
    expect(draftFooter('en')).toMatch(/^Draft from praxisschild/);
    expect(draftFooter('de', 'letter')).toContain('Art. 34 DSGVO');
    expect(draftFooter('en', 'letter')).toContain('Art. 34 GDPR');
  });
});

describe('report drafts on the documents kit', () => {
  it.each(authorityDraftKinds.flatMap((kind) => (['de', 'en'] as const).map((locale) => [kind, locale] as const)))(
    'renders the %s draft in %s to PDF and Word with the same contents',
    async (kind, locale) => {
      const draft = buildReportDraft(kind, input, locale);
      const { model, pdf, docx, footers } = await readBoth(draft, locale);
      expect(model).toMatchObject({ title: draft.title, organisation: 'Hausarztpraxis Dr. Sommer', versionLabel: locale === 'de' ? 'Entwurf' : 'Draft' });
      const field = draft.sections[1]!.fields[0]!;
      for (const text of [draft.title, 'Hausarztpraxis Dr. Sommer', draft.sections[0]!.heading, field.label, field.value]) {
        expect(pdf).toContain(text);
        expect(docx).toContain(text);
      }
      expect(pdf).toContain(locale === 'de' ? 'An: ' : 'To: ');
      expect(pdf).toContain(locale === 'de' ? 'Seite 1 von' : 'Page 1 of');
      expect(footers).toContain(locale === 'de' ? 'Entwurf · Seite' : 'Draft · Page');
      expect(docx).toContain(draftFooter(locale));
    },
  );

  it('puts the deadline under the title and the measures with their approval into the notification', async () => {
    const { pdf, docx } = await readBoth(buildReportDraft('notification', input, 'de'), 'de');
    for (const text of ['Fällig bis: 16.01.2026, 10:00 Uhr', 'Netzwerk getrennt, IT-Dienstleister gerufen', 'Von der Geschäftsleitung gebilligt']) {
      expect(pdf).toContain(text);
      expect(docx).toContain(text);
    }
  });
});

describe('the Art. 34 letter on the documents kit', () => {
  it.each([
    [
      'de',
      [
        'Information über einen Datenschutzvorfall in unserer Praxis',
        'Sehr geehrte Patientin, sehr geehrter Patient,',
        'Am 15.01.2026 haben wir bemerkt',
        'Erpressungstrojaner',
        'Praxisverwaltungssystem, Empfangs-PC',
        'Netzwerk getrennt, IT-Dienstleister gerufen',
        'Wir haben den Vorfall am 16.01.2026 der zuständigen Datenschutzaufsichtsbehörde gemeldet.',
        'Passwort',
        'Dr. Lena Datenschutz, dsb@sommer.de',
        'Mit freundlichen Grüßen',
        'Praxisleitung',
        'Zu versenden: unverzüglich',
      ],
    ],
    [
      'en',
      [
        'Information about a data breach at our practice',
        'Dear patient,',
        'On 15 January 2026 we noticed',
        'ransomware',
        'Praxisverwaltungssystem, Empfangs-PC',
        'Netzwerk getrennt, IT-Dienstleister gerufen',
        'On 16 January 2026 we reported the incident to the competent data protection supervisory authority.',
        'password',
        'Dr. Lena Datenschutz, dsb@sommer.de',
        'Kind regards',
        'Practice management',
        'To be sent: without undue delay',
      ],
    ],
  ] as const)('writes the letter in %s, naming the incident’s facts, in both formats and without a gap', async (locale, expected) => {
    const letter = letterOf(locale);
    const { model, pdf, docx } = await readBoth(letter, locale);
    for (const text of [...expected, 'Hausarztpraxis Dr. Sommer']) {
      expect(pdf).toContain(text);
      expect(docx).toContain(text);
    }
    expect(unfinishedSpots(model)).toEqual([]);
    expect(`${pdf}\n${docx}`).not.toContain('{{');
    expect(`${pdf}\n${docx}`).not.toContain('Mustermann');
  });

  it('says when an exception of Art. 34 Abs. 3 DSGVO may spare the letter', async () => {
    const encrypted = letterOf('de', {
      incident: { ...input.incident, significance: { ...input.incident.significance!, encryptedWithUncompromisedKeys: true } },
    });
    const { model, pdf, docx } = await readBoth(encrypted, 'de');
    expect(model.blocks.filter((b) => b.kind === 'paragraph' && b.tone === 'note')).toHaveLength(2);
    for (const text of ['Art. 34 Abs. 3 lit. a DSGVO', 'Das entscheidet die Praxis', 'Vorfall #7 „Erpressungstrojaner am Empfang“']) {
      expect(pdf).toContain(text);
      expect(docx).toContain(text);
    }
    const handled = await readBoth(letterOf('en', { incident: { ...input.incident, handlingCompletedAt: now } }), 'en');
    expect(handled.pdf).toContain('Art. 34(3)(b) GDPR');
    expect(handled.docx).toContain('Art. 34(3)(b) GDPR');
  });

  it('marks what nobody has recorded yet as a gap to fill', () => {
    const bare = documentOf(letterOf('de', { dataProtectionOfficer: null, practiceContact: null, measures: [], authorityInformedAt: null }), 'de');
    expect(unfinishedSpots(bare)).toEqual(['[ergänzen]', 'Bei Fragen wenden Sie sich bitte an unser Praxisteam: [ergänzen].']);
  });
});
