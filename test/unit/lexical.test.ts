import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../services/retrieval/lexical.js';
import { inSlices } from '../../services/timeSlices.js';
import { makeEntry } from '../fixtures/entries.js';

const entries = [
  makeEntry('hospital-appointment', { en: { title: 'Booking a hospital appointment', questions: ['How do I book an appointment at the hospital?'] } }),
  makeEntry('residence-permit', {
    en: { title: 'Renewing a residence permit', questions: ['How do I renew my residence permit?'] },
    zh: { title: '居留许可延期', questions: ['怎么办理居留许可延期？'] },
    ko: { title: '체류허가 연장', questions: ['체류허가 연장은 어떻게 하나요?'] },
  }),
];

describe('the lexical index', () => {
  it('finds an entry through typos alone, and gives the same answer when the typo comes back (its fuzzy lookup remembered)', () => {
    const index = new LexicalIndex(entries, 1);
    const first = index.query('residance permitt', 'en');
    expect(first[0]?.entryId).toBe('residence-permit');
    expect(index.query('residance permitt', 'en')).toEqual(first);
    // A fresh index, with nothing remembered, agrees.
    expect(new LexicalIndex(entries, 1).query('residance permitt', 'en')).toEqual(first);
  });

  it('measures coverage on Chinese and Korean words as on Latin ones (their terms are stored encoded)', () => {
    const index = new LexicalIndex(entries, 1);
    for (const [question, lang] of [['居留许可延期', 'zh'], ['체류허가 연장', 'ko'], ['renew residence permit', 'en']] as const) {
      const [best] = index.query(question, lang);
      expect(best.entryId).toBe('residence-permit');
      expect(best.coverage).toBeCloseTo(1);
    }
  });

  it('answers exactly as before once saved and loaded, typos, Chinese and Korean included', async () => {
    const built = new LexicalIndex(entries, 1);
    const lines: string[] = [];
    await inSlices(built.savedLines(lines));
    const loaded = await LexicalIndex.load(`${lines.join('\n')}\n`, 1);
    expect(loaded?.documentCount).toBe(built.documentCount);
    for (const [question, lang] of [['residance permitt', 'en'], ['book a hospital appointment', 'en'], ['居留许可延期', 'zh'], ['체류허가 연장', 'ko'], ['weather', 'en']] as const) {
      expect(loaded!.query(question, lang)).toEqual(built.query(question, lang));
    }
  });

  it('does not load an index saved in another format', async () => {
    const lines: string[] = [];
    await inSlices(new LexicalIndex(entries, 1).savedLines(lines));
    const head = JSON.parse(lines[0]) as Record<string, unknown>;
    lines[0] = JSON.stringify({ ...head, format: -1 });
    expect(await LexicalIndex.load(lines.join('\n'), 1)).toBeUndefined();
  });
});
