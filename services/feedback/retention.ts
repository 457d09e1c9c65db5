import type { Logger } from '../logger.js';
import type { FeedbackStore } from './store.js';

const DAY_MS = 86_400_000;

/** Deletes stored feedback, flags and questions past the retention period now and once a day; returns a stop. */
export function scheduleRetention(store: FeedbackStore, days: number, log: Logger): () => void {
  const purge = () =>
    store.purgeOlderThan(days).then(
      (rows) => rows > 0 && log.info({ rows, days }, 'retention: deleted old feedback and questions'),
      (error: unknown) => log.error({ err: error }, 'retention purge failed'),
    );
  void purge();
  const timer = setInterval(purge, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
