/**
 * Rules of the accounts: the sign-in delay after failures, recovery codes, reset links and the public URL.
 * Pure functions; the server keeps the state in PostgreSQL (migration 0013).
 */

/**
 * Failures from one (e-mail address, client address) pair that cost nothing: typos happen. NIST SP 800-63B
 * section 5.2.2 asks for rate limiting of failed attempts and names an increasing wait as the way to do it instead of
 * a lock; OWASP's Authentication Cheat Sheet ("Account Lockout") warns that a hard lock lets anyone lock out a user.
 */
export const FREE_LOGIN_FAILURES = 4;
/** First wait after the free failures, doubled with each further failure. */
export const FIRST_DELAY_SECONDS = 30;
/** The wait never exceeds 15 minutes (the hard lock this replaces lasted as long, but for everyone). */
export const MAX_DELAY_SECONDS = 15 * 60;
/** A pair without a failure for this long starts again from zero. */
export const THROTTLE_FORGET_HOURS = 24;

/** Seconds a pair must wait after its n-th consecutive failure before the next attempt is even checked. */
export function loginDelaySeconds(failures: number): number {
  if (!Number.isInteger(failures) || failures <= FREE_LOGIN_FAILURES) return 0;
  const exponent = failures - FREE_LOGIN_FAILURES - 1;
  return exponent >= 10 ? MAX_DELAY_SECONDS : Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** exponent);
}

/** Ten codes, each usable once (as the authenticator apps' own backup codes work). */
export const RECOVERY_CODE_COUNT = 10;
/**
 * Crockford's base32 alphabet (no I, L, O, U: nothing to confuse when read from paper). Ten characters carry 50
 * bits, far beyond what the throttled sign-in lets anyone guess (NIST SP 800-63B 5.1.2: look-up secrets need at
 * least 20 bits with rate limiting).
 */
export const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const RECOVERY_CODE_LENGTH = 10;

/** What people type, as stored: case and separators ignored, the look-alikes I/L → 1 and O → 0 read as Crockford does. */
export function normaliseRecoveryCode(input: string): string {
  return input
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
}

export function isRecoveryCode(normalised: string): boolean {
  return normalised.length === RECOVERY_CODE_LENGTH && [...normalised].every((c) => RECOVERY_ALPHABET.includes(c));
}

/** Shown as two groups of five ("k7m2q-9xw3d"), easier to copy by hand. */
export function formatRecoveryCode(normalised: string): string {
  return `${normalised.slice(0, 5)}-${normalised.slice(5)}`;
}

/** A mailed reset link stays valid for one hour: long enough to find the mail, short for a forgotten inbox. */
export const PASSWORD_RESET_VALID_MINUTES = 60;
/** A new reset mail for the same account at most every two minutes (no mail bombing through the form). */
export const PASSWORD_RESET_RESEND_MINUTES = 2;

/**
 * The base of links in mails: http(s), a host, optionally a path, no query, no fragment, no trailing slash.
 * Returns the cleaned URL or null.
 */
export function cleanPublicUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password || url.search || url.hash) return null;
  return `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '');
}
