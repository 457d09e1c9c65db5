import { describe, expect, it } from 'vitest';
import { SqliteFeedbackStore } from '../../services/feedback/sqliteStore.js';

describe('the SQLite feedback store', () => {
  it('keeps feedback, flags and unanswered questions, and reports them for editors', async () => {
    const store = new SqliteFeedbackStore(':memory:');
    await store.record({ entryId: 'a', rating: 'down', lang: 'en', channel: 'test' });
    await store.record({ entryId: 'a', rating: 'down', lang: 'fr', channel: 'test' });
    await store.record({ entryId: 'a', rating: 'up', lang: 'fr', channel: 'test' });
    await store.record({ entryId: 'b', rating: 'up', lang: 'fr', channel: 'test' });
    await store.recordFlag({ entryId: 'b', reason: 'outdated', comment: 'new hours', username: 'op' });
    for (const text of ['Where to buy a bike?', 'where to buy a bike?', 'Best pizza?']) {
      await store.recordUnanswered({ text, lang: 'en', outcome: 'fallback' });
    }
    await store.recordUnanswered({ text: '天气', lang: 'zh', outcome: 'clarify', category: 'medical' });

    const report = await store.report(10);
    expect(report.negativeFeedback).toEqual([{ entryId: 'a', down: 2, up: 1 }]);
    expect(report.flaggedEntries).toEqual([{ entryId: 'b', flags: 1, lastComment: 'new hours' }]);
    expect(report.unanswered[0]).toEqual({ lang: 'en', category: '-', text: 'where to buy a bike?', count: 2 });
    expect(report.unanswered).toContainEqual({ lang: 'zh', category: 'medical', text: '天气', count: 1 });
    await store.close();
  });

  it('purges rows older than the retention period only', async () => {
    const store = new SqliteFeedbackStore(':memory:');
    await store.record({ entryId: 'a', rating: 'up', lang: 'en', channel: 'test' });
    expect(await store.purgeOlderThan(1)).toBe(0);
    expect(await store.recent(10)).toHaveLength(1);
    await store.close();
  });
});
