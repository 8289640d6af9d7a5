import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../domain/documents/document-model.ts';
import { docxParagraphs } from '../test/docx-text.ts';
import { pdfTextLines } from '../test/pdf-text.ts';
import { asciiFileStem, documentHeaders, renderDocument } from './render.ts';

const model = (locale: 'de' | 'en', rows = 3): DocumentModel => ({
  locale,
  title: locale === 'de' ? 'Notfallplan für den Praxisbetrieb' : 'Emergency plan',
  subtitle: 'KBV Anlage 1 Nr. 12 · § 30 Abs. 2 Nr. 3 BSIG',
  organisation: 'MVZ Süd GmbH',
  versionLabel: 'Version 2',
  dateLabel: '02.03.2026',
  statusLine: 'Freigegeben durch Dr. Jörg Weiß am 03.03.2026',
  blocks: [
    { kind: 'heading', level: 1, text: '1. Wenn das PVS ausfällt' },
    { kind: 'paragraph', text: 'Termine werden auf dem Papierformular „Terminliste“ notiert.' },
    { kind: 'paragraph', text: 'Keine Patientendaten in dieses Dokument schreiben.', tone: 'note' },
    { kind: 'list', ordered: true, items: ['IT-Dienstleister anrufen', 'Praxisleitung informieren'] },
    { kind: 'fields', rows: [{ label: 'IT-Notfallnummer', value: '0800 123 456' }] },
    {
      kind: 'table',
      columns: [{ title: 'System', width: 0.4 }, { title: 'Ansprechpartner' }, { title: 'Telefon', width: 0.2 }],
      rows: Array.from({ length: rows }, (_, i) => [`System ${i + 1}`, `Firma ${i + 1} GmbH`, `0${i + 1}`]),
    },
    { kind: 'table', columns: [{ title: 'Leer' }], rows: [], empty: 'Keine Einträge.' },
    { kind: 'signature', rows: [{ role: 'Geschäftsführung', name: 'Dr. Jörg Weiß', date: '03.03.2026' }] },
  ],
  footnote: 'Mit praxisschild erstellt.',
});

describe('one document model, two formats (decision 034)', () => {
  it.each(['de', 'en'] as const)('renders every block to a PDF with page numbers (%s)', async (locale) => {
    const pdf = await renderDocument(model(locale), 'pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfTextLines(pdf).join('\n');
    for (const expected of [
      'MVZ Süd GmbH',
      'Notfall',
      'Papierformular „Terminliste“',
      'IT-Notfallnummer',
      '0800 123 456',
      'Firma 3 GmbH',
      'Keine Einträge.',
      'Dr. Jörg Weiß',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(locale === 'de' ? 'Seite 1 von 1' : 'Page 1 of 1');
    expect(text).toContain(locale === 'de' ? 'Stand: 02.03.2026' : 'As of 02.03.2026');
  });

  it('breaks a long table across pages, repeats its column titles and numbers every page', async () => {
    const pdf = await renderDocument(model('de', 200), 'pdf');
    const lines = pdfTextLines(pdf);
    const pages = lines.filter((line) => /^Notfallplan.*Seite \d+ von \d+$/.test(line));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.at(-1)).toMatch(new RegExp(`Seite ${pages.length} von ${pages.length}$`));
    expect(lines.filter((line) => line === 'Ansprechpartner').length).toBeGreaterThan(2);
    expect(lines).toContain('Firma 200 GmbH');
  });

  it.each(['de', 'en'] as const)('renders the same blocks to a Word file with a page-number footer (%s)', async (locale) => {
    const docx = await renderDocument(model(locale), 'docx');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const { body, footers } = await docxParagraphs(docx);
    const text = body.join('\n');
    for (const expected of [
      'MVZ Süd GmbH',
      '1. Wenn das PVS ausfällt',
      'Papierformular „Terminliste“',
      'IT-Dienstleister anrufen',
      '0800 123 456',
      'Firma 3 GmbH',
      'Keine Einträge.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(footers.join('\n')).toContain(locale === 'de' ? 'Version 2 · Seite' : 'Version 2 · Page');
  });

  it.each([
    ['Notfallplan für den Praxisbetrieb', 'notfallplan-fuer-den-praxisbetrieb'],
    ['Risikoregister (Stand 03/2026)', 'risikoregister-stand-03-2026'],
    ['Ärztehaus Süd – Übersicht', 'aerztehaus-sued-uebersicht'],
    ['"; rm -rf /', 'rm-rf'],
  ])('names the file in ASCII: %s', (text, stem) => {
    expect(asciiFileStem(text)).toBe(stem);
  });

  it('sends a download as an attachment that is never cached', () => {
    expect(documentHeaders('docx', 'Notfallplan')).toMatchObject({
      'content-disposition': 'attachment; filename="notfallplan.docx"',
      'cache-control': 'no-store',
    });
  });
});
