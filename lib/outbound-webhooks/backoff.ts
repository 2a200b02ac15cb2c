// When a failed webhook delivery is tried again: one exponential back-off with jitter, for 24 hours.
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** An endpoint whose failures have lasted this long is disabled and its admins told. */
export const DISABLE_AFTER_MS = 24 * 3_600_000;
const BASE_MS = 5_000;
const CAP_MS = 3_600_000;

/**
 * The wait after the `attempt`-th failed try (1, 2, ...): 5 s doubling each time, at most an hour, of which a
 * random half is jitter (so endpoints that failed together do not all come back at the same instant).
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * The next try of a delivery created at `createdAt` that has now failed its `attempt`-th try, or null when the
 * 24 hours are over (it is FAILED). The last wait is shortened so that a try happens at the 24-hour mark.
 */
export function nextAttemptAt(
  createdAt: Date,
  attempt: number,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  const deadline = createdAt.getTime() + RETRY_WINDOW_MS;
  if (now.getTime() >= deadline) return null;
  return new Date(Math.min(deadline, now.getTime() + retryDelayMs(attempt, random)));
}
