import { join } from 'node:path';
import { Assistant } from './assistant.js';
import { listQuestionReader } from './conversation/listQuestions.js';
import { buildNamedPlaceFinder } from './conversation/namedPlaces.js';
import type { Config } from './config.js';
import { loadKnowledgeBase, type KnowledgeBase } from './knowledge/load.js';
import type { Logger } from './logger.js';
import { createDenseRetriever, type DenseRetriever } from './retrieval/dense.js';
import { EmbedderUnavailableError, loadEmbedder, type Embedder } from './retrieval/embedder.js';
import type { LexicalIndex } from './retrieval/lexical.js';
import { loadOrBuildLexicalIndex } from './retrieval/savedLexicalIndex.js';
import { loadScope, type Scope } from './scope.js';

/** The dense path's state: off (and why), being built in the background, or answering. */
export type DenseStatus =
  | { state: 'off'; model: string; reason: string; since: string }
  | { state: 'building'; model: string; since: string }
  | { state: 'on'; model: string; passages: number; since: string; buildMs: number };

/** What `/readyz` reports: which retrieval paths are live, and since when. */
export interface RetrievalStatus {
  entries: number;
  knowledgeHash: string;
  lexicalDocuments: number;
  /** `saved`: loaded from the index the same compiled code saved for the same knowledge (savedLexicalIndex.ts). */
  lexical: { state: 'on'; since: string; saved: boolean };
  dense: DenseStatus;
  /** Time to a retrieval that answers (the lexical path), in ms. */
  startupMs: number;
}

const DENSE_DISABLED = 'disabled by DENSE_ENABLED=false';

export interface Retrieval {
  kb: KnowledgeBase;
  scope: Scope;
  lexical: LexicalIndex;
  assistant: Assistant;
  status: RetrievalStatus;
}

/**
 * Loads the embedding model once per process and hands the same one to every build (a knowledge reload does not
 * reload 100 MB of weights). Resolves to the reason when there is no model.
 */
export function modelLoader(config: Config): () => Promise<Embedder | string> {
  let loading: Promise<Embedder | string> | undefined;
  return () => {
    loading ??= loadEmbedder(config.embedding).catch((error: unknown) => {
      if (error instanceof EmbedderUnavailableError) return error.message;
      throw error;
    });
    return loading;
  };
}

/**
 * Loads the knowledge base and builds the lexical path: a retrieval that answers at once. The dense path is added
 * later by `withDense`, so a start or a reload never waits for embeddings. Loading yields to the event loop after
 * each file and indexing after each few ms of work, so a reload never holds requests for long.
 */
export async function buildRetrieval(config: Config, log: Logger): Promise<Retrieval> {
  const started = performance.now();
  const [kb, scope] = await Promise.all([loadKnowledgeBase(config.knowledgeDir), loadScope(config.scopeDir)]);
  const { index: lexical, loaded } = await loadOrBuildLexicalIndex({
    entries: kb.entries,
    knowledgeHash: kb.hash,
    bm25Weight: config.lexicalBm25Weight,
    dir: join(config.dataDir, 'lexical'),
    log,
  });
  const namedPlaces = await buildNamedPlaceFinder(kb.entries, scope.beijingNames);
  const since = new Date().toISOString();
  const model = config.embedding.modelId;
  log.info({ entries: kb.entries.length, documents: lexical.documentCount, hash: kb.hash, saved: loaded }, 'knowledge base loaded; lexical path live');
  const status: RetrievalStatus = {
    entries: kb.entries.length,
    knowledgeHash: kb.hash,
    lexicalDocuments: lexical.documentCount,
    lexical: { state: 'on', since, saved: loaded },
    dense: config.embedding.enabled ? { state: 'building', model, since } : { state: 'off', model, reason: DENSE_DISABLED, since },
    startupMs: Math.round(performance.now() - started),
  };
  const assistant = new Assistant({ kb, scope, lexical, decision: config.decision, weights: config.weights, lists: listQuestionReader(config.localesDir), namedPlaces });
  return { kb, scope, lexical, assistant, status };
}

/**
 * The same retrieval with the dense path: loads or builds the vector index (with progress in the log). When there
 * is no model, the lexical retrieval comes back with the reason in its status.
 */
export async function withDense(config: Config, log: Logger, base: Retrieval, loadModel: () => Promise<Embedder | string>): Promise<Retrieval> {
  const model = config.embedding.modelId;
  const since = () => new Date().toISOString();
  const off = (reason: string): Retrieval => {
    log.warn({ model, reason }, 'dense retrieval is off; answering with the lexical path alone');
    return { ...base, status: { ...base.status, dense: { state: 'off', model, reason, since: since() } } };
  };
  if (!config.embedding.enabled) return off(DENSE_DISABLED);
  const started = performance.now();
  let dense: DenseRetriever;
  try {
    dense = await createDenseRetriever({
      kb: base.kb,
      scope: base.scope,
      embedderOptions: config.embedding,
      embedder: loadModel,
      indexDir: join(config.dataDir, 'index'),
      log,
    });
  } catch (error) {
    if (error instanceof EmbedderUnavailableError) return off(error.message);
    throw error;
  }
  const buildMs = Math.round(performance.now() - started);
  log.info({ model, passages: dense.passageCount, buildMs }, 'dense path live');
  return {
    ...base,
    assistant: base.assistant.withDense(dense),
    status: { ...base.status, dense: { state: 'on', model, passages: dense.passageCount, since: since(), buildMs } },
  };
}

/** Lexical and dense together, waiting for both: for the evaluation and scripts that need the full pipeline. */
export async function buildFullRetrieval(config: Config, log: Logger): Promise<Retrieval> {
  return withDense(config, log, await buildRetrieval(config, log), modelLoader(config));
}
