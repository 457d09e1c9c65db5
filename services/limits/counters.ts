import { LRUCache } from 'lru-cache';

/** A count of hits within a fixed window that starts with the first hit. */
export interface WindowCount {
  hits: number;
  resetAt: Date;
}

/**
 * Counters over fixed time windows, keyed by a string: the rate limits and the login throttle count with them.
 * In memory for one process, or in the shared PostgreSQL so that every instance counts together.
 */
export interface WindowCounters {
  /** Counts one hit; a key whose window has passed starts a new window of `windowMs`. */
  increment(key: string, windowMs: number): Promise<WindowCount>;
  /** Takes back one hit (express-rate-limit does, for requests it is told not to count). */
  decrement(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

/** Counters in this process's memory; the least recently counted keys go first past `maxKeys`. */
export class MemoryWindowCounters implements WindowCounters {
  private readonly counts: LRUCache<string, WindowCount>;

  constructor(maxKeys = 100_000) {
    this.counts = new LRUCache({ max: maxKeys });
  }

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const current = this.live(key);
    const next = current ? { hits: current.hits + 1, resetAt: current.resetAt } : { hits: 1, resetAt: new Date(Date.now() + windowMs) };
    this.counts.set(key, next);
    return next;
  }

  async decrement(key: string): Promise<void> {
    const current = this.live(key);
    if (current) this.counts.set(key, { ...current, hits: Math.max(0, current.hits - 1) });
  }

  async reset(key: string): Promise<void> {
    this.counts.delete(key);
  }

  private live(key: string): WindowCount | undefined {
    const count = this.counts.get(key);
    return count && count.resetAt.getTime() > Date.now() ? count : undefined;
  }
}
