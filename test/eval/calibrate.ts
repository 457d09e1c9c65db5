/**
 * Fits the decision's confidence models on the tuning split (`npm run eval -- --tune`); never on held-out
 * questions. A logistic regression over each candidate's evidence (services/retrieval/decide.ts) learns how
 * likely the candidate is right; the thresholds are then chosen so that out-of-scope questions almost never get
 * an entry, and within that, as many in-scope questions as possible are answered right.
 */
import { confidence, MAX_CHOICES, mostConfident, type ConfidenceModel } from '../../services/retrieval/decide.js';

export interface Example {
  features: number[];
  /** The candidate answers the question. */
  right: boolean;
}

/** The evidence of one question's first candidates, and what the question expects. */
export interface TuningQuestion {
  candidates: Example[];
  outOfScope: boolean;
  /** Decided before the model is asked: an emergency, or another place's question (a fallback). */
  decidedBefore?: 'emergency' | 'fallback';
}

/**
 * Batch gradient descent on the L2-regularised log loss: small data, few features, no dependency needed.
 * Features are standardised while fitting (similarities vary over a few hundredths, coverage over the whole
 * unit interval) and the weights converted back, so the model applies to raw features. The L2 weight was chosen
 * out of fold on the tuning split (ADR 2, fifth refit): 0.01 held the dense model back (58.5% answered right
 * against 63.7% with 0.001; 0.0001 gave 63.0%); the lexical model is indifferent to it.
 */
export function fitLogistic(examples: readonly Example[], l2 = 0.001, steps = 3000, rate = 0.5): { weights: number[]; bias: number } {
  const n = examples[0]?.features.length ?? 0;
  const mean = Array.from({ length: n }, (_, i) => examples.reduce((sum, e) => sum + e.features[i], 0) / examples.length);
  const std = mean.map((m, i) => Math.sqrt(examples.reduce((sum, e) => sum + (e.features[i] - m) ** 2, 0) / examples.length) || 1);
  const standardised = examples.map((e) => ({ x: e.features.map((v, i) => (v - mean[i]) / std[i]), y: e.right ? 1 : 0 }));
  let weights = new Array<number>(n).fill(0);
  let bias = 0;
  for (let step = 0; step < steps; step++) {
    const gradient = new Array<number>(n).fill(0);
    let gradientBias = 0;
    for (const { x, y } of standardised) {
      const p = 1 / (1 + Math.exp(-x.reduce((sum, v, i) => sum + v * weights[i], bias)));
      x.forEach((v, i) => (gradient[i] += (p - y) * v));
      gradientBias += p - y;
    }
    weights = weights.map((w, i) => w - rate * (gradient[i] / standardised.length + l2 * w));
    bias -= rate * (gradientBias / standardised.length);
  }
  const raw = weights.map((w, i) => w / std[i]);
  return { weights: raw.map(round4), bias: round4(bias - raw.reduce((sum, w, i) => sum + w * mean[i], 0)) };
}

export interface OperatingPoint {
  answer: number;
  clarify: number;
  answeredRight: number;
  outOfScopeGotEntry: number;
  didYouMean: number;
}

/** Each question's confidences for its first candidates, as a model gives them. */
type Scored = { question: TuningQuestion; scores: number[] };

/** The outcome of each question under given thresholds, as `decide` would reach it. */
function operatingPoint(scored: readonly Scored[], answer: number, clarify: number): OperatingPoint {
  let answeredRight = 0;
  let outOfScopeGotEntry = 0;
  let didYouMean = 0;
  const inScope = scored.filter(({ question }) => !question.outOfScope).length;
  const outOfScope = scored.length - inScope;
  for (const { question: q, scores } of scored) {
    if (q.decidedBefore) {
      if (q.outOfScope && q.decidedBefore === 'emergency') outOfScopeGotEntry++;
      continue;
    }
    const top = mostConfident(scores);
    const answered = top >= 0 && scores[top] >= answer;
    const clarified = !answered && scores.some((s) => s >= clarify);
    if (q.outOfScope && (answered || clarified)) outOfScopeGotEntry++;
    if (!q.outOfScope && answered && q.candidates[top].right) answeredRight++;
    if (!q.outOfScope && clarified) didYouMean++;
  }
  return { answer, clarify, answeredRight: answeredRight / inScope, outOfScopeGotEntry: outOfScopeGotEntry / outOfScope, didYouMean: didYouMean / inScope };
}

const FOLDS = 5;

/**
 * Fits the model, then picks the thresholds: the most answers right among the settings that give an entry to at
 * most `maxOutOfScope` of the out-of-scope questions and offer a "did you mean" to at most `maxDidYouMean`.
 * The thresholds are chosen on out-of-fold confidences (5-fold cross-validation within the tuning split): a model
 * judged on the questions it was fitted on looks surer than it is, and would let too many out-of-scope questions
 * through on new ones.
 */
export function calibrate(features: readonly string[], questions: readonly TuningQuestion[], maxOutOfScope: number, maxDidYouMean: number): { model: ConfidenceModel; point: OperatingPoint } {
  const examplesOf = (qs: readonly TuningQuestion[]) => qs.flatMap((q) => (q.decidedBefore ? [] : q.candidates.slice(0, MAX_CHOICES)));
  const scoredWith = (fit: { weights: number[]; bias: number }, qs: readonly TuningQuestion[]): Scored[] =>
    qs.map((question) => ({ question, scores: question.candidates.slice(0, MAX_CHOICES).map((c) => confidence({ features, ...fit, answer: 1, clarify: 1 }, c.features)) }));
  const outOfFold = Array.from({ length: FOLDS }, (_, fold) => {
    const fit = fitLogistic(examplesOf(questions.filter((_, i) => i % FOLDS !== fold)));
    return scoredWith(fit, questions.filter((_, i) => i % FOLDS === fold));
  }).flat();

  let best: OperatingPoint | undefined;
  for (let answer = 0.05; answer <= 0.951; answer += 0.01) {
    for (let clarify = 0.05; clarify <= answer + 1e-9; clarify += 0.01) {
      const point = operatingPoint(outOfFold, round(answer), round(clarify));
      if (point.outOfScopeGotEntry > maxOutOfScope || point.didYouMean > maxDidYouMean) continue;
      if (!best || point.answeredRight > best.answeredRight || (point.answeredRight === best.answeredRight && point.didYouMean < best.didYouMean)) best = point;
    }
  }
  if (!best) throw new Error('no thresholds meet the constraints on the tuning split');
  return { model: { features, ...fitLogistic(examplesOf(questions)), answer: best.answer, clarify: best.clarify }, point: best };
}

const round = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
