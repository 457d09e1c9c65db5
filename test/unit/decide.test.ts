import { describe, expect, it } from 'vitest';
import { decide, type Candidate } from '../../services/retrieval/decide.js';
import { reciprocalRankFusion, RRF_K } from '../../services/retrieval/fusion.js';

const thresholds = { answer: 0.6, clarify: 0.35, denseAnswer: 0.88, denseClarify: 0.82 };
const candidate = (entryId: string, coverage: number, similarity?: number): Candidate => ({ entryId, fusedScore: 0, coverage, similarity });

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

describe('the answer / clarify / fallback decision', () => {
  it('answers a confident top entry and offers the plausible runners-up as related', () => {
    expect(decide([candidate('a', 0.9), candidate('b', 0.4), candidate('c', 0.1)], thresholds)).toEqual({
      kind: 'answer', entryId: 'a', alternatives: ['b'],
    });
  });

  it('offers a did-you-mean when only plausible entries are found', () => {
    expect(decide([candidate('a', 0.5), candidate('b', 0.36), candidate('c', 0.2)], thresholds)).toEqual({
      kind: 'clarify', entryIds: ['a', 'b'],
    });
  });

  it('falls back when nothing is plausible, or nothing was found', () => {
    expect(decide([candidate('a', 0.2)], thresholds)).toEqual({ kind: 'fallback' });
    expect(decide([], thresholds)).toEqual({ kind: 'fallback' });
  });

  it('lets a confident dense match answer when lexical coverage is low', () => {
    expect(decide([candidate('a', 0.1, 0.9)], thresholds)).toMatchObject({ kind: 'answer', entryId: 'a' });
    expect(decide([candidate('a', 0.1, 0.85)], thresholds)).toEqual({ kind: 'clarify', entryIds: ['a'] });
  });

  it('uses the thresholds at their boundaries', () => {
    expect(decide([candidate('a', 0.6)], thresholds).kind).toBe('answer');
    expect(decide([candidate('a', 0.35)], thresholds).kind).toBe('clarify');
    expect(decide([candidate('a', 0.3499)], thresholds).kind).toBe('fallback');
  });
});
