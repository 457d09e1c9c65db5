import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { Entry } from '../knowledge/schema.js';
import { LANGS, type Lang } from '../languages.js';
import type { Logger } from '../logger.js';
import type { Scope } from '../scope.js';
import { EmbedderUnavailableError, modelFingerprint, type Embedder, type EmbedderOptions, type EmbeddingRole } from './embedder.js';
import { buildIndexInWorker, holdingIndexLock } from './indexBuild.js';
import { loadScopeDiscriminant, scopeLean, type ScopeDiscriminant } from './scopeDiscriminant.js';
import { VectorIndex } from './vectorIndex.js';

/**
 * What a point of the index stands for: a passage of an entry; an example description of an emergency (its
 * entry is the emergency's); or an example of a question we do not cover (its `id` is the topic).
 */
export interface PassageLabel {
  kind: 'entry' | 'emergency' | 'out-of-scope';
  id: string;
  lang: Lang;
}

export interface DenseHit {
  entryId: string;
  /** Cosine similarity of the entry's closest passage. */
  similarity: number;
  /**
   * The entry's share of the question's nearest entry passages: a question an entry answers tends to sit among
   * many of that entry's phrasings, one we do not cover among scattered ones.
   */
  share: number;
}

/** What the dense path says about a question. */
export interface DenseResult {
  /** Entries ranked by their closest passage, best first. */
  hits: DenseHit[];
  /** The closest emergency example: its entry and similarity. */
  emergency?: { entryId: string; similarity: number };
  /** Similarity of the closest out-of-scope example, 0 when none is near. */
  outOfScope: number;
  /** The question's lean toward what we answer (positive) or the out-of-scope examples (scopeDiscriminant.ts). */
  scopeLean: number;
}

/**
 * Bump when the choice of passages or what is saved with them changes, so saved indexes built the old way are not
 * reused (4: the scope discriminant).
 */
const PASSAGE_FORMAT_VERSION = 4;
/** Points fetched per question before grouping them by entry (each entry has ~70 passages). */
const POINTS_PER_QUERY = 120;
/** How many of the nearest entry passages `share` counts over. */
const SHARE_OF_NEAREST = 10;

export interface Passage {
  text: string;
  label: PassageLabel;
  role: EmbeddingRole;
}

/**
 * Every title, answer and alternate question of every language is one passage. Alternate questions (and the
 * example questions and descriptions) are embedded in the query role: a question matched against a question is
 * the symmetric task e5 trains with "query: " on both sides.
 */
export function passagesOf(entry: Entry): Passage[] {
  return LANGS.flatMap((lang) => {
    const content = entry.content[lang];
    const label = { kind: 'entry' as const, id: entry.id, lang };
    return [
      ...[content.title, content.answer].map((text) => ({ text, label, role: 'passage' as const })),
      ...content.questions.map((text) => ({ text, label, role: 'query' as const })),
      ...(entry.emergency?.examples[lang] ?? []).map((text) => ({ text, label: { ...label, kind: 'emergency' as const }, role: 'query' as const })),
    ];
  });
}

function allPassages(kb: KnowledgeBase, scope: Scope): Passage[] {
  return [
    ...kb.entries.flatMap(passagesOf),
    ...scope.outOfScopeExamples.map(({ topic, lang, text }) => ({ text, label: { kind: 'out-of-scope' as const, id: topic, lang }, role: 'query' as const })),
  ];
}

/** The model as the saved index's key sees it: its id, its weights' fingerprint and its prefixes. */
export type IndexedModel = Pick<EmbedderOptions, 'modelId' | 'queryPrefix' | 'passagePrefix'> & { fingerprint: string };

/** The saved index is reused only for the same knowledge, scope, weights, prefixes and passage format. */
export function denseIndexKey(kb: KnowledgeBase, scope: Scope, model: IndexedModel): string {
  return createHash('sha256')
    .update([kb.hash, scope.hash, model.modelId, model.fingerprint, model.queryPrefix, model.passagePrefix, PASSAGE_FORMAT_VERSION].join('|'))
    .digest('hex')
    .slice(0, 16);
}

/** The dense path: embeds the question and finds the entries with the nearest passages in the HNSW index. */
export class DenseRetriever {
  constructor(
    private readonly embedder: Embedder,
    private readonly index: VectorIndex<PassageLabel>,
    private readonly scopeDiscriminant: ScopeDiscriminant,
  ) {}

  get passageCount(): number {
    return this.index.size;
  }

