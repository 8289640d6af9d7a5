import { describe, expect, it } from 'vitest';
import { draftKinds } from '../../../domain/incidents/report-draft.ts';
import { draftFileName, draftFooter } from './drafts.ts';

describe('draft file names in the reader language', () => {
  it.each([
    ['de', 'early_warning', 'pdf', 'praxisschild-vorfall-3-fruehe-erstmeldung.pdf'],
    ['en', 'early_warning', 'pdf', 'praxisschild-incident-3-early-warning.pdf'],
    ['de', 'gdpr_art33', 'docx', 'praxisschild-vorfall-3-meldung-datenschutzaufsicht.docx'],
    ['en', 'final_report', 'docx', 'praxisschild-incident-3-final-report.docx'],
  ] as const)('%s %s as %s: %s', (locale, kind, ext, name) => {
    expect(draftFileName(locale, kind, 3, ext)).toBe(name);
  });

  it.each(draftKinds.flatMap((kind) => (['de', 'en'] as const).map((locale) => [kind, locale] as const)))(
    'names %s in %s with ASCII letters only',
    (kind, locale) => {
      expect(draftFileName(locale, kind, 12, 'pdf')).toMatch(/^praxisschild-[a-z]+-12-[a-z0-9-]+\.pdf$/);
    },
  );

  it('has the footer in both languages', () => {
    expect(draftFooter('de')).toMatch(/^Entwurf aus praxisschild/);
    expect(draftFooter('en')).toMatch(/^Draft from praxisschild/);
  });
});
