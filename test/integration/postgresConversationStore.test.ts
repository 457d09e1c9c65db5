import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationLimits } from '../../services/directline/conversations.js';
import { PostgresConversationStore } from '../../services/directline/postgresConversationStore.js';
import { activityOfSize as activityOf } from '../fixtures/activities.js';
import { conversationStoreContract } from './conversationStoreContract.js';
import { scratchSchema, type ScratchSchema } from './scratchDatabase.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the PostgreSQL conversation store', () => {
  let schema: ScratchSchema;
  beforeEach(async () => {
    schema = await scratchSchema();
  });
  afterEach(() => schema?.cleanUp());

  /** A store as one instance would have it: its own connection pool on the shared schema. */
  const instance = async (limits: Partial<ConversationLimits> = {}) =>
    new PostgresConversationStore(await schema.open(), { maxConversations: 10, idleMs: 60_000, maxActivities: 10, maxConversationBytes: 1_000_000, ...limits });
  const rowCount = async (sql: string) => (await schema.query<{ count: number }>(`SELECT count(*)::integer AS count FROM ${sql}`))[0].count;

  conversationStoreContract(async (limits) => new PostgresConversationStore(await schema.open(), limits));

  it('keeps only the activities within its budgets as rows', async () => {
    const store = await instance({ maxActivities: 3, maxConversationBytes: 3_000 });
    await store.create('c', 'u');
    for (let i = 0; i < 5; i++) await store.append('c', { id: `a${i}` });
    expect(await rowCount("dl_activities WHERE conversation_id = 'c'")).toBe(3);
    await store.append('c', activityOf('big', 5_000));
    expect(await rowCount('dl_activities')).toBe(1);
  });

  it('evicts the least recently used conversations past its limit', async () => {
    // Reading renews a conversation at most every tenth of its idle time (200 ms here), so polling stays cheap.
    const store = await instance({ maxConversations: 2, idleMs: 2000 });
    await store.create('a', 'u');
    await store.create('b', 'u');
    await sleep(250);
    await store.since('a', 0); // a is now used more recently than b
    await store.create('c', 'u');
    expect(await store.has('b')).toBe(false);
    expect(await store.append('b', { id: 'x' })).toBe(false);
    expect(await store.has('a')).toBe(true);
    expect(await store.has('c')).toBe(true);
    expect(await rowCount('dl_conversations')).toBe(2);
    expect(await rowCount("dl_activities WHERE conversation_id = 'b'")).toBe(0);
  });

  it('expires a conversation left idle, and keeps one in use alive', async () => {
    const store = await instance({ idleMs: 400 });
    await store.create('idle', 'u');
    await store.create('busy', 'u');
    for (let i = 0; i < 4; i++) {
      await sleep(200);
      expect(await store.append('busy', { id: `a${i}` })).toBe(true);
    }
    expect(await store.has('idle')).toBe(false);
    expect(await store.since('busy', 0)).toMatchObject({ watermark: 4 });
    await sleep(500);
    expect(await store.has('busy')).toBe(false);
    expect(await store.since('busy', 0)).toBeUndefined();
    // A new conversation may take an expired one's id, and starts empty.
    await store.create('busy', 'u');
    expect(await store.since('busy', 0)).toEqual({ activities: [], watermark: 0 });
  });

  it('shares conversations between instances, and loses no activity when they append at the same time', async () => {
    const a = await instance({ maxActivities: 200 });
    const b = await instance({ maxActivities: 200 });
    await a.create('shared', 'u');
    expect(await b.has('shared')).toBe(true);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => [a.append('shared', { id: `a${i}` }), b.append('shared', { id: `b${i}` })]).flat(),
    );
    const page = await a.since('shared', 0);
    expect(page?.watermark).toBe(100);
    expect(new Set(page?.activities.map((activity) => activity.id)).size).toBe(100);
    expect(await b.since('shared', 60)).toEqual({ activities: page?.activities.slice(60), watermark: 100 });
  });

  it('keeps the history bound and watermarks consistent under concurrent appends past the limit', async () => {
    const a = await instance({ maxActivities: 5 });
    const b = await instance({ maxActivities: 5 });
    await a.create('shared', 'u');
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append('shared', { id: `x${i}` })));
    const page = await b.since('shared', 0);
    expect(page?.watermark).toBe(20);
    expect(page?.activities).toHaveLength(5);
    expect(await a.since('shared', 17)).toEqual({ activities: page?.activities.slice(2), watermark: 20 });
  });
});
