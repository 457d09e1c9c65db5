import type { Redis } from 'ioredis';
import type { ChannelActivity, ConversationLimits, ConversationStore } from './conversations.js';

/*
 * Each operation is one Lua script, which Redis runs atomically: instances sharing a conversation cannot
 * interleave inside an append or an eviction. Keys, under the configured prefix:
 *   dl:<id>:meta        hash { userId, offset }: exists as long as the conversation does
 *   dl:<id>:activities  list of activities as JSON, oldest first; `offset` is the watermark of the first one
 *   dl:recent           sorted set of conversation ids by last use (µs, so quick successive uses stay ordered),
 *                       to evict the least recently used
 * Every script gets KEYS = [meta, activities, recent] and ARGV = [id, idleMs, ...]. Eviction deletes other
 * conversations' keys, which are not in KEYS: that needs one Redis (or a primary with replicas), not a Redis Cluster.
 */

/** Marks the conversation used now: its keys expire idleMs from now, and it moves to the end of the eviction line. */
const TOUCH = `
local function now_us()
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000000 + tonumber(time[2])
end
local function touch()
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
  redis.call('ZADD', KEYS[3], now_us(), ARGV[1])
end
`;

/** ARGV[3] userId, ARGV[4] maxConversations, ARGV[5] key prefix (to delete evicted conversations' keys). */
const CREATE = `${TOUCH}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'userId', ARGV[3], 'offset', 0)
touch()
-- Ids last used more than idleMs ago have expired already: forget them, then evict the oldest past the limit.
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now_us() - tonumber(ARGV[2]) * 1000)
local excess = redis.call('ZCARD', KEYS[3]) - tonumber(ARGV[4])
if excess > 0 then
  for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, excess - 1)) do
    redis.call('DEL', ARGV[5] .. 'dl:' .. id .. ':meta', ARGV[5] .. 'dl:' .. id .. ':activities')
  end
  redis.call('ZREMRANGEBYRANK', KEYS[3], 0, excess - 1)
end
return 1
`;

/** ARGV[3] the activity as JSON, ARGV[4] maxActivities. */
const APPEND = `${TOUCH}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local excess = redis.call('RPUSH', KEYS[2], ARGV[3]) - tonumber(ARGV[4])
if excess > 0 then
  redis.call('LTRIM', KEYS[2], excess, -1)
  redis.call('HINCRBY', KEYS[1], 'offset', excess)
end
touch()
return 1
`;

/** ARGV[3] the watermark; returns { new watermark, activities after the old one } or nil. */
const SINCE = `${TOUCH}
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local offset = tonumber(redis.call('HGET', KEYS[1], 'offset'))
local activities = redis.call('LRANGE', KEYS[2], math.max(0, tonumber(ARGV[3]) - offset), -1)
local watermark = offset + redis.call('LLEN', KEYS[2])
touch()
return { watermark, activities }
`;

/** Direct Line conversations in Redis, shared by every instance, with the same bounds as the memory store. */
export class RedisConversationStore implements ConversationStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly limits: ConversationLimits,
  ) {}

  async has(conversationId: string): Promise<boolean> {
    return (await this.redis.exists(this.metaKey(conversationId))) === 1;
  }

  async create(conversationId: string, userId: string): Promise<void> {
    await this.run(CREATE, conversationId, userId, this.limits.maxConversations, this.keyPrefix);
  }

  async append(conversationId: string, activity: ChannelActivity): Promise<boolean> {
    return (await this.run(APPEND, conversationId, JSON.stringify(activity), this.limits.maxActivities)) === 1;
  }

  async since(conversationId: string, watermark: number): Promise<{ activities: ChannelActivity[]; watermark: number } | undefined> {
    const page = (await this.run(SINCE, conversationId, watermark)) as [number, string[]] | null;
    if (!page) return undefined;
    return { watermark: page[0], activities: page[1].map((json) => JSON.parse(json) as ChannelActivity) };
  }

  private metaKey(conversationId: string): string {
    return `${this.keyPrefix}dl:${conversationId}:meta`;
  }

  private run(script: string, conversationId: string, ...args: (string | number)[]): Promise<unknown> {
    const keys = [this.metaKey(conversationId), `${this.keyPrefix}dl:${conversationId}:activities`, `${this.keyPrefix}dl:recent`];
    // PEXPIRE takes whole milliseconds.
    return this.redis.eval(script, keys.length, ...keys, conversationId, Math.round(this.limits.idleMs), ...args);
  }
}
