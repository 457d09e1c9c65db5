export interface Candidate {
  entryId: string;
  /** Reciprocal-rank-fusion score; candidates arrive sorted by it. */
  fusedScore: number;
  /** Lexical coverage of the question, 0 when the lexical path did not find the entry. */
  coverage: number;
  /** Dense cosine similarity, undefined when the dense path is off or did not find the entry. */
  similarity?: number;
}

export interface Thresholds {
  /** Lexical coverage at which the top entry is answered. */
  answer: number;
  /** Lexical coverage at which an entry is worth offering in a "did you mean". */
  clarify: number;
  /** Dense similarity at which the top entry is answered. */
  denseAnswer: number;
  /** Dense similarity at which an entry is worth offering in a "did you mean". */
  denseClarify: number;
}

export type Outcome =
  | { kind: 'answer'; entryId: string; alternatives: string[] }
  | { kind: 'clarify'; entryIds: string[] }
  | { kind: 'fallback' };

/** How many entries a "did you mean" offers, and how many related entries an answer suggests. */
export const MAX_CHOICES = 3;

function isConfident(c: Candidate, t: Thresholds): boolean {
  return c.coverage >= t.answer || (c.similarity ?? 0) >= t.denseAnswer;
}

function isPlausible(c: Candidate, t: Thresholds): boolean {
  return c.coverage >= t.clarify || (c.similarity ?? 0) >= t.denseClarify;
}

/**
 * The three-way choice. The best-ranked entry is answered when either path is confident about it; otherwise the
 * plausible entries among the first few are offered as a "did you mean"; otherwise we admit we don't know.
 */
export function decide(candidates: readonly Candidate[], thresholds: Thresholds): Outcome {
  const [top] = candidates;
  const plausible = candidates.slice(0, MAX_CHOICES).filter((c) => isPlausible(c, thresholds));
  if (top && isConfident(top, thresholds)) {
    return {
      kind: 'answer',
      entryId: top.entryId,
      alternatives: plausible.filter((c) => c !== top).map((c) => c.entryId),
    };
  }
  if (plausible.length > 0) return { kind: 'clarify', entryIds: plausible.map((c) => c.entryId) };
  return { kind: 'fallback' };
}
