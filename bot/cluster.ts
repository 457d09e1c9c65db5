import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import type { Config } from '../services/config.js';
import type { Logger } from '../services/logger.js';

/** A worker that dies sooner than this after its start counts as a crash loop, and is restarted more slowly. */
const QUICK_DEATH_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * The primary process with WEB_CONCURRENCY > 1: it forks the workers (each one a whole server sharing the port
 * through node:cluster, with its own indexes), restarts any that die, and passes signals on: SIGHUP reloads every
 * worker's knowledge base, SIGTERM/SIGINT stop them gracefully. The state they share lives in DATABASE_URL.
 */
export function runPrimary(config: Config, log: Logger): void {
  // Tokens a worker signs must verify on every other.
  const env = { DIRECTLINE_SECRET: config.directLine.secret ?? randomBytes(32).toString('hex') };
  const startedAt = new Map<number, number>();
  let restartDelayMs = 0;
  let stopping = false;

  const fork = (): Worker => {
    const worker = cluster.fork(env);
    startedAt.set(worker.id, Date.now());
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const livedMs = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    restartDelayMs = livedMs < QUICK_DEATH_MS ? Math.min(MAX_RESTART_DELAY_MS, Math.max(500, restartDelayMs * 2)) : 0;
    log.error({ pid: worker.process.pid, code, signal, restartInMs: restartDelayMs }, 'worker died; starting another');
    setTimeout(fork, restartDelayMs);
  });

  const everyWorker = (action: (worker: Worker) => void) => Object.values(cluster.workers ?? {}).forEach((worker) => worker && action(worker));
  process.on('SIGHUP', () => everyWorker((worker) => worker.process.kill('SIGHUP')));
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping the workers');
    everyWorker((worker) => worker.process.kill(signal));
    // Each worker has its own grace period; this only catches one that hangs past it.
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 5_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  log.info({ workers: config.workers }, 'starting workers');
  for (let i = 0; i < config.workers; i++) fork();
}
