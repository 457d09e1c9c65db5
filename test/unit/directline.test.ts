import { describe, expect, it } from 'vitest';
import { MemoryConversationStore } from '../../services/directline/conversations.js';
import { TokenSigner } from '../../services/directline/tokens.js';
import { activityOfSize as activityOf } from '../fixtures/activities.js';

describe('Direct Line tokens', () => {
  it('verify their own claims, and refuse tampering, another key and expiry', () => {
    let now = 1_000_000;
    const signer = new TokenSigner('a'.repeat(32), 60, () => now);
    const { token } = signer.issue('conversation-1', 'user-1');
    expect(signer.verify(token)).toMatchObject({ conversationId: 'conversation-1', userId: 'user-1' });

    const [payload, signature] = token.split('.');
    const tampered = Buffer.from(JSON.stringify({ conversationId: 'conversation-2', userId: 'u', expires: 9e9 })).toString('base64url');
    expect(signer.verify(`${tampered}.${signature}`)).toBeUndefined();
    expect(new TokenSigner('b'.repeat(32), 60, () => now).verify(token)).toBeUndefined();
    expect(signer.verify(`${payload}`)).toBeUndefined();
    now += 61_000;
    expect(signer.verify(token)).toBeUndefined();
  });
});

const LIMITS = { maxConversations: 10, idleMs: 60_000, maxActivities: 10, maxConversationBytes: 1_000_000, maxMemoryBytes: 10_000_000 };

describe('the conversation store', () => {
  it('bounds history per conversation while keeping watermarks valid', async () => {
    const store = new MemoryConversationStore({ ...LIMITS, maxActivities: 3 });
    await store.create('c', 'u');
    for (let i = 0; i < 5; i++) await store.append('c', { id: `a${i}` });
    expect(await store.since('c', 0)).toEqual({ activities: [{ id: 'a2' }, { id: 'a3' }, { id: 'a4' }], watermark: 5 });
    expect((await store.since('c', 4))?.activities).toEqual([{ id: 'a4' }]);
    expect((await store.since('c', 5))?.activities).toEqual([]);
  });

  it('drops the least recently used conversations past its limit', async () => {
    const store = new MemoryConversationStore({ ...LIMITS, maxConversations: 2 });
    await store.create('a', 'u');
    await store.create('b', 'u');
    await store.create('c', 'u');
    expect(store.size).toBe(2);
    expect(await store.has('a')).toBe(false);
    expect(await store.append('a', { id: 'x' })).toBe(false);
  });

  it('keeps a conversation within its byte budget, oldest first, keeping watermarks valid', async () => {
    const store = new MemoryConversationStore({ ...LIMITS, maxConversationBytes: 3_000 });
    await store.create('c', 'u');
    for (let i = 0; i < 5; i++) await store.append('c', activityOf(`a${i}`, 1_000));
    const page = await store.since('c', 0);
    expect(page?.activities.map((a) => a.id)).toEqual(['a2', 'a3', 'a4']);
    expect(page?.watermark).toBe(5);
    // One activity bigger than the whole budget still stays: it is the newest.
    await store.append('c', activityOf('big', 5_000));
    expect((await store.since('c', 0))?.activities.map((a) => a.id)).toEqual(['big']);
    expect((await store.since('c', 5))?.watermark).toBe(6);
  });

  it('keeps all conversations within the memory budget, dropping the least recently used', async () => {
    const store = new MemoryConversationStore({ ...LIMITS, maxConversations: 1_000, maxMemoryBytes: 10_000 });
    for (let i = 0; i < 20; i++) {
      await store.create(`c${i}`, 'u');
      await store.append(`c${i}`, activityOf(`a${i}`, 1_000));
    }
    expect(store.bytes).toBeLessThanOrEqual(10_000);
    expect(store.size).toBeLessThan(10);
    expect(await store.has('c0')).toBe(false);
    expect(await store.has('c19')).toBe(true);
    // Using a conversation keeps it: the one read last survives the next arrivals.
    const survivor = `c${20 - store.size + 1}`;
    await store.since(survivor, 0);
    for (let i = 20; i < 25; i++) {
      await store.create(`c${i}`, 'u');
      await store.append(`c${i}`, activityOf(`a${i}`, 1_000));
    }
    expect(await store.has(survivor)).toBe(true);
  });
});
