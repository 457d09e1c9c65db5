import { afterAll, describe, expect, it } from 'vitest';
import { PostgresFeedbackStore } from '../../services/feedback/postgresStore.js';
import { SqliteFeedbackStore } from '../../services/feedback/sqliteStore.js';
import { createLogger } from '../../services/logger.js';
import { feedbackStoreContract } from './feedbackStoreContract.js';
import { scratchSchema, type ScratchSchema } from './servers.js';

const log = createLogger('silent');

describe('the SQLite feedback store', () => {
  feedbackStoreContract(async () => new SqliteFeedbackStore(':memory:'));
});

describe('the PostgreSQL feedback store', () => {
  const schemas: ScratchSchema[] = [];
  const newSchema = async () => {
    const schema = await scratchSchema();
    schemas.push(schema);
    return schema;
  };
  afterAll(() => Promise.all(schemas.map((schema) => schema.cleanUp())));

  feedbackStoreContract(async () => PostgresFeedbackStore.open((await newSchema()).url, log));

  it('applies each migration once, also when several instances open a new database at the same time', async () => {
    const schema = await newSchema();
    const versions = async () =>
      (await schema.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version);
    const racing = await Promise.all([1, 2, 3].map(() => PostgresFeedbackStore.open(schema.url, log)));
    const applied = await versions();
    expect(applied.length).toBeGreaterThanOrEqual(3);
    expect(applied).toEqual(applied.map((_, index) => index + 1));
    await racing[0].record({ entryId: 'kept', rating: 'up', lang: 'en', channel: 'test' });
    await Promise.all(racing.map((store) => store.close()));

    const reopened = await PostgresFeedbackStore.open(schema.url, log);
    expect(await versions()).toEqual(applied);
    expect((await reopened.recent(10)).map((row) => row.entryId)).toEqual(['kept']);
    await reopened.close();
  });

  it('purges what is older than the retention period, from every table', async () => {
    const schema = await newSchema();
    const store = await PostgresFeedbackStore.open(schema.url, log);
    await store.record({ entryId: 'old', rating: 'up', lang: 'en', channel: 'test' });
    await store.record({ entryId: 'new', rating: 'up', lang: 'en', channel: 'test' });
    await store.recordFlag({ entryId: 'old', reason: 'wrong', comment: '', username: 'op' });
    await store.recordUnanswered({ text: 'old question', lang: 'en', outcome: 'fallback' });
    await schema.query("UPDATE feedback SET created_at = now() - interval '3 days' WHERE entry_id = 'old'");
    await schema.query("UPDATE staff_flags SET created_at = now() - interval '3 days'");
    await schema.query("UPDATE unanswered SET created_at = now() - interval '3 days'");

    expect(await store.purgeOlderThan(2)).toBe(3);
    expect((await store.recent(10)).map((row) => row.entryId)).toEqual(['new']);
    expect(await store.flags(10)).toEqual([]);
    expect(await store.purgeOlderThan(2)).toBe(0);
    await store.close();
  });

  it('fails to open when the database cannot be reached', async () => {
    const url = new URL((await newSchema()).url);
    url.port = '1';
    await expect(PostgresFeedbackStore.open(url.toString(), log)).rejects.toThrow(/ECONNREFUSED/);
  });
});
