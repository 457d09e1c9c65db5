import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { msInterval, type PostgresDatabase } from '../services/database/postgres.js';

const TTL = msInterval('$2');

/**
 * A botbuilder `Storage` in the shared PostgreSQL, for conversation state every instance sees. Like botbuilder's
 * MemoryStorage, a write whose eTag is neither empty, `*` nor the stored one fails (optimistic concurrency), and
 * every write gets a new eTag. An item expires ttlMs after its last read or write.
 */
export class PostgresStorage implements Storage {
  constructor(
    private readonly database: PostgresDatabase,
    private readonly ttlMs: number,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    // Reading renews the item's time to live, as a conversation in use must not lose its state.
    const { rows } = await this.database.query<{ key: string; etag: string; item: StoreItem }>(
      `UPDATE bot_state SET expires_at = now() + ${TTL} WHERE key = ANY($1) AND expires_at > now() RETURNING key, etag, item`,
      [keys, this.ttlMs],
    );
    return Object.fromEntries(rows.map((row) => [row.key, { ...row.item, eTag: row.etag }]));
  }

  async write(changes: StoreItems): Promise<void> {
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    await this.database.transaction(async (client) => {
      // Lock the rows first, so a concurrent writer of the same keys waits, then sees our eTags.
      const { rows } = await client.query<{ key: string; etag: string }>(
        'SELECT key, etag FROM bot_state WHERE key = ANY($1) AND expires_at > now() ORDER BY key FOR UPDATE',
        [keys],
      );
      const stored = new Map(rows.map((row) => [row.key, row.etag]));
      for (const key of keys) {
        const expected = (changes[key] as StoreItem).eTag;
        const current = stored.get(key);
        if (expected && expected !== '*' && current !== undefined && current !== expected) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
      }
      for (const key of keys) {
        const { eTag: _previous, ...item } = changes[key] as StoreItem;
        await client.query(
          `INSERT INTO bot_state (key, etag, item, expires_at) VALUES ($1, $3, $4, now() + ${TTL})
           ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, item = excluded.item, expires_at = excluded.expires_at`,
          [key, this.ttlMs, randomUUID(), JSON.stringify(item)],
        );
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.database.query('DELETE FROM bot_state WHERE key = ANY($1)', [keys]);
  }
}
