import { announcesNewTopic, askedFact, hasOwnTopic, isQuestionOfItsOwn, type FactKind } from './conversation/factQuestions.js';
import { matchList } from './conversation/listAnswers.js';
import { filtersFor, type ListQuery, type ListQuestionReader } from './conversation/listQuestions.js';
import { namedPlaceFinder, type NamedPlaceFinder } from './conversation/namedPlaces.js';
import { createEmergencyDetector, type EmergencyDetector } from './emergency.js';
import type { KnowledgeBase } from './knowledge/load.js';
import { districtsOf, type EmergencyKind, type Entry } from './knowledge/schema.js';
import { resolveLanguage, type LanguageSource } from './language/detect.js';
import type { Lang } from './languages.js';
import { decide, MAX_CHOICES, questionLength, type Candidate, type DecisionCalibration, type QuestionEvidence } from './retrieval/decide.js';
import type { DenseResult, DenseRetriever } from './retrieval/dense.js';
import { reciprocalRankFusion, type RankedList } from './retrieval/fusion.js';
import type { LexicalIndex } from './retrieval/lexical.js';
import type { Scope } from './scope.js';
import { withoutIdentifiers } from './text.js';

export type Decision =
  | { kind: 'answer'; entry: Entry; alternatives: Entry[] }
  | { kind: 'clarify'; entries: Entry[] }
  /**
   * `other-place`: the question is about a city other than Beijing. `named`: the place a question we could not
   * answer names ("the fees at ISB"): offered as a page that may not answer it, and the place a follow-up asks about.
   */
  | { kind: 'fallback'; reason: 'no-match' | 'empty' | 'other-place'; named?: Entry }
  /** Found by a trigger phrase, or (with the model) by meaning. */
  | { kind: 'emergency'; emergency: EmergencyKind; entry: Entry; by: 'trigger' | 'meaning' }
  /** A follow-up asking one fact of the entry the conversation is about ("what's their number?"). */
  | { kind: 'fact'; entry: Entry; fact: FactKind }
  /**
   * The places of a kind that meet the filters the resident named, from the entries' facets; `notStated` counts
   * those whose sources do not state a filtered facet. A list of none says so: it never falls back to an entry.
   */
  | { kind: 'list'; query: ListQuery; entries: Entry[]; notStated: number };

/** What the conversation was last about: an entry answered or named, or a list given. */
export interface ConversationContext {
  entryId?: string;
  list?: ListQuery;
}

export interface AskOptions {
  /** Forces the language (the staff console's caller language, an evaluation run); skips detection. */
  lang?: Lang;
  /** The language the conversation has been using. */
  conversationLang?: Lang;
  /** The channel's locale, such as the browser language. */
  locale?: string;
  /** Searches only this language's passages on the dense path: the evaluation's cross-lingual measure. */
  passagesInLang?: Lang;
  /** What the conversation was last about: a follow-up with no topic of its own is answered from it. */
  context?: ConversationContext;
}

/** Which retrieval paths rank the candidates: the evaluation compares them side by side. */
export type RetrievalMode = 'fused' | 'lexical' | 'dense';

export interface AskResult {
  decision: Decision;
  /** The language to reply in. */
  lang: Lang;
  langSource: LanguageSource | 'explicit';
  /** The message is in a language we do not speak (its code, or `und`): the reply says which ones we do. */
  unsupportedLanguage?: string;
  /** The ranked candidates behind the decision, best first (empty for emergencies and empty questions). */
  candidates: Candidate[];
  /** What the decision weighed besides the candidates (absent when nothing was retrieved). */
  evidence?: QuestionEvidence;
  timings: { lexicalMs: number; denseMs: number };
}

export interface AssistantOptions {
  kb: KnowledgeBase;
  scope: Scope;
  lexical: LexicalIndex;
  dense?: DenseRetriever;
  decision: DecisionCalibration;
  weights: { lexical: number; dense: number };
  lists: ListQuestionReader;
  /** Built in time slices by the server (`buildNamedPlaceFinder`); built at once when absent. */
  namedPlaces?: NamedPlaceFinder;
}

const CANDIDATES = 10;
const PATH_DEPTH = 20;

/** The one answering verb: the bot, the staff console, the evaluation and the benchmark all call `ask`. */
export class Assistant {
  private readonly emergency: EmergencyDetector;

  private readonly options: AssistantOptions & { namedPlaces: NamedPlaceFinder };

  constructor(options: AssistantOptions) {
    this.options = { ...options, namedPlaces: options.namedPlaces ?? namedPlaceFinder(options.kb.entries, options.scope.beijingNames) };
    this.emergency = createEmergencyDetector(options.kb.entries);
  }

  /** The same indexes deciding with another calibration: for fitting one (`npm run eval -- --tune`). */
  withCalibration(decision: DecisionCalibration): Assistant {
    return new Assistant({ ...this.options, decision });
  }

  /** The same assistant with the dense path added once it is built. */
  withDense(dense: DenseRetriever): Assistant {
    return new Assistant({ ...this.options, dense });
  }