  get cacheStats(): { hits: number; misses: number } {
    return this.embedder.cacheStats;
  }

  embed(question: string): Promise<Float32Array> {
    return this.embedder.embedQuery(question);
  }

  /**
   * Ranks entries by their closest passage. `onlyLang` searches one language's passages alone (the evaluation's
   * cross-lingual measure).
   */
  search(vector: Float32Array, limit = 10, onlyLang?: Lang): DenseResult {
    const best = new Map<string, number>();
    const nearest = new Map<string, number>();
    let counted = 0;
    const inLang = (label: PassageLabel) => !onlyLang || label.lang === onlyLang;
    // Hits arrive nearest first.
    for (const { label, similarity } of this.index.search(vector, POINTS_PER_QUERY, (l) => l.kind === 'entry' && inLang(l))) {
      best.set(label.id, Math.max(best.get(label.id) ?? -1, similarity));
      if (counted++ < SHARE_OF_NEAREST) nearest.set(label.id, (nearest.get(label.id) ?? 0) + 1);
    }
    // The nearest example of each other kind, however far: its distance is evidence too.
    const [nearestEmergency] = this.index.search(vector, 1, (l) => l.kind === 'emergency');
    const [nearestOutOfScope] = this.index.search(vector, 1, (l) => l.kind === 'out-of-scope');
    const emergency = nearestEmergency && { entryId: nearestEmergency.label.id, similarity: nearestEmergency.similarity };
    const outOfScope = nearestOutOfScope?.similarity ?? 0;
    const hits = [...best.entries()]
      .map(([entryId, similarity]) => ({ entryId, similarity, share: (nearest.get(entryId) ?? 0) / Math.max(1, Math.min(counted, SHARE_OF_NEAREST)) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, limit);
    return { hits, emergency, outOfScope, scopeLean: scopeLean(this.scopeDiscriminant, vector) };
  }
}

/**
 * Loads the saved index for this knowledge base and model, or builds it in a child process (logging progress) and
 * saves it; a corrupt saved index is logged and rebuilt. The model is loaded for questions only once the index is
 * there, so a first build does not hold two copies of it for long.
 */
export async function createDenseRetriever(options: {
  kb: KnowledgeBase;
  scope: Scope;
  embedderOptions: EmbedderOptions;
  /** The process's model (loaded once, shared by reloads), or why there is none. */
  embedder: () => Promise<Embedder | string>;
  indexDir: string;
  log: Logger;
}): Promise<DenseRetriever> {
  const { kb, scope, embedderOptions, indexDir, log } = options;
  const model = async () => {
    const embedder = await options.embedder();
    if (typeof embedder === 'string') throw new EmbedderUnavailableError(embedder);
    return embedder;
  };
  const key = denseIndexKey(kb, scope, { ...embedderOptions, fingerprint: modelFingerprint(embedderOptions) });
  const saved = async () => {
    try {
      const index = await VectorIndex.load<PassageLabel>(indexDir, key);
      if (!index) return undefined;
      // An index saved without its discriminant (a build cut short between the two files) is built again.
      const scopeDiscriminant = await loadScopeDiscriminant(indexDir, key, index.dimensions);
      return scopeDiscriminant && { index, scopeDiscriminant };
    } catch (error) {
      log.warn({ key, err: error }, 'saved dense index is unreadable; rebuilding it');
      return undefined;
    }
  };

  let built = await saved();
  if (!built) {
    built = await holdingIndexLock(indexDir, key, log, async () => {
      // Another process may have built it while this one waited for the lock.
      const builtMeanwhile = await saved();
      if (builtMeanwhile) return builtMeanwhile;
      const passages = allPassages(kb, scope);
      log.info({ key, passages: passages.length, model: embedderOptions.modelId }, 'building dense index in the background');
      const started = performance.now();
      await buildIndexInWorker({ embedder: embedderOptions, passages, indexDir, key }, log);
      const fresh = await saved();
      if (!fresh) throw new Error(`the dense index ${key} was built but cannot be read back`);
      log.info({ key, passages: passages.length, ms: Math.round(performance.now() - started) }, 'dense index built and saved');
      return fresh;
    });
  } else {
    log.info({ key, passages: built.index.size }, 'dense index loaded from disk');
  }
  const { index, scopeDiscriminant } = built;
  const embedder = await model();
  if (embedder.dimensions !== index.dimensions) throw new Error(`the dense index has ${index.dimensions} dimensions, the model ${embedder.dimensions}`);
  return new DenseRetriever(embedder, index, scopeDiscriminant);
}
