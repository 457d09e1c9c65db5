import { LANGS, type Lang } from '../languages.js';

/**
 * The three-way choice: answer, "did you mean", or an honest "I don't know".
 *
 * Each ranked candidate gets a confidence: a logistic model over a few pieces of evidence, fitted on the
 * evaluation's tuning split (`npm run eval -- --tune`) and kept in config/decision.json (see
 * docs/adr/0003-decision-calibration.md). Margins matter as much as scores: a question that sits equally close
 * to several entries, or closer to an example of what we do not cover, is not one we know the answer to.
 * There are two models: one for when the dense path answers, one for the lexical path alone.
 */

export interface Candidate {
  entryId: string;
  /** Reciprocal-rank-fusion score; candidates arrive sorted by it. */
  fusedScore: number;
  /** Lexical coverage of the question, 0 when the lexical path did not find the entry. */
  coverage: number;
  /** The lexical path's ranking score (coverage plus relative BM25), 0 when it did not find the entry. */
  relevance?: number;
  /** Dense cosine similarity, undefined when the dense path is off or did not find the entry. */
  similarity?: number;
  /** The entry's share of the question's nearest passages (dense path), 0 when absent. */
  share?: number;
}

/** What is known about the question as a whole, beside its candidates. */
export interface QuestionEvidence {
  /** The question's language: similarities run lower in some languages than in others. */
  lang: Lang;
  /**
   * ln(1 + the question's length in words, a Han or kana character counting a third of a word): a long message
   * with its context sits further from every short alternate question, right entry included.
   */
  length: number;
  /** The lexical path's best and second-best relevance, and its best entry. */
  lexical: { top: number; second: number; topEntry?: string };
  /**
   * Best and second-best entry similarity, the nearest out-of-scope example, the question's lean toward what we
   * answer (scopeDiscriminant.ts) and the nearest emergency example; absent without the model.
   */
  dense?: { top: number; second: number; topEntry?: string; outOfScope: number; scopeLean: number; emergency?: { entryId: string; similarity: number } };
}

/** One indicator per language, so each language gets its own offset: the per-language part of the calibration. */
const LANGUAGE_FEATURES = LANGS.map((lang) => `lang:${lang}` as const);
export const DENSE_FEATURES = ['similarity', 'denseMargin', 'gapToDenseTop', 'coverage', 'relevance', 'pathsAgree', 'nearerThanOutOfScope', 'passageShare', 'length', 'scopeLean', ...LANGUAGE_FEATURES] as const;
export const LEXICAL_FEATURES = ['coverage', 'relevance', 'lexicalMargin', 'gapToLexicalTop', 'length', ...LANGUAGE_FEATURES] as const;

export interface ConfidenceModel {
  features: readonly string[];
  weights: number[];
  bias: number;
  /** Confidence at which the top candidate is answered. */
  answer: number;
  /** Confidence at which a candidate is offered in a "did you mean". */
  clarify: number;
}

export interface DecisionCalibration {
  dense: ConfidenceModel;
  lexical: ConfidenceModel;
  /** Similarity to an emergency example at which a message is treated as that emergency (dense path). */
  emergencySimilarity: number;
}

export type Outcome =
  | { kind: 'answer'; entryId: string; confidence: number; alternatives: string[] }
  | { kind: 'clarify'; entryIds: string[] }
  | { kind: 'fallback' };

/** How many entries a "did you mean" offers, and how many related entries an answer suggests. */
export const MAX_CHOICES = 3;

/** A similarity below every real one, for a candidate the dense path did not return. */
const ABSENT_SIMILARITY = 0.7;

/** The evidence for one candidate, in the order of the model's features. */
export function featuresOf(candidate: Candidate, question: QuestionEvidence, path: 'dense' | 'lexical'): number[] {
  const { lexical, dense } = question;
  const language = LANGS.map((lang) => (lang === question.lang ? 1 : 0));
  if (path === 'lexical' || !dense) {
    const relevance = candidate.relevance ?? 0;
    return [candidate.coverage, relevance, lexical.top - lexical.second, lexical.top - relevance, question.length, ...language];
  }
  const similarity = candidate.similarity ?? ABSENT_SIMILARITY;
  return [
    similarity,
    dense.top - dense.second,
    dense.top - similarity,
    candidate.coverage,
    candidate.relevance ?? 0,
    lexical.topEntry !== undefined && lexical.topEntry === dense.topEntry ? 1 : 0,
    similarity - dense.outOfScope,
    candidate.share ?? 0,
    question.length,
    dense.scopeLean,
    ...language,
  ];
}

/** The `length` evidence of a question (see QuestionEvidence). */
export function questionLength(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const unspaced = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  return Math.log(1 + words.length + unspaced / 3);
}

export function confidence(model: ConfidenceModel, features: readonly number[]): number {
  const z = features.reduce((sum, x, i) => sum + x * model.weights[i], model.bias);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Answers the most confident of the first few ranked entries when its confidence reaches the answer threshold;
 * otherwise offers the distinct candidates among them that reach the clarify threshold; otherwise admits it does
 * not know. The most confident, not the first: the model weighs evidence the fused ranking does not (ADR 2,
 * sixth refit).
 */
export function decide(candidates: readonly Candidate[], question: QuestionEvidence, calibration: DecisionCalibration): Outcome {
  const path = question.dense ? 'dense' : 'lexical';
  const model = calibration[path];
  const scored = candidates.slice(0, MAX_CHOICES).map((c) => ({ c, confidence: confidence(model, featuresOf(c, question, path)) }));
  const plausible = scored.filter((s) => s.confidence >= model.clarify);
  const top = scored[mostConfident(scored.map((s) => s.confidence))];
  if (top && top.confidence >= model.answer) {
    return { kind: 'answer', entryId: top.c.entryId, confidence: top.confidence, alternatives: plausible.filter((s) => s !== top).map((s) => s.c.entryId) };
  }
  if (plausible.length > 0) return { kind: 'clarify', entryIds: plausible.map((s) => s.c.entryId) };
  return { kind: 'fallback' };
}

/** The index of the highest confidence, the earliest of equals; -1 for none. */
export function mostConfident(confidences: readonly number[]): number {
  return confidences.reduce((best, c, i) => (best < 0 || c > confidences[best] ? i : best), -1);
}
