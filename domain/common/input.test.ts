import { describe, expect, it } from 'vitest';
import { calendarDate, calendarRange, eventDate, eventInstant, eventRange, isInDateRange, plainText, safeText, textProblem } from './input.ts';

const firstIssue = (result: { success: boolean; error?: { issues: { message: string; code: string }[] } }) =>
  result.success ? null : result.error!.issues[0]!.message;

describe('textProblem', () => {
  // PostgreSQL: text and jsonb cannot hold U+0000 ("invalid byte sequence for encoding UTF8: 0x00").
  // RFC 3629 § 3: surrogate code points U+D800–U+DFFF have no UTF-8 form; only a high+low pair is a character.
  it.each([
    ['Praxis Dr. Müller', null],
    ['Zeile 1\nZeile 2\r\n\tEingerückt', null],
    ['Emoji 😷 als Paar', null],
    ['\u{1F600}', null],
    ['', null],
    ['NUL\u0000mitten', 'text.control_character'],
    ['\u0000', 'text.control_character'],
    ['Glocke\u0007', 'text.control_character'],
    ['Seitenvorschub\u000c', 'text.control_character'],
    ['Escape\u001b[31m', 'text.control_character'],
    ['hohe Hälfte allein \ud83d', 'text.invalid_character'],
    ['\ud83d am Anfang', 'text.invalid_character'],
    ['tiefe Hälfte allein \ude00', 'text.invalid_character'],
    ['vertauscht \ude00\ud83d', 'text.invalid_character'],
    ['zwei hohe \ud83d\ud83d\ude00', 'text.invalid_character'],
  ])('%j → %s', (value, expected) => {
    expect(textProblem(value)).toBe(expected);
  });
});

describe('safeText and plainText', () => {
  it.each([
    ['Titel', null],
    ['Titel\u0000', 'text.control_character'],
    ['Titel\udfff', 'text.invalid_character'],
  ])('safeText().trim().min(3) on %j → %s', (value, expected) => {
    expect(firstIssue(safeText().trim().min(3).safeParse(value))).toBe(expected);
  });

  it('reports the character problem before the length', () => {
    const result = safeText().trim().min(3).max(5).safeParse('\u0000'.repeat(10));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual(['text.control_character']);
  });

  it('trims and defaults to the empty text', () => {
    expect(plainText(10).parse(undefined)).toBe('');
    expect(plainText(10).parse('  a  ')).toBe('a');
    expect(plainText(3).safeParse('abcd').success).toBe(false);
  });
});

describe('isInDateRange', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  it.each([
    // Events: from 2000-01-01 to five years after now.
    ['2000-01-01', eventRange, true],
    ['1999-12-31', eventRange, false],
    ['0001-01-01', eventRange, false],
    ['1901-01-01', eventRange, false],
    ['2026-06-15T10:00:00+02:00', eventRange, true],
    ['2031-06-15', eventRange, true],
    ['2031-06-16', eventRange, false],
    ['9999-12-31T23:59:59Z', eventRange, false],
    // The day as written counts, not the UTC day: 23:30 at -01:00 is already 2000-01-01 in UTC.
    ['1999-12-31T23:30:00-01:00', eventRange, false],
    // Calendar dates: 1900 to 2100.
    ['1900-01-01', calendarRange, true],
    ['1899-12-31', calendarRange, false],
    ['2100-12-31', calendarRange, true],
    ['2101-01-01', calendarRange, false],
    ['0000-01-01', calendarRange, false],
    ['+10000-01-01', calendarRange, false],
    ['', calendarRange, false],
  ] as const)('%s in %j → %s', (value, range, expected) => {
    expect(isInDateRange(value, range, now)).toBe(expected);
  });
});

describe('date schemas', () => {
  it.each([
    ['2026-01-15T10:00:00+01:00', null],
    ['2026-01-15T10:00', 'datetime_with_offset'],
    ['2026-02-30T10:00:00Z', 'invalid_date'],
    ['0000-01-01T00:00:00Z', 'date.out_of_range'],
    ['0001-01-01T00:00:00Z', 'date.out_of_range'],
    ['1899-12-31T00:00:00Z', 'date.out_of_range'],
    ['9999-12-31T23:59:59Z', 'date.out_of_range'],
    ['10000-01-01T00:00:00Z', 'datetime_with_offset'],
  ])('eventInstant %s → %s', (value, expected) => {
    expect(firstIssue(eventInstant().safeParse(value))).toBe(expected);
  });

  it.each([
    ['2025-12-06', null],
    ['1999-12-31', 'date.out_of_range'],
    ['2026-13-01', 'invalid_date'],
  ])('eventDate %s → %s', (value, expected) => {
    expect(firstIssue(eventDate().safeParse(value))).toBe(expected);
  });

  it.each([
    ['1900-01-01', null],
    ['1899-12-31', 'date.out_of_range'],
    ['2100-12-31', null],
    ['2101-01-01', 'date.out_of_range'],
    ['0000-01-01', 'date.out_of_range'],
    ['10000-01-01', 'invalid_date'],
  ])('calendarDate %s → %s', (value, expected) => {
    expect(firstIssue(calendarDate().safeParse(value))).toBe(expected);
  });

  it.each(['06.12.2025', '2026-02-30', '0000-01-01', '10000-01-01T00:00:00Z'])('reports one issue for %s, not format and range both', (value) => {
    for (const schema of [calendarDate(), eventDate(), eventInstant()]) {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error!.issues).toHaveLength(1);
    }
  });
});
