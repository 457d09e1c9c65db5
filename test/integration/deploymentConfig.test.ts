import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../services/config.js';

// The settings that choose the shared stores; no server needed.
describe('the configuration of several instances', () => {
  it('keeps the single-machine defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redis).toEqual({ url: undefined, keyPrefix: 'bja:', stateTtlMs: 24 * 3_600_000 });
  });

  it('takes PostgreSQL and Redis URLs and a key prefix', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://assistant:secret@db.internal:5432/assistant?sslmode=require',
      REDIS_URL: 'rediss://cache.internal:6380/2',
      REDIS_KEY_PREFIX: 'assistant-prod:',
      CONVERSATION_STATE_TTL_HOURS: '1.5',
    });
    expect(config.databaseUrl).toBe('postgresql://assistant:secret@db.internal:5432/assistant?sslmode=require');
    expect(config.redis).toEqual({ url: 'rediss://cache.internal:6380/2', keyPrefix: 'assistant-prod:', stateTtlMs: 5_400_000 });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://db.internal/assistant' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'db.internal:5432' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://cache.internal:6379' }, 'REDIS_URL'],
    [{ REDIS_KEY_PREFIX: 'has spaces' }, 'REDIS_KEY_PREFIX'],
    [{ REDIS_KEY_PREFIX: '' }, 'REDIS_KEY_PREFIX'],
    [{ CONVERSATION_STATE_TTL_HOURS: '0' }, 'CONVERSATION_STATE_TTL_HOURS'],
  ])('rejects %o naming %s, without echoing the value', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}: `));
    expect(() => loadConfig(env)).not.toThrow(/internal/);
  });
});
