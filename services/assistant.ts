import { createEmergencyDetector, type EmergencyDetector } from './emergency.js';
import type { KnowledgeBase } from './knowledge/load.js';
import type { EmergencyKind, Entry } from './knowledge/schema.js';
import { resolveLanguage, type LanguageSource } from './language/detect.js';
import type { Lang } from './languages.js';
import { decide, type Candidate, type Thresholds } from './retrieval/decide.js';
import type { DenseRetriever } from './retrieval/dense.js';
import { reciprocalRankFusion, type RankedList } from './retrieval/fusion.js';
import type { LexicalIndex } from './retrieval/lexical.js';

export type Decision =
  | { kind: 'answer'; entry: Entry; alternatives: Entry[] }
  | { kind: 'clarify'; entries: Entry[] }
  | { kind: 'fallback'; reason: 'no-match' | 'empty' }
  | { kind: 'emergency'; emergency: EmergencyKind; entry: Entry };

export interface AskOptions {
  /** Forces the language (the staff console's caller language, an evaluation run); skips detection. */
  lang?: Lang;
  /** The language the conversation has been using. */
  conversationLang?: Lang;
  /** The channel's locale, such as the browser language. */
  locale?: string;
}

/** Which retrieval paths run: the evaluation compares them side by side. */
export type RetrievalMode = 'fused' | 'lexical' | 'dense';

export interface AskResult {
  decision: Decision;
  lang: Lang;
  langSource: LanguageSource | 'explicit';
  /** The ranked candidates behind the decision, best first (empty for emergencies and empty questions). */
  candidates: Candidate[];
  timings: { lexicalMs: number; denseMs: number };
}

export interface AssistantOptions {
  kb: KnowledgeBase;
  lexical: LexicalIndex;
  dense?: DenseRetriever;
  thresholds: Thresholds;
  weights: { lexical: number; dense: number };
}

const CANDIDATES = 10;
const PATH_DEPTH = 20;

/** The one answering verb: the bot, the staff console, the evaluation and the benchmark all call `ask`. */
export class Assistant {
  private readonly emergency: EmergencyDetector;

  constructor(private readonly options: AssistantOptions) {
    this.emergency = createEmergencyDetector(options.kb.entries);
  }

  /** An entry by id, for a "did you mean" choice the user clicked. */
  entry(id: string): Entry | undefined {
    return this.options.kb.byId.get(id);
  }

  get denseEnabled(): boolean {
    return this.options.dense !== undefined;
  }

  async ask(question: string, options: AskOptions = {}, mode: RetrievalMode = 'fused'): Promise<AskResult> {
    const text = question.trim();
    const resolved = options.lang
      ? { lang: options.lang, source: 'explicit' as const }
      : resolveLanguage(text, { conversationLang: options.conversationLang, locale: options.locale });
    const base = { lang: resolved.lang, langSource: resolved.source, candidates: [], timings: { lexicalMs: 0, denseMs: 0 } };

    if (!/[\p{L}\p{N}]/u.test(text)) return { ...base, decision: { kind: 'fallback', reason: 'empty' } };
    const emergency = this.emergency(text);
    if (emergency) return { ...base, decision: { kind: 'emergency', emergency: emergency.kind, entry: emergency.entry } };

    const { candidates, timings } = await this.rank(text, resolved.lang, mode);
    const { byId } = this.options.kb;
    const outcome = decide(candidates, this.options.thresholds);
    const entry = (id: string) => byId.get(id)!;
    const decision: Decision =
      outcome.kind === 'answer'
        ? { kind: 'answer', entry: entry(outcome.entryId), alternatives: outcome.alternatives.map(entry) }
        : outcome.kind === 'clarify'
          ? { kind: 'clarify', entries: outcome.entryIds.map(entry) }
          : { kind: 'fallback', reason: 'no-match' };
    return { ...base, decision, candidates, timings };
  }

  private async rank(text: string, lang: Lang, mode: RetrievalMode) {
    const { lexical, dense, weights } = this.options;
    let started = performance.now();
    const lexicalHits = mode === 'dense' ? [] : lexical.query(text, lang, PATH_DEPTH);
    const lexicalMs = performance.now() - started;

    started = performance.now();
    const denseHits = dense && mode !== 'lexical' ? await dense.query(text, PATH_DEPTH) : [];
    const denseMs = performance.now() - started;

    const lists: RankedList[] = [
      { entryIds: lexicalHits.map((h) => h.entryId), weight: weights.lexical },
      { entryIds: denseHits.map((h) => h.entryId), weight: weights.dense },
    ];
    const coverage = new Map(lexicalHits.map((h) => [h.entryId, h.coverage]));
    const similarity = new Map(denseHits.map((h) => [h.entryId, h.similarity]));
    const candidates = reciprocalRankFusion(lists)
      .slice(0, CANDIDATES)
      .map(({ entryId, score }) => ({
        entryId,
        fusedScore: score,
        coverage: coverage.get(entryId) ?? 0,
        similarity: similarity.get(entryId),
      }));
    return { candidates, timings: { lexicalMs, denseMs } };
  }
}
