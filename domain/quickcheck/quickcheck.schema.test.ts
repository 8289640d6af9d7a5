import { describe, expect, it } from 'vitest';
import { quickCheckQuestions } from './questions.ts';
import { answerEntries, quickCheckAnswerSetSchema, quickCheckPdfRequestSchema } from './quickcheck.schema.ts';
import { answersWith } from './test-answers.ts';

const valid = () => ({ version: '2026-1', answers: answerEntries(answersWith('yes', { remote_access: 'not_applicable', updates: 'partly' })) });
const issuesOf = (input: unknown) =>
  (quickCheckAnswerSetSchema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.code === 'custom' ? i.message : i.code]);

describe('a quick-check answer set', () => {
  it('turns the list into one answer per question id', () => {
    const parsed = quickCheckAnswerSetSchema.parse(valid());
    expect(parsed.version).toBe('2026-1');
    expect(Object.keys(parsed.answers)).toEqual(quickCheckQuestions.map((q) => q.id));
    expect(parsed.answers).toMatchObject({ remote_access: 'not_applicable', updates: 'partly', admin_mfa: 'yes' });
  });

  it.each([
    ['a wrong version', (s: ReturnType<typeof valid>) => ({ ...s, version: '2025-1' }), [['version', 'quick_check.version_unknown']]],
    [
      'an unknown question id (and the question it replaced is missing)',
      (s: ReturnType<typeof valid>) => ({ ...s, answers: s.answers.map((a, i) => (i === 2 ? { ...a, questionId: 'firewall_colour' } : a)) }),
      [
        ['answers.2.questionId', 'quick_check.question_unknown'],
        ['answers.everyday_accounts', 'quick_check.answer_missing'],
      ],
    ],
    [
      'a question answered twice',
      (s: ReturnType<typeof valid>) => ({ ...s, answers: [...s.answers, { questionId: 'admin_mfa', answer: 'no' }] }),
      [['answers.20.questionId', 'quick_check.answer_duplicate']],
    ],
    [
      'a value no question offers',
      (s: ReturnType<typeof valid>) => ({ ...s, answers: s.answers.map((a, i) => (i === 0 ? { ...a, answer: 'maybe' } : a)) }),
      [['answers.0.answer', 'quick_check.answer_invalid']],
    ],
    [
      '"does not apply" where the question does not offer it',
      (s: ReturnType<typeof valid>) => ({ ...s, answers: s.answers.map((a) => (a.questionId === 'backup_daily' ? { ...a, answer: 'not_applicable' } : a)) }),
      [['answers.4.answer', 'quick_check.answer_not_offered']],
    ],
    [
      'missing answers',
      (s: ReturnType<typeof valid>) => ({ ...s, answers: s.answers.filter((a) => a.questionId !== 'backup_offline' && a.questionId !== 'risk_analysis') }),
      [
        ['answers.backup_offline', 'quick_check.answer_missing'],
        ['answers.risk_analysis', 'quick_check.answer_missing'],
      ],
    ],
    [
      'no answers at all',
      (s: ReturnType<typeof valid>) => ({ ...s, answers: [] }),
      quickCheckQuestions.map((q) => [`answers.${q.id}`, 'quick_check.answer_missing']),
    ],
    [
      'every problem at once',
      (s: ReturnType<typeof valid>) => ({
        version: 'x',
        answers: [{ questionId: 'nope', answer: 'yes' }, { questionId: 'admin_mfa', answer: 'ja' }, ...s.answers.slice(1)],
      }),
      [
        ['version', 'quick_check.version_unknown'],
        ['answers.0.questionId', 'quick_check.question_unknown'],
        ['answers.1.answer', 'quick_check.answer_invalid'],
      ],
    ],
  ])('refuses %s at the field', (_name, tamper, expected) => {
    expect(issuesOf(tamper(valid()))).toEqual(expected);
  });

  it.each([
    ['answers as an object keyed by id', { version: '2026-1', answers: { admin_mfa: 'yes' } }, [['answers', 'invalid_type']]],
    [
      'a list far too long',
      { version: '2026-1', answers: Array.from({ length: 101 }, () => ({ questionId: 'admin_mfa', answer: 'yes' })) },
      [['answers', 'too_big']],
    ],
    [
      'an entry without its answer',
      { ...valid(), answers: [{ questionId: 'admin_mfa' }, ...valid().answers.slice(1)] },
      [['answers.0.answer', 'invalid_type']],
    ],
    ['no version', { answers: valid().answers }, [['version', 'invalid_type']]],
    ['an id of a megabyte', { ...valid(), answers: [{ questionId: 'a'.repeat(1_000_000), answer: 'yes' }, ...valid().answers.slice(1)] }, 'too_big'],
  ])('refuses %s by shape', (_name, input, expected) => {
    const issues = issuesOf(input);
    if (typeof expected === 'string') expect(issues.map((i) => i[1])).toContain(expected);
    else expect(issues.slice(0, expected.length)).toEqual(expected);
  });

  it('takes the language of the PDF, German unless English is asked for', () => {
    expect(quickCheckPdfRequestSchema.parse(valid()).lang).toBe('de');
    expect(quickCheckPdfRequestSchema.parse({ ...valid(), lang: 'en' }).lang).toBe('en');
    const wrong = quickCheckPdfRequestSchema.safeParse({ ...valid(), lang: 'fr' });
    expect(wrong.error?.issues.map((i) => i.path.join('.'))).toEqual(['lang']);
  });
});