  /** An entry by id, for a "did you mean" choice the user clicked. */
  entry(id: string): Entry | undefined {
    return this.options.kb.byId.get(id);
  }

  get denseEnabled(): boolean {
    return this.options.dense !== undefined;
  }

  /** The dense path's question-embedding cache, for the metrics. */
  get embeddingCache(): { hits: number; misses: number } | undefined {
    return this.options.dense?.cacheStats;
  }

  async ask(question: string, options: AskOptions = {}, mode: RetrievalMode = 'fused'): Promise<AskResult> {
    const text = question.trim();
    const resolved = options.lang
      ? { lang: options.lang, source: 'explicit' as const }
      : resolveLanguage(text, { conversationLang: options.conversationLang, locale: options.locale });
    const base = {
      lang: resolved.lang,
      langSource: resolved.source,
      ...('unsupported' in resolved && resolved.unsupported ? { unsupportedLanguage: resolved.unsupported } : {}),
      candidates: [],
      timings: { lexicalMs: 0, denseMs: 0 },
    };

    if (!/[\p{L}\p{N}]/u.test(text)) return { ...base, decision: { kind: 'fallback', reason: 'empty' } };
    const triggered = this.emergency(text);
    if (triggered) return { ...base, decision: { kind: 'emergency', emergency: triggered.kind, entry: triggered.entry, by: 'trigger' } };
    // A list question about another city ("is there a hospital for foreigners in Harbin?") is not ours either.
    const listed = this.listAsked(text, resolved.lang, options.context);
    const list = listed && !this.options.scope.otherPlace(text) ? this.list(listed) : undefined;
    if (list) return { ...base, decision: list };

    const { candidates, evidence, timings } = await this.rank(withoutIdentifiers(text), resolved.lang, mode, options.passagesInLang);
    const result = { ...base, candidates, evidence, timings };
    const { kb, scope, decision: calibration } = this.options;

    // With the model, an emergency described in plain words is found by meaning: nearer to an emergency example
    // than to any entry or out-of-scope example, and near enough. Not a bare follow-up ("밤에도 받아요?", "do they
    // answer at night too?"): a message of fact words alone describes nothing, and sits near everything short.
    const described = evidence.dense?.emergency;
    if (described && described.similarity >= calibration.emergencySimilarity && described.similarity >= Math.max(evidence.dense!.top, evidence.dense!.outOfScope) && !this.isBareFollowUp(text, resolved.lang, options.context)) {
      const entry = kb.byId.get(described.entryId)!;
      return { ...result, candidates: [], decision: { kind: 'emergency', emergency: entry.emergency!.kind, entry, by: 'meaning' } };
    }
    if (scope.otherPlace(text)) return { ...result, decision: { kind: 'fallback', reason: 'other-place' } };

    const outcome = decide(candidates, evidence, calibration);
    const amidOther = outcome.kind === 'fallback' ? this.options.lists.readAmidOther(text) : undefined;
    const listInstead = amidOther && this.list(amidOther);
    if (listInstead) return { ...result, decision: listInstead };
    // Choices are distinct entries, at most MAX_CHOICES, and never the entry answered.
    const entries = (ids: string[], answered?: string) => [...new Set(ids)].filter((id) => id !== answered).slice(0, MAX_CHOICES).map((id) => kb.byId.get(id)!);
    const decision: Decision =
      outcome.kind === 'answer'
        ? { kind: 'answer', entry: kb.byId.get(outcome.entryId)!, alternatives: entries(outcome.alternatives, outcome.entryId) }
        : outcome.kind === 'clarify'
          ? { kind: 'clarify', entries: entries(outcome.entryIds) }
          : { kind: 'fallback', reason: 'no-match' };
    return { ...result, decision: this.followUp(text, resolved.lang, decision, options.context) ?? this.withNamedPlace(text, decision, candidates) ?? decision };
  }

  /**
   * A question we cannot answer may still name a place we know ("What are the fees at ISB?"). The fallback then
   * offers that place's page, and a follow-up ("where is it?") is asked of it. Of several entries the question
   * names (PUMCH's), the best ranked; one not among the candidates is not offered. A place is also named by its
   * kind and district when it is the only one of its kind there and every place of the kind states its district
   * ("the exit-entry hall in Chaoyang").
   */
  private withNamedPlace(text: string, decision: Decision, candidates: Candidate[]): Decision | undefined {
    if (decision.kind !== 'fallback') return undefined;
    const named = new Set(this.options.namedPlaces(text));
    const best = named.size > 0 ? candidates.find((candidate) => named.has(candidate.entryId)) : undefined;
    if (best) return { ...decision, named: this.entry(best.entryId)! };
    const byDistrict = this.options.lists.readKindInDistrict(text);
    const match = byDistrict && matchList(this.options.kb.entries, byDistrict);
    return match && match.entries.length === 1 && match.notStated === 0 ? { ...decision, named: match.entries[0] } : undefined;
  }

