import { expect, it } from 'vitest';
import type { ConversationLimits, ConversationStore } from '../../services/directline/conversations.js';
import { activityOfSize as activityOf } from '../fixtures/activities.js';

export const CONTRACT_LIMITS: ConversationLimits = { maxConversations: 10, idleMs: 60_000, maxActivities: 10, maxConversationBytes: 1_000_000 };

/**
 * What every Direct Line conversation store does, in memory or in PostgreSQL: `open` gives a new, empty store with
 * these limits. Each store's own test adds what only it has (the memory budget; rows in the database).
 */
export function conversationStoreContract(open: (limits: ConversationLimits) => Promise<ConversationStore>): void {
  const store = (limits: Partial<ConversationLimits> = {}) => open({ ...CONTRACT_LIMITS, ...limits });

  it('knows only the conversations it created, and keeps their activities in order', async () => {
    const conversations = await store();
    expect(await conversations.has('c')).toBe(false);
    expect(await conversations.append('c', { id: 'lost' })).toBe(false);
    expect(await conversations.since('c', 0)).toBeUndefined();
    await conversations.create('c', 'u');
    await conversations.create('c', 'u');
    expect(await conversations.has('c')).toBe(true);
    expect(await conversations.since('c', 0)).toEqual({ activities: [], watermark: 0 });
    await conversations.append('c', { id: 'a0', type: 'message', text: 'héllo 你好', nested: { deep: [1, 2] } });
    await conversations.append('c', { id: 'a1' });
    expect(await conversations.since('c', 0)).toEqual({ activities: [{ id: 'a0', type: 'message', text: 'héllo 你好', nested: { deep: [1, 2] } }, { id: 'a1' }], watermark: 2 });
  });

  it('bounds history per conversation while keeping watermarks valid', async () => {
    const conversations = await store({ maxActivities: 3 });
    await conversations.create('c', 'u');
    for (let i = 0; i < 5; i++) await conversations.append('c', { id: `a${i}` });
    expect(await conversations.since('c', 0)).toEqual({ activities: [{ id: 'a2' }, { id: 'a3' }, { id: 'a4' }], watermark: 5 });
    expect((await conversations.since('c', 4))?.activities).toEqual([{ id: 'a4' }]);
    expect(await conversations.since('c', 5)).toEqual({ activities: [], watermark: 5 });
    expect(await conversations.since('c', 9)).toEqual({ activities: [], watermark: 5 });
  });

  it('keeps a conversation within its byte budget, oldest first, keeping watermarks valid', async () => {
    const conversations = await store({ maxConversationBytes: 3_000 });
    await conversations.create('c', 'u');
    for (let i = 0; i < 5; i++) await conversations.append('c', activityOf(`a${i}`, 1_000));
    const page = await conversations.since('c', 0);
    expect(page?.activities.map((a) => a.id)).toEqual(['a2', 'a3', 'a4']);
    expect(page?.watermark).toBe(5);
    // One activity bigger than the whole budget still stays: it is the newest.
    await conversations.append('c', activityOf('big', 5_000));
    expect((await conversations.since('c', 0))?.activities.map((a) => a.id)).toEqual(['big']);
    expect((await conversations.since('c', 5))?.watermark).toBe(6);
  });
}
