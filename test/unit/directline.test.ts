import { describe, expect, it } from 'vitest';
import { MemoryConversationStore } from '../../services/directline/conversations.js';
import { TokenSigner } from '../../services/directline/tokens.js';

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

describe('the conversation store', () => {
  it('bounds history per conversation while keeping watermarks valid', async () => {
    const store = new MemoryConversationStore({ maxConversations: 10, idleMs: 60_000, maxActivities: 3 });
    await store.create('c', 'u');
    for (let i = 0; i < 5; i++) await store.append('c', { id: `a${i}` });
    expect(await store.since('c', 0)).toEqual({ activities: [{ id: 'a2' }, { id: 'a3' }, { id: 'a4' }], watermark: 5 });
    expect((await store.since('c', 4))?.activities).toEqual([{ id: 'a4' }]);
    expect((await store.since('c', 5))?.activities).toEqual([]);
  });

  it('drops the least recently used conversations past its limit', async () => {
    const store = new MemoryConversationStore({ maxConversations: 2, idleMs: 60_000, maxActivities: 10 });
    await store.create('a', 'u');
    await store.create('b', 'u');
    await store.create('c', 'u');
    expect(store.size).toBe(2);
    expect(await store.has('a')).toBe(false);
    expect(await store.append('a', { id: 'x' })).toBe(false);
  });
});
