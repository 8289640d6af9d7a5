import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './date-input-format.ts';

describe('parseTypedDate', () => {
  it.each([
    ['de', '31.12.2026', '2026-12-31'],
    ['de', '1.2.2026', '2026-02-01'],
    ['de', ' 29.02.2028 ', '2028-02-29'], // leap year
    ['de', '2026-03-15', '2026-03-15'],
    ['de', '29.02.2026', null], // no leap year
    ['de', '31.04.2026', null],
    ['de', '12/31/2026', null], // the US order of an English browser is not a German date
    ['de', '', null],
    ['en', '31/12/2026', '2026-12-31'],
    ['en', '12/31/2026', null],
    ['en', '31.12.2026', null],
  ] as const)('%s: "%s" is %s', (locale, typed, expected) => {
    expect(parseTypedDate(typed, locale)).toBe(expected);
  });
});
