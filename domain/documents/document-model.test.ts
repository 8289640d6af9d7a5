import { describe, expect, it } from 'vitest';
import { type DocumentModel, documentTexts, unfinishedSpots } from './document-model.ts';

const base: DocumentModel = {
  locale: 'de',
  title: 'Notfallplan',
  organisation: 'Praxis Dr. Weber',
  versionLabel: 'Version 1',
  dateLabel: '02.03.2026',
  blocks: [],
};

describe('unfinished spots of a document (a final document carries no gap)', () => {
  it.each([
    ['a filled text', 'Ansprechperson: Dr. Weber', []],
    ['an unfilled placeholder', 'Ansprechperson: {{emergencyContact}}', ['Ansprechperson: {{emergencyContact}}']],
    ['a placeholder with spaces', 'Telefon: {{ phone }}', ['Telefon: {{ phone }}']],
    ['a gap left for a hand', 'Telefon: [ergänzen]', ['Telefon: [ergänzen]']],
    ['a gap in English', 'Phone: [to be completed]', ['Phone: [to be completed]']],
    ['a gap that says what is missing', '24/7: [ergänzen: Kontakt im Bereich Registrierung]', ['24/7: [ergänzen: Kontakt im Bereich Registrierung]']],
    ['a word that only starts alike', 'Siehe [Ergänzende Hinweise]', []],
    ['brackets that are no gap', 'Anlage 1 [Nr. 3] gilt', []],
  ])('%s', (_name, text, expected) => {
    const model: DocumentModel = { ...base, blocks: [{ kind: 'paragraph', text }] };
    expect(unfinishedSpots(model)).toEqual(expected);
  });

  it('looks into every kind of block', () => {
    const model: DocumentModel = {
      ...base,
      blocks: [
        { kind: 'heading', level: 1, text: 'A' },
        { kind: 'list', items: ['{{a}}'] },
        { kind: 'fields', rows: [{ label: 'L', value: '[ergänzen]' }] },
        { kind: 'table', columns: [{ title: 'T' }], rows: [['{{b}}']] },
        { kind: 'signature', rows: [{ role: 'Geschäftsführung', name: '{{c}}', date: '' }] },
      ],
    };
    expect(unfinishedSpots(model)).toEqual(['{{a}}', '[ergänzen]', '{{b}}', '{{c}}']);
  });

  it('reads an empty table as its empty text', () => {
    const model: DocumentModel = { ...base, blocks: [{ kind: 'table', columns: [{ title: 'Name' }], rows: [], empty: 'Keine Einträge.' }] };
    expect(documentTexts(model)).toContain('Keine Einträge.');
  });
});
