import { beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../services/assistant.js';
import { matchList } from '../../services/conversation/listAnswers.js';
import type { ListQuery } from '../../services/conversation/listQuestions.js';
import { createLocalizer } from '../../services/i18n.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../services/knowledge/load.js';
import { LANGS } from '../../services/languages.js';
import { listCard } from '../../services/listCard.js';
import { answerCard } from '../../services/answerCard.js';
import { makeEntry } from '../fixtures/entries.js';
import { Renderer } from '../../bot/render.js';

const localizer = createLocalizer('locales');
const renderer = new Renderer(localizer);
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeBase('knowledge');
});

function listOf(query: ListQuery): Extract<Decision, { kind: 'list' }> {
  return { kind: 'list', query, ...matchList(kb.entries, query) };
}

/** A list longer than a page: schools teaching any IB programme. */
const IB_SCHOOLS: ListQuery = { kind: 'school', curricula: ['ib-pyp', 'ib-myp', 'ib-dp', 'ib-cp'] };

describe('rendering a list', () => {
  it('gives Web Chat a carousel of at most 8 cards, each opening its entry, and a "show more"', () => {
    const list = listOf(IB_SCHOOLS);
    expect(list.entries.length).toBeGreaterThan(8);
    const reply = renderer.listAnswer(list, 'en');
    expect(reply.attachmentLayout).toBe('carousel');
    expect(reply.attachments).toHaveLength(8);
    const [open, source] = reply.attachments![0].content.buttons;
    expect(open.value).toEqual({ type: 'entry', entryId: list.entries[0].id });
    // The source button links to the source that states what matched: the curricula here.
    const stating = list.entries[0].sources.find((s) => s.states?.includes('curricula'))!;
    expect(source).toMatchObject({ type: 'openUrl', value: stating.url });
    expect(reply.suggestedActions!.actions[0].value).toEqual({ type: 'listPage', query: list.query, offset: 8 });
    expect(reply.text).toContain(`Schools in our sources: ${list.entries.length}`);
  });

  it('writes numbered lines for a channel without cards', () => {
    const reply = renderer.listAnswer(listOf(IB_SCHOOLS), 'en', 0, { cards: false });
    expect(reply.attachments).toBeUndefined();
    expect(reply.text).toMatch(/^1\. .+Curriculum: .*IB.* — \[.+\]\(https?:\/\/.+\)$/m);
    expect(reply.text).toMatch(/^8\. /m);
    expect(reply.text).not.toMatch(/^9\. /m);
  });

  it('names the filters, the facets that matched, and what the sources do not state, in every language', () => {
    const list = listOf({ kind: 'hospital', features: ['internationalDepartment'] });
    expect(list.notStated).toBeGreaterThan(0);
    for (const lang of LANGS) {
      const card = listCard(list, lang, localizer);
      expect(card.filters).toContain(localizer.t(lang, 'feature.internationalDepartment'));
      expect(card.notStated).toContain(String(list.notStated));
      expect(card.items.every((item) => item.facets.includes(localizer.t(lang, 'feature.internationalDepartment')))).toBe(true);
      expect(JSON.stringify(card)).not.toMatch(/\{\{|list\.|filter\.|kind\./);
    }
  });

  it('says in the reader\'s language that nothing matched, right to left in Arabic', () => {
    const reply = renderer.listAnswer(listOf({ kind: 'school', districts: ['pinggu'] }), 'ar');
    expect(reply.channelData).toMatchObject({ kind: 'list', dir: 'rtl', entryIds: [] });
    expect(reply.text).toContain(localizer.t('ar', 'district.pinggu'));
    expect(reply.text).toContain('12345');
    expect(reply.attachments).toBeUndefined();
  });

  it('names "a foreign language" as a filter and each place\'s languages, in every language', () => {
    const list = listOf({ kind: 'hospital', foreignLanguage: true });
    expect(list.entries.length).toBeGreaterThan(0);
    for (const lang of LANGS) {
      const card = listCard(list, lang, localizer);
      expect(card.filters).toContain(localizer.t(lang, 'filter.foreignLanguage'));
      expect(card.items.every((item) => item.facets.includes(localizer.t(lang, 'filter.language', { value: '' }).trim()))).toBe(true);
    }
  });

  it('names each district of a place on several sites, in its line and in its card', () => {
    const campuses = makeEntry('campuses', {}, { facts: { district: ['shunyi', 'chaoyang'] }, facets: { kind: 'school' } });
    const list: Extract<Decision, { kind: 'list' }> = { kind: 'list', query: { kind: 'school', districts: ['chaoyang'] }, ...matchList([campuses], { kind: 'school', districts: ['chaoyang'] }) };
    expect(listCard(list, 'en', localizer).items[0].facets).toBe('District: Shunyi and Chaoyang');
    expect(answerCard(campuses, 'de', localizer).facts.find((line) => line.kind === 'district')?.text).toContain('Shunyi und Chaoyang');
  });
});
