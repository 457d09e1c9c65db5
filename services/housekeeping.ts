import type { Logger } from './logger.js';
import type { Stores } from './stores.js';

const DAY_MS = 86_400_000;
/** Expired rows are already invisible to readers; sweeping them only keeps the tables small. */
const SWEEP_MS = 5 * 60_000;

/**
 * Background upkeep of the stores: feedback, flags and questions past the retention period go now and once a day;
 * expired conversation state, conversations, sessions and counters in the shared database every few minutes.
 * Returns a stop.
 */
export function scheduleHousekeeping(stores: Stores, retentionDays: number, log: Logger): () => void {
  const purge = () =>
    stores.feedback.purgeOlderThan(retentionDays).then(
      (rows) => rows > 0 && log.info({ rows, days: retentionDays }, 'retention: deleted old feedback and questions'),
      (error: unknown) => log.error({ err: error }, 'retention purge failed'),
    );
  const { database } = stores;
  const sweep = () =>
    database?.sweepExpired().then(
      (rows) => rows > 0 && log.debug({ rows }, 'swept expired rows from the shared store'),
      (error: unknown) => log.error({ err: error }, 'sweeping expired rows failed'),
    );
  void purge();
  const timers = [setInterval(purge, DAY_MS), ...(database ? [setInterval(sweep, SWEEP_MS)] : [])];
  for (const timer of timers) timer.unref();
  return () => timers.forEach(clearInterval);
}
