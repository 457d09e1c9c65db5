/** The constant of reciprocal-rank fusion (Cormack et al. 2009): damps the weight of the very first ranks. */
export const RRF_K = 60;

export interface RankedList {
  /** Entry ids, best first. */
  entryIds: readonly string[];
  weight: number;
}

export interface FusedHit {
  entryId: string;
  score: number;
}

/** Reciprocal-rank fusion at the entry level: each list adds weight / (k + rank) to the entries it ranks. */
export function reciprocalRankFusion(lists: readonly RankedList[], k = RRF_K): FusedHit[] {
  const scores = new Map<string, number>();
  for (const { entryIds, weight } of lists) {
    entryIds.forEach((entryId, index) => {
      scores.set(entryId, (scores.get(entryId) ?? 0) + weight / (k + index + 1));
    });
  }
  return [...scores.entries()].map(([entryId, score]) => ({ entryId, score })).sort((a, b) => b.score - a.score);
}
