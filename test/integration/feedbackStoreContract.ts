import { afterEach, beforeEach, expect, it } from 'vitest';
import type { FeedbackStore } from '../../services/feedback/store.js';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * What every FeedbackStore does, whatever its database: `open` must give a new, empty store each time, and a way
 * to close it. Running it on SQLite and PostgreSQL alike is what shows the two answer the same.
 */
export function feedbackStoreContract(open: () => Promise<{ store: FeedbackStore; close(): Promise<void> }>): void {
  let store: FeedbackStore;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await open());
  });
  afterEach(() => close());

  it('keeps feedback, flags and unanswered questions, and reports them for editors', async () => {
    await store.record({ entryId: 'a', rating: 'down', lang: 'en', channel: 'test' });
    await store.record({ entryId: 'a', rating: 'down', lang: 'fr', channel: 'test' });
    await store.record({ entryId: 'a', rating: 'up', lang: 'fr', channel: 'test' });
    await store.record({ entryId: 'b', rating: 'up', lang: 'fr', channel: 'test' });
    await store.recordFlag({ entryId: 'b', reason: 'outdated', comment: 'new hours', username: 'op' });
    for (const text of ['Where to buy a bike?', 'where to buy a bike?', 'Best pizza?']) {
      await store.recordUnanswered({ text, lang: 'en', outcome: 'fallback' });
    }
    await store.recordUnanswered({ text: '天气', lang: 'zh', outcome: 'clarify', category: 'medical' });
    for (const text of ['Где ЗАГС?', 'где загс?']) await store.recordUnanswered({ text, lang: 'ru', outcome: 'fallback' });

    const report = await store.report(10);
    expect(report.negativeFeedback).toEqual([{ entryId: 'a', down: 2, up: 1 }]);
    expect(report.flaggedEntries).toEqual([{ entryId: 'b', flags: 1, lastComment: 'new hours' }]);
    expect(report.unanswered[0]).toEqual({ lang: 'en', category: '-', text: 'where to buy a bike?', count: 2 });
    expect(report.unanswered).toContainEqual({ lang: 'zh', category: 'medical', text: '天气', count: 1 });
    expect(report.unanswered).toContainEqual({ lang: 'ru', category: '-', text: 'где загс?', count: 2 });
  });

  it('records the choice that resolved a "did you mean", and reports it per question and entry', async () => {
    const first = await store.recordUnanswered({ text: 'PUMCH booking', lang: 'en', outcome: 'clarify', category: 'medical' });
    const second = await store.recordUnanswered({ text: 'pumch booking', lang: 'en', outcome: 'clarify', category: 'medical' });
    const third = await store.recordUnanswered({ text: 'visa', lang: 'en', outcome: 'clarify' });
    expect(new Set([first, second, third]).size).toBe(3);
    await store.resolveUnanswered(first, 'medical-pumch-booking-for-foreigners');
    await store.resolveUnanswered(second, 'medical-pumch-booking-for-foreigners');
    const report = await store.report(10);
    expect(report.resolvedChoices).toEqual([{ lang: 'en', text: 'pumch booking', entryId: 'medical-pumch-booking-for-foreigners', count: 2 }]);
    expect(report.unanswered).toContainEqual({ lang: 'en', category: '-', text: 'visa', count: 1 });
  });

  it('returns feedback and flags newest first, in the stored shapes', async () => {
    await store.record({ entryId: 'a', rating: 'up', lang: 'en', channel: 'webchat', conversationId: 'c-1' });
    await store.record({ entryId: 'b', rating: 'down', lang: 'ja', channel: 'staff' });
    const recent = await store.recent(10);
    expect(recent).toEqual([
      { id: expect.any(Number), entryId: 'b', rating: 'down', lang: 'ja', channel: 'staff', conversationId: undefined, createdAt: expect.stringMatching(ISO_TIME) },
      { id: expect.any(Number), entryId: 'a', rating: 'up', lang: 'en', channel: 'webchat', conversationId: 'c-1', createdAt: expect.stringMatching(ISO_TIME) },
    ]);
    expect(await store.recent(1)).toHaveLength(1);

    const first = await store.recordFlag({ entryId: 'x', reason: 'wrong', comment: 'fee changed', username: 'op1' });
    expect(first).toEqual({ id: expect.any(Number), entryId: 'x', reason: 'wrong', comment: 'fee changed', username: 'op1', createdAt: expect.stringMatching(ISO_TIME) });
    const second = await store.recordFlag({ entryId: 'y', reason: 'other', comment: '', username: 'op2' });
    expect(await store.flags(10)).toEqual([second, first]);
    expect(await store.flags(1)).toEqual([second]);
  });

  it('ranks each part of the report, breaks ties the same way, and keeps the top rows of each language and topic', async () => {
    const ask = (text: string, lang: 'en' | 'de', times: number, category?: string) =>
      Promise.all(Array.from({ length: times }, () => store.recordUnanswered({ text, lang, outcome: 'fallback', category })));
    await ask('  Visa A? ', 'en', 1);
    await ask('visa a?', 'en', 2);
    await ask('c', 'en', 2);
    await ask('b', 'en', 2);
    await ask('d', 'en', 1);
    await ask('bus', 'en', 1, 'transport');
    await ask('f', 'de', 1);
    const rate = (entryId: string, down: number, up: number) =>
      Promise.all([
        ...Array.from({ length: down }, () => store.record({ entryId, rating: 'down', lang: 'en', channel: 'test' })),
        ...Array.from({ length: up }, () => store.record({ entryId, rating: 'up', lang: 'en', channel: 'test' })),
      ]);
    await Promise.all([rate('x', 2, 0), rate('y', 2, 1), rate('z', 1, 0), rate('w', 0, 3), rate('v', 2, 0)]);
    for (const [entryId, comment] of [['p', 'first'], ['q', 'only'], ['r', 'one'], ['p', 'second'], ['r', 'two']]) {
      await store.recordFlag({ entryId, reason: 'outdated', comment, username: 'op' });
    }

    const report = await store.report(2);
    expect(report.unanswered).toEqual([
      { lang: 'de', category: '-', text: 'f', count: 1 },
      { lang: 'en', category: '-', text: 'visa a?', count: 3 },
      { lang: 'en', category: '-', text: 'b', count: 2 },
      { lang: 'en', category: 'transport', text: 'bus', count: 1 },
    ]);
    expect(report.negativeFeedback).toEqual([
      { entryId: 'v', down: 2, up: 0 },
      { entryId: 'x', down: 2, up: 0 },
    ]);
    expect(report.flaggedEntries).toEqual([
      { entryId: 'p', flags: 2, lastComment: 'second' },
      { entryId: 'r', flags: 2, lastComment: 'two' },
    ]);
  });

  it('purges rows older than the retention period only', async () => {
    await store.record({ entryId: 'a', rating: 'up', lang: 'en', channel: 'test' });
    expect(await store.purgeOlderThan(1)).toBe(0);
    expect(await store.recent(10)).toHaveLength(1);
  });
}
