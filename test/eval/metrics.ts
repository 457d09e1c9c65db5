import type { Lang } from '../../services/languages.js';

export const QUESTION_TYPES = ['paraphrase', 'short', 'typo', 'code-mixed', 'long', 'out-of-scope'] as const;

export interface EvalQuestion {
  q: string;
  /** Entry ids that answer it; empty when the question is out of scope. */
  expect: string[];
  type: (typeof QUESTION_TYPES)[number];
  oos?: string;
  lang: Lang;
}

export interface EvalOutcome {
  question: EvalQuestion;
  /** Entry ids as ranked (an emergency's entry first), best first. */
  ranked: string[];
  decision: 'answer' | 'clarify' | 'fallback' | 'emergency' | 'list';
  /** The entry answered (answer or emergency). */
  answered?: string;
  /** The language of the reply. */
  replyLang: Lang;
}

export interface Metrics {
  questions: number;
  inScope: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
  /** Share of answered in-scope questions answered with a right entry, among all in-scope questions. */
  answerAccuracy: number;
  /** Of the fallbacks given, the share that were for out-of-scope questions. */
  fallbackPrecision: number;
  /** Of the out-of-scope questions, the share that got the fallback. */
  fallbackRecall: number;
  languageAccuracy: number;
  /** Share of in-scope questions answered with a "did you mean". */
  didYouMeanRate: number;
}

function rankOf(outcome: EvalOutcome): number | undefined {
  const index = outcome.ranked.findIndex((id) => outcome.question.expect.includes(id));
  return index === -1 ? undefined : index + 1;
}

const ratio = (part: number, whole: number) => (whole === 0 ? Number.NaN : part / whole);

export function summarize(outcomes: readonly EvalOutcome[]): Metrics {
  const inScope = outcomes.filter((o) => o.question.expect.length > 0);
  const outOfScope = outcomes.filter((o) => o.question.expect.length === 0);
  const fallbacks = outcomes.filter((o) => o.decision === 'fallback');
  const ranks = inScope.map(rankOf);
  return {
    questions: outcomes.length,
    inScope: inScope.length,
    recallAt1: ratio(ranks.filter((r) => r === 1).length, inScope.length),
    recallAt3: ratio(ranks.filter((r) => r !== undefined && r <= 3).length, inScope.length),
    mrr: ratio(ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0), inScope.length),
    answerAccuracy: ratio(inScope.filter((o) => o.answered && o.question.expect.includes(o.answered)).length, inScope.length),
    fallbackPrecision: ratio(fallbacks.filter((o) => o.question.expect.length === 0).length, fallbacks.length),
    fallbackRecall: ratio(outOfScope.filter((o) => o.decision === 'fallback').length, outOfScope.length),
    languageAccuracy: ratio(outcomes.filter((o) => o.replyLang === o.question.lang).length, outcomes.length),
    didYouMeanRate: ratio(inScope.filter((o) => o.decision === 'clarify').length, inScope.length),
  };
}

/** A stable split: about 40% of questions tune thresholds and weights, the rest are held out for reporting. */
export function splitOf(question: Pick<EvalQuestion, 'q'>): 'tune' | 'test' {
  let hash = 2166136261;
  for (const char of question.q) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619) >>> 0;
  return hash % 5 < 2 ? 'tune' : 'test';
}
