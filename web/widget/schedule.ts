const POLL_INTERVAL_MS = 1000;
/** Right after sending, poll faster for a while so the reply shows up quickly. */
const FAST_POLL_INTERVAL_MS = 250;
const FAST_POLL_WINDOW_MS = 5000;
const MAX_BACKOFF_MS = 30_000;

/** Exponential backoff after consecutive failures: 2 s, 4 s, 8 s … up to 30 s. */
export function backoffDelay(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, POLL_INTERVAL_MS * 2 ** failures);
}

export function nextPollDelay(failures: number, msSinceLastSend: number): number {
  if (failures > 0) return backoffDelay(failures);
  return msSinceLastSend < FAST_POLL_WINDOW_MS ? FAST_POLL_INTERVAL_MS : POLL_INTERVAL_MS;
}

/** Runs the task until it succeeds, waiting longer after each failure. */
export async function retryWithBackoff<T>(task: () => Promise<T>): Promise<T> {
  for (let failures = 1; ; failures += 1) {
    try {
      return await task();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(failures)));
    }
  }
}
