import { afterAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../services/database/postgres.js';
import { MIGRATIONS } from '../../services/database/migrations.js';
import { PostgresFeedbackStore } from '../../services/feedback/postgresStore.js';
import { SqliteFeedbackStore } from '../../services/feedback/sqliteStore.js';
import { createLogger } from '../../services/logger.js';
import { feedbackStoreContract } from './feedbackStoreContract.js';
import { scratchSchema, type ScratchSchema } from './scratchDatabase.js';

const log = createLogger('silent');

describe('the SQLite feedback store', () => {
  feedbackStoreContract(async () => {
    const store = new SqliteFeedbackStore(':memory:');
    return { store, close: async () => store.close() };
  });
});

describe('the PostgreSQL feedback store', () => {
  const schemas: ScratchSchema[] = [];
  const newSchema = async () => {
    const schema = await scratchSchema();
    schemas.push(schema);
    return schema;
  };
  afterAll(() => Promise.all(schemas.map((schema) => schema.cleanUp())));

  feedbackStoreContract(async () => {
    const database = await (await newSchema()).open();
    return { store: new PostgresFeedbackStore(database), close: async () => undefined };
  });

  it('applies each migration once, also when several instances open a new database at the same time', async () => {
    const schema = await newSchema();
    const versions = async () =>
      (await schema.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version);
    const racing = await Promise.all([1, 2, 3].map(() => schema.open()));
    const applied = await versions();
    expect(applied).toEqual(MIGRATIONS.map((_, index) => index + 1));
    await new PostgresFeedbackStore(racing[0]).record({ entryId: 'kept', rating: 'up', lang: 'en', channel: 'test' });

    const reopened = await schema.open();
    expect(await versions()).toEqual(applied);
    expect((await new PostgresFeedbackStore(reopened).recent(10)).map((row) => row.entryId)).toEqual(['kept']);
  });

  it('purges what is older than the retention period, from every table', async () => {
    const schema = await newSchema();
    const store = new PostgresFeedbackStore(await schema.open());
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
  });

  it('fails to open when the database cannot be reached', async () => {
    const url = new URL((await newSchema()).url);
    url.port = '1';
    await expect(PostgresDatabase.open(url.toString(), log)).rejects.toThrow(/ECONNREFUSED/);
  });
});
