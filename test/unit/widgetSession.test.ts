import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshTime, SessionStore, type Session } from '../../web/widget/session.js';

const session: Session = { conversationId: 'c1', token: 't1', refreshAt: 1_000, watermark: '4', lang: 'ar', userId: 'u1' };

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the saved session', () => {
  beforeEach(() => {
    vi.stubGlobal('sessionStorage', memoryStorage());
  });

  it('round-trips, under its own key', () => {
    const store = new SessionStore('beijing-assistant:https://a.example');
    store.save(session);
    expect(store.load()).toEqual(session);
    expect(new SessionStore('beijing-assistant:https://b.example').load()).toBeUndefined();
    store.clear();
    expect(store.load()).toBeUndefined();
  });

  it('ignores what is not a valid session', () => {
    const store = new SessionStore('key');
    sessionStorage.setItem('key', '{not json');
    expect(store.load()).toBeUndefined();
    sessionStorage.setItem('key', JSON.stringify({ ...session, lang: 'xx' }));
    expect(store.load()).toBeUndefined();
    sessionStorage.setItem('key', JSON.stringify({ ...session, refreshAt: '1000' }));
    expect(store.load()).toBeUndefined();
  });

  it('refreshes tokens halfway through their lifetime', () => {
    expect(refreshTime(1800, 10_000)).toBe(10_000 + 900_000);
  });
});

describe('without usable storage', () => {
  it('works, forgetting the conversation', () => {
    const refuse = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    vi.stubGlobal('sessionStorage', { getItem: refuse, setItem: refuse, removeItem: refuse });
    const store = new SessionStore('key');
    expect(() => store.save(session)).not.toThrow();
    expect(store.load()).toBeUndefined();
    expect(() => store.clear()).not.toThrow();
  });
});
