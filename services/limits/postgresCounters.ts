import { msInterval, type PostgresDatabase } from '../database/postgres.js';
import type { WindowCount, WindowCounters } from './counters.js';

/**
 * Window counters in the shared PostgreSQL: one row per key, and each increment is a single upsert, so hits from
 * every instance add up exactly. A row whose window has passed starts over at 1.
 */
export class PostgresWindowCounters implements WindowCounters {
  constructor(private readonly database: PostgresDatabase) {}

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const { rows } = await this.database.query<{ hits: number; expires_at: Date }>(
      `INSERT INTO window_counters (key, hits, expires_at) VALUES ($1, 1, now() + ${msInterval('$2')})
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN window_counters.expires_at > now() THEN window_counters.hits + 1 ELSE 1 END,
         expires_at = CASE WHEN window_counters.expires_at > now() THEN window_counters.expires_at ELSE excluded.expires_at END
       RETURNING hits, expires_at`,
      [key, windowMs],
    );
    return { hits: rows[0].hits, resetAt: rows[0].expires_at };
  }

  async decrement(key: string): Promise<void> {
    await this.database.query('UPDATE window_counters SET hits = greatest(hits - 1, 0) WHERE key = $1 AND expires_at > now()', [key]);
  }

  async reset(key: string): Promise<void> {
    await this.database.query('DELETE FROM window_counters WHERE key = $1', [key]);
  }
}
