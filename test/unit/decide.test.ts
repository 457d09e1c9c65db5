import { describe, expect, it } from 'vitest';
import { confidence, decide, DENSE_FEATURES, featuresOf, LEXICAL_FEATURES, mostConfident, type Candidate, type DecisionCalibration, type QuestionEvidence } from '../../services/retrieval/decide.js';
import { reciprocalRankFusion, RRF_K } from '../../services/retrieval/fusion.js';

const candidate = (entryId: string, coverage: number, similarity?: number): Candidate => ({ entryId, fusedScore: 0, coverage, relevance: coverage, similarity });

describe('reciprocal-rank fusion', () => {
  it('sums weight / (k + rank) per entry across lists', () => {
    const fused = reciprocalRankFusion([
      { entryIds: ['a', 'b'], weight: 1 },
      { entryIds: ['b', 'c'], weight: 1 },
    ]);
    expect(fused.map((h) => h.entryId)).toEqual(['b', 'a', 'c']);
    expect(fused[0].score).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1));
  });

  it('respects the weights, and a zero-weight path cannot reorder', () => {
    const lists = (dense: number) => [
      { entryIds: ['a', 'b'], weight: 1 },
      { entryIds: ['b', 'a'], weight: dense },
    ];
    expect(reciprocalRankFusion(lists(0))[0].entryId).toBe('a');
    expect(reciprocalRankFusion(lists(2))[0].entryId).toBe('b');
  });
});

const noLanguageOffsets = new Array<number>(9).fill(0);

/** A hand-made calibration: dense confidence grows with similarity and margin, lexical with coverage. */
const calibration: DecisionCalibration = {
  dense: { features: DENSE_FEATURES, weights: [10, 100, -20, 1, 0, 1, 20, 0, 0, 2, ...noLanguageOffsets], bias: -17, answer: 0.7, clarify: 0.4 },
  lexical: { features: LEXICAL_FEATURES, weights: [4, 4, 4, -4, 0, ...noLanguageOffsets], bias: -5, answer: 0.7, clarify: 0.4 },
  emergencySimilarity: 0.95,
};
const lexicalOnly = (top: number, second: number): QuestionEvidence => ({ lang: 'en', length: 1, lexical: { top, second, topEntry: 'a' } });
const withDense = (top: number, second: number, outOfScope = 0.8, lexicalTop = 'a', scopeLean = 0): QuestionEvidence => ({
  lang: 'en',
  length: 1,
  lexical: { top: 0.5, second: 0.2, topEntry: lexicalTop },
  dense: { top, second, topEntry: 'a', outOfScope, scopeLean },
});

describe('the evidence behind a decision', () => {
  it('lists the dense features in the order the calibration names them', () => {
    const features = featuresOf(candidate('b', 0.3, 0.9), withDense(0.95, 0.9, 0.85, 'a', -1.5), 'dense');
    expect(features.map((x) => Math.round(x * 100) / 100)).toEqual([0.9, 0.05, 0.05, 0.3, 0.3, 1, 0.05, 0, 1, -1.5, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(features).toHaveLength(DENSE_FEATURES.length);
  });

  it('uses the lexical features when the dense path is off', () => {
    expect(featuresOf(candidate('a', 0.8), lexicalOnly(0.8, 0.3), 'dense')).toEqual([0.8, 0.8, 0.5, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('computes a logistic confidence', () => {
    expect(confidence({ features: ['x'], weights: [2], bias: -1, answer: 0.5, clarify: 0.5 }, [0.5])).toBeCloseTo(0.5);
  });
});

describe('the answer / clarify / fallback decision', () => {
  it('answers a confident top entry and offers the plausible runners-up as related', () => {
    const outcome = decide([candidate('a', 0.9), candidate('b', 0.6), candidate('c', 0.1)], lexicalOnly(0.9, 0.6), calibration);
    expect(outcome).toMatchObject({ kind: 'answer', entryId: 'a', alternatives: ['b'] });
  });

  it('answers the most confident of the first candidates, which need not be the first ranked', () => {
    const outcome = decide([candidate('a', 0.6), candidate('b', 0.95)], lexicalOnly(0.95, 0.6), calibration);
    expect(outcome).toMatchObject({ kind: 'answer', entryId: 'b', alternatives: ['a'] });
    expect(mostConfident([0.2, 0.9, 0.9])).toBe(1);
    expect(mostConfident([])).toBe(-1);
  });

  it('offers a did-you-mean of distinct entries when none is confident enough', () => {
    const outcome = decide([candidate('a', 0.6), candidate('b', 0.58), candidate('c', 0.1)], lexicalOnly(0.6, 0.58), calibration);
    expect(outcome).toEqual({ kind: 'clarify', entryIds: ['a', 'b'] });
  });

  it('falls back when nothing is plausible, or nothing was found', () => {
    expect(decide([candidate('a', 0.2)], lexicalOnly(0.2, 0), calibration)).toEqual({ kind: 'fallback' });
    expect(decide([], lexicalOnly(0, 0), calibration)).toEqual({ kind: 'fallback' });
  });

  it('trusts a clear dense margin, and not a question sitting between entries', () => {
    expect(decide([candidate('a', 0.5, 0.95)], withDense(0.95, 0.9), calibration)).toMatchObject({ kind: 'answer', entryId: 'a' });
    expect(decide([candidate('a', 0.5, 0.95)], withDense(0.95, 0.945), calibration).kind).not.toBe('answer');
  });

  it('does not answer a question nearer to an out-of-scope example than to the entry', () => {
    expect(decide([candidate('a', 0.5, 0.95)], withDense(0.95, 0.9, 0.97), calibration).kind).not.toBe('answer');
  });

  it('does not answer a question leaning out of scope, however near the entry', () => {
    expect(decide([candidate('a', 0.5, 0.95)], withDense(0.95, 0.9, 0.8, 'a', 0), calibration).kind).toBe('answer');
    expect(decide([candidate('a', 0.5, 0.95)], withDense(0.95, 0.9, 0.8, 'a', -3), calibration).kind).not.toBe('answer');
  });
});
