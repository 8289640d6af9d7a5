import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, nextAttemptAt } from './retry.ts';

const now = new Date('2026-03-29T10:00:00Z');
const minutesLater = (date: Date | null) => (date ? (date.getTime() - now.getTime()) / 60_000 : null);

describe('retry with backoff', () => {
  it.each([
    [1, 1],
    [2, 4],
    [3, 16],
    [4, 64],
    [5, null],
    [9, null],
  ])('after failed attempt %i the next try is %s minutes later (null: failed for good)', (attempts, minutes) => {
    expect(minutesLater(nextAttemptAt(attempts, now))).toBe(minutes);
  });

  it('never waits longer than the policy allows', () => {
    const policy = { ...defaultRetryPolicy, maxAttempts: 20 };
    expect(minutesLater(nextAttemptAt(15, now, policy))).toBe(360);
  });
});
