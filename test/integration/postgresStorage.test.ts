import { ConversationState, TestAdapter } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresStorage } from '../../bot/postgresStorage.js';
import { scratchSchema, type ScratchSchema } from './scratchDatabase.js';

describe('the PostgreSQL botbuilder storage', () => {
  let schema: ScratchSchema;
  beforeEach(async () => {
    schema = await scratchSchema();
  });
  afterEach(() => schema?.cleanUp());

  /** A storage as one instance would have it: its own connection pool on the shared schema. */
  const storage = async (ttlMs = 60_000) => new PostgresStorage(await schema.open(), ttlMs);

  it('reads back what it wrote, with a new eTag, and nothing for unknown keys', async () => {
    const store = await storage();
    expect(await store.read(['missing'])).toEqual({});
    await store.write({ one: { lang: 'fr', count: 1, nested: { list: [] } }, two: { lang: 'ar' } });
    const items = await store.read(['one', 'two', 'missing']);
    expect(Object.keys(items).sort()).toEqual(['one', 'two']);
    expect(items.one).toEqual({ lang: 'fr', count: 1, nested: { list: [] }, eTag: expect.any(String) });
    expect(items.two.eTag).not.toBe(items.one.eTag);
  });

  it('refuses a write with a stale eTag, and changes nothing when one item of a write conflicts', async () => {
    const a = await storage();
    const b = await storage();
    await a.write({ state: { lang: 'en' } });
    const read = (await a.read(['state'])).state;
    await b.write({ state: { ...read, lang: 'de' } });
    await expect(a.write({ state: { ...read, lang: 'ja' } })).rejects.toThrow('Storage: error writing "state" due to eTag conflict.');
    await expect(a.write({ other: { lang: 'ko' }, state: { ...read, lang: 'ja' } })).rejects.toThrow(/eTag conflict/);
    expect(await a.read(['state', 'other'])).toEqual({ state: { lang: 'de', eTag: expect.any(String) } });

    const current = (await a.read(['state'])).state;
    await a.write({ state: { ...current, lang: 'zh' } });
    await a.write({ state: { lang: 'ru', eTag: '*' } });
    expect((await b.read(['state'])).state.lang).toBe('ru');
  });

  it('deletes items', async () => {
    const store = await storage();
    await store.write({ one: { a: 1 }, two: { b: 2 } });
    await store.delete(['one', 'never-written']);
    expect(Object.keys(await store.read(['one', 'two']))).toEqual(['two']);
  });

  it('forgets an item left unread and unwritten for its time to live', async () => {
    const store = await storage(300);
    await store.write({ kept: { a: 1 }, dropped: { b: 2 } });
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await store.read(['kept']);
    }
    expect(Object.keys(await store.read(['kept', 'dropped']))).toEqual(['kept']);
  });

  it('holds a ConversationState that a second instance reads', async () => {
    const saveLang = async (storageOfInstance: PostgresStorage, lang?: string) => {
      const state = new ConversationState(storageOfInstance);
      const property = state.createProperty<string>('conversationLang');
      let seen: string | undefined;
      const adapter = new TestAdapter(async (context) => {
        seen = await property.get(context);
        if (lang) await property.set(context, lang);
        await state.saveChanges(context);
      });
      await adapter.send('hello');
      return seen;
    };
    await saveLang(await storage(), 'ko');
    expect(await saveLang(await storage())).toBe('ko');
  });
});
