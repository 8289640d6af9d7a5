import { describe, expect, it } from 'vitest';
import { cleanPublicUrl, formatRecoveryCode, isRecoveryCode, loginDelaySeconds, MAX_DELAY_SECONDS, normaliseRecoveryCode } from './account-rules.ts';

describe('sign-in delay per (address, client)', () => {
  // NIST SP 800-63B 5.2.2 (rate limiting with an increasing wait instead of a lock); OWASP Authentication Cheat Sheet.
  it.each<[number, number]>([
    [0, 0],
    [1, 0],
    [4, 0], // four typos cost nothing
    [5, 30],
    [6, 60],
    [7, 120],
    [8, 240],
    [9, 480],
    [10, 900], // 960 capped at 15 minutes
    [11, MAX_DELAY_SECONDS],
    [500, MAX_DELAY_SECONDS],
    [-1, 0],
    [2.5, 0],
  ])('after %s failures waits %s s', (failures, seconds) => {
    expect(loginDelaySeconds(failures)).toBe(seconds);
  });
});

describe('recovery codes', () => {
  // Crockford base32 reading rules (https://www.crockford.com/base32.html): I and L read as 1, O as 0, case ignored.
  it.each<[string, string, boolean]>([
    ['k7m2q-9xw3d', 'k7m2q9xw3d', true],
    [' K7M2Q 9XW3D ', 'k7m2q9xw3d', true],
    ['k7m2q-9xw3dO', 'k7m2q9xw3d0', false], // eleven characters
    ['IL0O0-abcde', '11000abcde', true],
    ['uuuuu-uuuuu', 'uuuuuuuuuu', false], // U is not in the alphabet
    ['', '', false],
    ['123456', '123456', false], // a TOTP code is no recovery code
  ])('%j reads as %j (valid: %s)', (typed, normalised, valid) => {
    expect(normaliseRecoveryCode(typed)).toBe(normalised);
    expect(isRecoveryCode(normaliseRecoveryCode(typed))).toBe(valid);
  });

  it('shows a code in two groups of five', () => {
    expect(formatRecoveryCode('k7m2q9xw3d')).toBe('k7m2q-9xw3d');
  });
});

describe('public URL of the installation', () => {
  // WHATWG URL Standard parsing; links in mails need an absolute http(s) base without query or fragment.
  it.each<[string, string | null]>([
    ['https://praxis.example.org', 'https://praxis.example.org'],
    ['https://praxis.example.org/', 'https://praxis.example.org'],
    ['  http://192.168.1.20:3000/ ', 'http://192.168.1.20:3000'],
    ['https://example.org/praxisschild/', 'https://example.org/praxisschild'],
    ['HTTPS://Praxis.Example.ORG', 'https://praxis.example.org'],
    ['ftp://example.org', null],
    ['javascript:alert(1)', null],
    ['praxis.example.org', null],
    ['https://user:pw@example.org', null],
    ['https://example.org/?next=x', null],
    ['https://example.org/#x', null],
    ['', null],
  ])('%j becomes %j', (input, expected) => {
    expect(cleanPublicUrl(input)).toBe(expected);
  });
});