  /**
   * The places a list query names: a list, or the one entry itself when exactly one matches. Undefined when no
   * place's sources state what the query filters by: no list can be made, and the question is left to retrieval
   * ("is there an English window in the service centres?" has an overview entry).
   */
  list(query: ListQuery): Decision | undefined {
    const { entries, notStated, ofKind } = matchList(this.options.kb.entries, query);
    if (entries.length === 0 && notStated === ofKind && ofKind > 0) return undefined;
    if (entries.length === 1) return { kind: 'answer', entry: entries[0], alternatives: [] };
    return { kind: 'list', query, entries, notStated };
  }

  /**
   * The list a message asks for: a list question of its own, or a follow-up that only changes the filters of the
   * list in context ("and in Haidian?"), or names filters for the kind of place in context ("any in Shunyi?" after
   * an answer about an exit-entry hall). A fact question about the entry in context stays one unless it asks for
   * several, or names a district the place is not in: "do they speak Japanese?" asks the hospital, "any with
   * Japanese?" asks for other hospitals, and "東城区だとどこ？" ("and in Dongcheng, where?") for the hall there.
   */
  private listAsked(text: string, lang: Lang, context: AskOptions['context']): ListQuery | undefined {
    const { lists } = this.options;
    const asked = lists.read(text, lang);
    if (asked || !context) return asked;
    const entry = context.entryId ? this.entry(context.entryId) : undefined;
    const kind = context.list?.kind ?? entry?.facets.kind;
    const filters = kind && lists.refinement(text, lang, context.list);
    if (!kind || !filters) return undefined;
    const elsewhere = entry !== undefined && (filters.districts ?? []).some((district) => !districtsOf(entry.facts).includes(district));
    if (!context.list && askedFact(text) && !lists.asksForSeveral(text) && !elsewhere) return undefined;
    return { ...(context.list ?? { kind }), ...filtersFor(kind, filters) };
  }

  /**
   * A message that asks a fact ("and their address?") asks it of the entry in context when it has no topic of its
   * own, or when what it finds on its own is that same entry or nothing sure. A message with a topic of its own
   * starts a new one when it finds another confident answer, when it says so ("autre chose : j'appelle quel numéro
   * pour la police ?"), or when it says too much else to be a follow-up (isQuestionOfItsOwn).
   */
  private followUp(text: string, lang: Lang, decision: Decision, context: AskOptions['context']): Decision | undefined {
    const entry = context?.entryId ? this.entry(context.entryId) : undefined;
    const fact = entry && askedFact(text);
    if (!fact) return undefined;
    const newTopic =
      announcesNewTopic(text, lang) || isQuestionOfItsOwn(text, lang) || (decision.kind === 'answer' && decision.entry.id !== entry.id && hasOwnTopic(text, lang));
    return newTopic ? undefined : { kind: 'fact', entry, fact };
  }

  /** A message that asks a fact of the entry in context and says nothing else ("and their number?"). */
  private isBareFollowUp(text: string, lang: Lang, context: AskOptions['context']): boolean {
    return context?.entryId !== undefined && askedFact(text) !== undefined && !hasOwnTopic(text, lang);
  }

  private async rank(text: string, lang: Lang, mode: RetrievalMode, passagesInLang?: Lang) {
    const { lexical, dense, weights } = this.options;
    let started = performance.now();
    // The lexical evidence feeds the decision on every path; in 'dense' mode it does not rank.
    const lexicalHits = lexical.query(text, lang, PATH_DEPTH);
    const lexicalMs = performance.now() - started;

    started = performance.now();
    const denseResult: DenseResult | undefined = dense && mode !== 'lexical' ? dense.search(await dense.embed(text), PATH_DEPTH, passagesInLang) : undefined;
    const denseHits = denseResult?.hits ?? [];
    const denseMs = performance.now() - started;

    const lists: RankedList[] = [
      { entryIds: mode === 'dense' ? [] : lexicalHits.map((h) => h.entryId), weight: weights.lexical },
      { entryIds: denseHits.map((h) => h.entryId), weight: weights.dense },
    ];
    const lexicalById = new Map(lexicalHits.map((h) => [h.entryId, h]));
    const denseById = new Map(denseHits.map((h) => [h.entryId, h]));
    const candidates = reciprocalRankFusion(lists)
      .slice(0, CANDIDATES)
      .map(({ entryId, score }) => ({
        entryId,
        fusedScore: score,
        coverage: lexicalById.get(entryId)?.coverage ?? 0,
        relevance: lexicalById.get(entryId)?.relevance,
        similarity: denseById.get(entryId)?.similarity,
        share: denseById.get(entryId)?.share,
      }));
    const evidence: QuestionEvidence = {
      lang,
      length: questionLength(text),
      lexical: { top: lexicalHits[0]?.relevance ?? 0, second: lexicalHits[1]?.relevance ?? 0, topEntry: lexicalHits[0]?.entryId },
      ...(denseResult && {
        dense: {
          top: denseHits[0]?.similarity ?? 0,
          second: denseHits[1]?.similarity ?? 0,
          topEntry: denseHits[0]?.entryId,
          outOfScope: denseResult.outOfScope,
          scopeLean: denseResult.scopeLean,
          emergency: denseResult.emergency,
        },
      }),
    };
    return { candidates, evidence, timings: { lexicalMs, denseMs } };
  }
}
