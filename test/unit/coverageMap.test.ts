import { describe, expect, it } from 'vitest';
import { coverageMarkdown, PortalTopicsSchema, summarize } from '../../services/knowledge/coverageMap.js';
import { makeEntry } from '../fixtures/entries.js';

const topics = PortalTopicsSchema.parse([
  { topic: 'Loss of passports', section: 'Living in Beijing', url: 'https://english.beijing.gov.cn/a', entries: ['lost-passport'] },
  { topic: 'Marriage registration', section: 'Living in Beijing', url: 'https://english.beijing.gov.cn/b', entries: ['marriage'] },
  { topic: 'Dog licence', section: 'Living in Beijing', url: 'https://english.beijing.gov.cn/c', reason: 'not yet written' },
  { topic: 'Company registration', section: 'Investing in Beijing', url: 'https://english.beijing.gov.cn/d', reason: 'business, not residents', appointment: true },
]);

describe('the coverage map', () => {
  it('counts a topic covered only when one of its entries is in the knowledge base, and leaves business topics out', () => {
    expect(summarize(topics, [makeEntry('lost-passport')])).toEqual({ topics: 4, forResidents: 3, covered: 1 });
  });

  it('puts the share at the top, and marks entries not merged yet', () => {
    const markdown = coverageMarkdown(topics, [makeEntry('lost-passport')]);
    expect(markdown).toMatch(/\*\*1 of 3 topics for residents covered \(33%\)\.\*\*/);
    expect(markdown).toContain('| [Marriage registration](https://english.beijing.gov.cn/b) | `marriage` (draft, not merged) | entry not merged yet |');
    expect(markdown).toContain('| [Company registration](https://english.beijing.gov.cn/d) (appointment) |  | business, not residents |');
  });

  it('refuses a topic with both entries and a reason, or neither', () => {
    expect(PortalTopicsSchema.safeParse([{ topic: 't', section: 's', url: 'https://x.org', entries: ['a'], reason: 'not yet written' }]).success).toBe(false);
    expect(PortalTopicsSchema.safeParse([{ topic: 't', section: 's', url: 'https://x.org' }]).success).toBe(false);
  });
});
