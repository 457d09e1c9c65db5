import { describe, expect, it } from 'vitest';
import { splitOf, summarize, type EvalOutcome } from '../eval/metrics.js';

const outcome = (expect: string[], ranked: string[], decision: EvalOutcome['decision'], replyLang: 'en' | 'fr' = 'en'): EvalOutcome => ({
  question: { q: ranked.join(), expect, type: expect.length ? 'paraphrase' : 'out-of-scope', lang: 'en' },
  ranked,
  decision,
  answered: decision === 'answer' ? ranked[0] : undefined,
  replyLang,
});

describe('evaluation metrics', () => {
  it('computes recall, MRR, fallback precision and recall, language accuracy and the did-you-mean rate', () => {
    const m = summarize([
      outcome(['a'], ['a', 'b'], 'answer'),
      outcome(['a'], ['b', 'c', 'a'], 'clarify', 'fr'),
      outcome(['a'], ['b', 'c', 'd', 'a'], 'fallback'),
      outcome([], ['x'], 'fallback'),
      outcome([], ['x'], 'answer'),
    ]);
    expect(m.recallAt1).toBeCloseTo(1 / 3);
    expect(m.recallAt3).toBeCloseTo(2 / 3);
    expect(m.mrr).toBeCloseTo((1 + 1 / 3 + 1 / 4) / 3);
    expect(m.answerAccuracy).toBeCloseTo(1 / 3);
    expect(m.fallbackPrecision).toBeCloseTo(1 / 2);
    expect(m.fallbackRecall).toBeCloseTo(1 / 2);
    expect(m.languageAccuracy).toBeCloseTo(4 / 5);
    expect(m.didYouMeanRate).toBeCloseTo(1 / 3);
  });

  it('splits questions stably, about 40% for tuning', () => {
    const questions = Array.from({ length: 1000 }, (_, i) => ({ q: `question ${i}` }));
    const tune = questions.filter((q) => splitOf(q) === 'tune').length;
    expect(tune).toBeGreaterThan(350);
    expect(tune).toBeLessThan(450);
    expect(splitOf({ q: 'same' })).toBe(splitOf({ q: 'same' }));
  });
});
