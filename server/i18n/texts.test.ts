import { describe, expect, it } from 'vitest';
import { asLocale, formatDate, formatDateTime, formatTime, t } from './texts.ts';

describe('server texts from the locale files', () => {
  it('reads the same texts as the browser app, in both languages', () => {
    expect(t('de', 'role.it_lead')).toBe('IT-Verantwortliche/r');
    expect(t('en', 'role.it_lead')).toBe('IT lead');
  });

  it('fills placeholders and refuses a missing value or key instead of sending a raw key', () => {
    expect(t('de', 'mail.invitation.subject', { organisation: 'Praxis A' })).toBe('Einladung zu praxisschild: Praxis A');
    expect(() => t('de', 'mail.invitation.subject')).toThrow(/organisation/);
    expect(() => t('en', 'mail.nothing.here')).toThrow(/no en text/);
  });

  it.each([
    ['en', 'en'],
    ['de', 'de'],
    ['fr', 'de'],
    [null, 'de'],
  ])('treats the stored language %s as %s', (stored, locale) => {
    expect(asLocale(stored)).toBe(locale);
  });

  it.each([
    // 29 March 2026 is the spring change in Germany: 10:00 UTC is 12:00 summer time.
    ['de', '2026-03-29T10:00:00Z', '29.03.2026', '29.03.2026, 12:00', '12:00'],
    ['en', '2026-03-29T10:00:00Z', '29 Mar 2026', '29 Mar 2026, 12:00', '12:00'],
    // 25 October 2026 is the autumn change: 23:30 UTC is already the 26th, 00:30 winter time.
    ['de', '2026-10-25T23:30:00Z', '26.10.2026', '26.10.2026, 00:30', '00:30'],
    ['en', '2026-10-25T23:30:00Z', '26 Oct 2026', '26 Oct 2026, 00:30', '00:30'],
  ] as const)('writes dates the %s way in Berlin time (%s)', (locale, instant, date, dateTime, time) => {
    expect(formatDate(locale, instant)).toBe(date);
    expect(formatDateTime(locale, instant)).toBe(dateTime);
    expect(formatTime(instant)).toBe(time);
  });
});
