import { describe, expect, it } from 'vitest';
import { quickCheckAnswers, quickCheckLevers, quickCheckQuestions } from '../../../domain/quickcheck/questions.ts';
import { scoreBands } from '../../../domain/quickcheck/scoring.ts';
import { locales, lookupText } from '../../i18n/texts.ts';
import { quickCheckFileName } from './quickcheck.pdf.ts';

describe('quick-check texts in both languages', () => {
  const keys = [
    ...quickCheckQuestions.flatMap((q) => ['label', 'text', 'hint', 'step'].map((part) => `quickCheck.question.${q.id}.${part}`)),
    ...quickCheckLevers.map((lever) => `quickCheck.lever.${lever}`),
    ...quickCheckAnswers.map((answer) => `quickCheck.answer.${answer}`),
    ...scoreBands.map((band) => `quickCheck.band.${band}`),
    'quickCheck.note.stated_implemented',
    'quickCheck.note.stated_partly',
  ];

  it.each(locales.flatMap((locale) => keys.map((key) => [locale, key] as const)))('%s has %s', (locale, key) => {
    expect(lookupText(locale, key)?.trim()).toBeTruthy();
  });

  it('asks each question as a question and words each next step as an instruction', () => {
    for (const locale of locales) {
      for (const question of quickCheckQuestions) {
        expect(lookupText(locale, `quickCheck.question.${question.id}.text`)).toMatch(/\?$/);
        expect(lookupText(locale, `quickCheck.question.${question.id}.step`)).toMatch(/\.$/);
      }
    }
  });

  it.each([
    ['de', '2026-03-29T22:30:00Z', 'praxisschild-schnellcheck-2026-03-30.pdf'], // after midnight in Berlin (summer time)
    ['en', '2026-10-25T22:59:00Z', 'praxisschild-quick-check-2026-10-25.pdf'], // 23:59 winter time
  ] as const)('names the %s PDF after the Berlin day of %s: %s', (locale, now, name) => {
    expect(quickCheckFileName(locale, new Date(now))).toBe(name);
  });
});
