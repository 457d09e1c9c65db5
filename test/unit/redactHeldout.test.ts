/**
 * Redaction measured on personal data it was not written from: each file in test/privacy/ was written by someone
 * who never saw the rules, and the rules' authors never saw them. Do not tune the rules on these samples; add new
 * development samples to redact.test.ts instead.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../services/knowledge/load.js';
import type { Lang } from '../../services/languages.js';
import { normaliseForStorage } from '../../services/privacy/redact.js';
import { storedQuestion } from '../../services/privacy/storedQuestion.js';

interface Sample {
  lang: Lang;
  text: string;
  pii: string[];
}

const SETS = ['pii-heldout.yaml', 'pii-heldout-2.yaml', 'pii-heldout-3.yaml'];
const samples = SETS.flatMap((file) => (parse(readFileSync(new URL(`../privacy/${file}`, import.meta.url), 'utf8')) as Sample[]).map((sample) => ({ ...sample, file })));
const kb = await loadKnowledgeBase('knowledge');

/**
 * The parts of an item that must not survive: each word of 3 characters or more (2 for Chinese, Japanese and Korean,
 * where a name is 2–4 characters), and each run of 4 digits or more. So half a name or half a number kept counts as
 * a leak.
 */
function tellingParts(item: string): string[] {
  const normalised = normaliseForStorage(item);
  const words = normalised.split(/[\s,.;:()/#\-–—]+/u).filter((word) => word.length >= 3 || /[\p{sc=Han}\p{sc=Hangul}\p{sc=Hiragana}\p{sc=Katakana}]{2}/u.test(word));
  const digitRuns = normalised.match(/\d{4,}/g) ?? [];
  return [...new Set([...words.filter((word) => !/^\d+$/.test(word)), ...digitRuns])];
}

// As the product stores each question.
const storedSamples = await Promise.all(samples.map(async (sample) => ({ sample, stored: await storedQuestion(sample.text, sample.lang, kb) })));

describe('redaction on held-out personal data', () => {
  const results = storedSamples.flatMap(({ sample, stored }) =>
    sample.pii.map((item) => ({ sample, item, stored, leaked: tellingParts(item).filter((part) => stored.includes(part)) })),
  );

  it('has at least 100 samples, in each of the 9 languages', () => {
    expect(samples.length).toBeGreaterThanOrEqual(100);
    expect(new Set(samples.map((sample) => sample.lang))).toEqual(new Set(['zh', 'en', 'fr', 'es', 'ru', 'ar', 'de', 'ja', 'ko']));
  });

  /**
   * The target is 99%. Reached (#11): 91.4% over the three sets, 87.3% on the third, written last and seen by
   * nobody who changed the rules. This floor keeps what was reached from slipping; raise it as redaction improves.
   */
  const FLOOR = 0.9;

  it(`masks personal items with no telling part left: at least ${FLOOR * 100}% (target 99%, not reached)`, () => {
    const leaks = results.filter((result) => result.leaked.length > 0);
    const rate = 1 - leaks.length / results.length;
    const perSet = SETS.map((file) => {
      const inSet = results.filter((result) => result.sample.file === file);
      return `${file} ${inSet.filter((result) => result.leaked.length === 0).length}/${inSet.length}`;
    });
    console.log(
      `redaction, held out: ${results.length - leaks.length}/${results.length} items masked (${(rate * 100).toFixed(1)}%; ${perSet.join(', ')})` +
        leaks.map((leak) => `\n  ${leak.sample.lang} ${JSON.stringify(leak.item)} → ${JSON.stringify(leak.stored)}`).join(''),
    );
    expect(rate).toBeGreaterThanOrEqual(FLOOR);
  });
});
