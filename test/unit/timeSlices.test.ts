import type MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../services/retrieval/lexical.js';
import { atOnce, inSlices } from '../../services/timeSlices.js';
import { makeEntry } from '../fixtures/entries.js';

/** Steps that each keep the CPU busy for `ms`, as an index build's do. */
function* busySteps(count: number, ms: number): Generator<void, string> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    yield;
  }
  return 'finished';
}

/** Resolves to whether a timer set now fired before `work` settled. */
async function timerFiresDuring(work: () => Promise<unknown>): Promise<boolean> {
  let fired = false;
  const timer = setTimeout(() => (fired = true), 0);
  const firedBefore = await work().then(() => fired);
  clearTimeout(timer);
  return firedBefore;
}

describe('work in time slices', () => {
  it('lets a timer run between slices, and returns what the work returns', async () => {
    let result: string | undefined;
    expect(await timerFiresDuring(async () => (result = await inSlices(busySteps(20, 2))))).toBe(true);
    expect(result).toBe('finished');
  });

  it('runs the same steps straight through when asked to', async () => {
    expect(await timerFiresDuring(async () => atOnce(busySteps(20, 2)))).toBe(false);
  });
});

const entries = Array.from({ length: 100 }, (_, i) =>
  makeEntry(`entry-${i}`, {
    en: { title: `Service ${i}: residence permits and visas`, answer: `Call 12345 or visit window ${i} with your passport.` },
    zh: { title: `第${i}号服务：居留许可和签证`, answer: `请拨打12345或到${i}号窗口办理。` },
    ko: { title: `${i}번 서비스: 외국인 거류허가`, answer: `여권을 가지고 ${i}번 창구를 방문하세요.` },
  }, { tags: [`tag-${i % 7}`] }),
);

/** What a lexical index is made of: MiniSearch's whole index, and the entry frequencies behind coverage. */
function contents(index: LexicalIndex) {
  const { search, entryFrequency, entryCount } = index as unknown as { search: MiniSearch; entryFrequency: Map<string, number>; entryCount: number };
  return { search: JSON.stringify(search.toJSON()), entryFrequency: [...entryFrequency], entryCount };
}

describe('the lexical index built in time slices', () => {
  it('is identical to the one built at once', async () => {
    const sliced = await LexicalIndex.build(entries, 1);
    const atOnceIndex = new LexicalIndex(entries, 1);
    expect(contents(sliced)).toEqual(contents(atOnceIndex));
    for (const question of ['residence permit window 7', '居留许可', '외국인 거류허가', 'visas servise']) {
      expect(sliced.query(question, 'en')).toEqual(atOnceIndex.query(question, 'en'));
    }
  });

  it('lets timers (and requests) run while it builds', async () => {
    expect(await timerFiresDuring(() => LexicalIndex.build(entries, 1))).toBe(true);
  });
});
