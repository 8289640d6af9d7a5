import { describe, expect, it } from 'vitest';
import { isReviewOverdue, reviewDueOf } from './review.ts';

// § 30 Abs. 1 BSIG (measures kept to the state of the art); decision 034: every approval sets the next review.
describe('the next review of an approved document', () => {
  it.each([
    ['2026-03-02', 12, '2027-03-02'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-12-07', 3, '2027-03-07'],
    ['2026-06-30', 36, '2029-06-30'],
  ])('approved on %s, reviewed every %i months: due %s', (approvedOn, months, due) => {
    expect(reviewDueOf(approvedOn, months)).toBe(due);
  });

  it.each([
    [null, '2026-12-07', false],
    ['2026-12-07', '2026-12-07', false],
    ['2026-12-06', '2026-12-07', true],
    ['2027-01-01', '2026-12-07', false],
  ])('due %s, today %s: overdue %s', (due, today, overdue) => {
    expect(isReviewOverdue(due, today)).toBe(overdue);
  });
});
