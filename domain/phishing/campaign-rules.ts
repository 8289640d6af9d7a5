import { RETENTION_DAYS_MAX } from './phishing.schema.ts';

/**
 * Timing and text rules of a campaign (issue 13, items 1 and 3). Pure functions; the clock is an argument.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The planned send time of each of `count` recipients: evenly over `spreadMinutes` from `start` (the first at the
 * start, the last before its end), all at the start when there is no window.
 */
export function plannedSendTimes(count: number, start: Date, spreadMinutes: number): Date[] {
  const window = spreadMinutes * MINUTE_MS;
  return Array.from({ length: count }, (_, i) => new Date(start.getTime() + (count > 0 ? Math.floor((window * i) / count) : 0)));
}

/**
 * When the campaign closes by itself and the token → person mapping is deleted: `retentionDays` (at most 30, issue 13
 * item 3) after the planned end of sending. Art. 5 Abs. 1 lit. e DSGVO (storage limitation): the per-person link is
 * needed only to count a recipient once while people still open the mail.
 */
export function closesAt(start: Date, spreadMinutes: number, retentionDays: number): Date {
  const days = Math.min(Math.max(retentionDays, 1), RETENTION_DAYS_MAX);
  return new Date(start.getTime() + spreadMinutes * MINUTE_MS + days * DAY_MS);
}

/** Whether a campaign that is not closed yet must be closed at `now`. */
export function isDueToClose(closeAt: Date | null, now: Date): boolean {
  return closeAt !== null && now.getTime() >= closeAt.getTime();
}

/** The first name for the greeting: the first word of the register's name ("Dr." and similar titles skipped). */
export function firstNameOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words.find((word) => !/^(dr|prof|med|dipl)\.?$/i.test(word) && !word.endsWith('.'));
  return first ?? words[0] ?? '';
}

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * Fills the placeholders of a subject or body. `html`: values are escaped, except the links, which are built by the
 * server from the public address and a base64url token and are safe in an attribute. Unknown placeholders cannot
 * occur (the input schema refuses them); should one, it is left out.
 */
export function fillPlaceholders(text: string, values: Record<string, string>, html: boolean): string {
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, name: string) => {
    const value = values[name] ?? '';
    return html && name !== 'link' && name !== 'reportLink' ? escapeHtml(value) : value;
  });
}
