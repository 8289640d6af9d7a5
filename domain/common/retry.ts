/**
 * When to try again after a failed attempt: one minute after the first failure, then four times longer each time
 * (1, 4, 16, 64 minutes …), at most six hours. After `maxAttempts` attempts the work is marked failed instead.
 */
export interface RetryPolicy {
  maxAttempts: number;
  firstDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, firstDelayMs: 60_000, factor: 4, maxDelayMs: 6 * 3600_000 };

/** After attempt number `attempts` (1 = the first) failed at `now`: the next try, or null when it was the last one. */
export function nextAttemptAt(attempts: number, now: Date, policy: RetryPolicy = defaultRetryPolicy): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const delay = Math.min(policy.firstDelayMs * policy.factor ** Math.max(0, attempts - 1), policy.maxDelayMs);
  return new Date(now.getTime() + delay);
}
