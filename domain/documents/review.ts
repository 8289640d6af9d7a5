import { DateTime } from 'luxon';

/**
 * When an approved document is next reviewed: the approval day plus the document's review period, on the calendar
 * (31 January + 1 month = 28/29 February). § 30 Abs. 1 BSIG asks for measures that reflect the state of the art and
 * the risks as they change, and the KBV guideline is revised itself: a document nobody looks at again goes stale, so
 * every approval sets the next review (12 months unless the practice chooses between 1 and 36).
 */
export function reviewDueOf(approvedOn: string, months: number): string {
  return DateTime.fromISO(approvedOn, { zone: 'utc' }).plus({ months }).toISODate()!;
}

/** The review is overdue once its day has passed in the practice's calendar (the day itself is still in time). */
export function isReviewOverdue(reviewDue: string | null, today: string): boolean {
  return reviewDue !== null && reviewDue < today;
}
