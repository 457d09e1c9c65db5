import { describe, expect, it } from 'vitest';
import { MemoryConversationStore } from '../../services/directline/conversations.js';
import { TokenSigner } from '../../services/directline/tokens.js';
import { activityOfSize as activityOf } from '../fixtures/activities.js';
import { CONTRACT_LIMITS, conversationStoreContract } from '../integration/conversationStoreContract.js';

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

const LIMITS = { ...CONTRACT_LIMITS, maxMemoryBytes: 10_000_000 };

describe('the conversation store in memory', () => {
  conversationStoreContract(async (limits) => new MemoryConversationStore({ ...limits, maxMemoryBytes: LIMITS.maxMemoryBytes }));

  it('drops the least recently used conversations past its limit', async () => {
    const store = new MemoryConversationStore({ ...LIMITS, maxConversations: 2 });
    await store.create('a', 'u');
    await store.create('b', 'u');
    await store.create('c', 'u');
    expect(store.size).toBe(2);
    expect(await store.has('a')).toBe(false);
    expect(await store.append('a', { id: 'x' })).toBe(false);
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
