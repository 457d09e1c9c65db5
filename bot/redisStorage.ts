import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Redis } from 'ioredis';

/*
 * Each item is a hash { eTag, item (JSON without its eTag) } at <prefix>state:<key>, expiring ttlMs after its
 * last read or write.
 *
 * The write script: KEYS are the items' keys; ARGV[1] is ttlMs, then three values per key: the eTag the writer
 * last read ('' or '*' for "any"), the new eTag and the item. It checks every eTag before writing anything, so a
 * conflicting write changes nothing, and returns the (1-based) index of the first conflicting key, or 0.
 */
const WRITE = `
for i, key in ipairs(KEYS) do
  local expected = ARGV[i * 3 - 1]
  local current = redis.call('HGET', key, 'eTag')
  if expected ~= '' and expected ~= '*' and current and current ~= expected then return i end
end
for i, key in ipairs(KEYS) do
  redis.call('HSET', key, 'eTag', ARGV[i * 3], 'item', ARGV[i * 3 + 1])
  redis.call('PEXPIRE', key, ARGV[1])
end
return 0
`;

/**
 * A botbuilder `Storage` in Redis, for conversation state shared by several instances. Like botbuilder's
 * MemoryStorage, a write whose eTag is neither empty, `*` nor the stored one fails, and every write gets a new eTag.
 */
export class RedisStorage implements Storage {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly ttlMs: number,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const transaction = this.redis.multi();
    for (const key of keys) transaction.hmget(this.redisKey(key), 'eTag', 'item').pexpire(this.redisKey(key), this.ttlMs);
    // exec() resolves null only when a WATCHed key changed, and nothing here WATCHes.
    const results = (await transaction.exec())!;
    const items: StoreItems = {};
    keys.forEach((key, index) => {
      const [error, fields] = results[index * 2];
      if (error) throw error;
      const [eTag, item] = fields as [string | null, string | null];
      if (eTag !== null && item !== null) items[key] = { ...(JSON.parse(item) as StoreItem), eTag };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    const args = keys.flatMap((key) => {
      const { eTag, ...item } = changes[key] as StoreItem;
      return [eTag ?? '', randomUUID(), JSON.stringify(item)];
    });
    const conflict = (await this.redis.eval(WRITE, keys.length, ...keys.map((key) => this.redisKey(key)), this.ttlMs, ...args)) as number;
    if (conflict > 0) throw new Error(`Storage: error writing "${keys[conflict - 1]}" due to eTag conflict.`);
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.redis.del(...keys.map((key) => this.redisKey(key)));
  }

  private redisKey(key: string): string {
    return `${this.keyPrefix}state:${key}`;
  }
}
