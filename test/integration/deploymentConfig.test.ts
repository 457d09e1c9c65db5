import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../services/config.js';

// The settings that choose the shared store; no server needed.
describe('the configuration of several instances', () => {
  it('keeps the single-machine defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.conversationStateTtlMs).toBe(24 * 3_600_000);
  });

  it('takes a PostgreSQL URL and the conversation state time to live', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://assistant:secret@db.internal:5432/assistant?sslmode=require',
      CONVERSATION_STATE_TTL_HOURS: '1.5',
    });
    expect(config.databaseUrl).toBe('postgresql://assistant:secret@db.internal:5432/assistant?sslmode=require');
    expect(config.conversationStateTtlMs).toBe(5_400_000);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://db.internal/assistant' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'db.internal:5432' }, 'DATABASE_URL'],
    [{ CONVERSATION_STATE_TTL_HOURS: '0' }, 'CONVERSATION_STATE_TTL_HOURS'],
  ])('rejects %o naming %s, without echoing the value', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}: `));
    expect(() => loadConfig(env)).not.toThrow(/internal/);
  });
});

describe('the number of workers', () => {
  it('is one without a shared store, and one per core with it unless WEB_CONCURRENCY says', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.internal/assistant' }).workers).toBe(availableParallelism());
    expect(loadConfig({ DATABASE_URL: 'postgres://db.internal/assistant', WEB_CONCURRENCY: '3' }).workers).toBe(3);
  });

  it('refuses several workers without DATABASE_URL, whose state would be split between them', () => {
    expect(() => loadConfig({ WEB_CONCURRENCY: '2' })).toThrow(/WEB_CONCURRENCY: several workers share .* DATABASE_URL/);
    expect(() => loadConfig({ WEB_CONCURRENCY: '0' })).toThrow(/WEB_CONCURRENCY/);
  });
});
