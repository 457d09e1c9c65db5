import { join } from 'node:path';
import { Assistant } from './assistant.js';
import type { Config } from './config.js';
import { loadKnowledgeBase, type KnowledgeBase } from './knowledge/load.js';
import type { Logger } from './logger.js';
import { createDenseRetriever, type DenseRetriever } from './retrieval/dense.js';
import { EmbedderUnavailableError, loadEmbedder } from './retrieval/embedder.js';
import { LexicalIndex } from './retrieval/lexical.js';

/** What `/readyz` reports. */
export interface RetrievalStatus {
  entries: number;
  knowledgeHash: string;
  lexicalDocuments: number;
  dense: { state: 'on'; model: string; passages: number } | { state: 'off'; model: string; reason: string };
  startupMs: number;
}

export interface Retrieval {
  kb: KnowledgeBase;
  assistant: Assistant;
  status: RetrievalStatus;
}

async function tryDense(config: Config, kb: KnowledgeBase, log: Logger): Promise<DenseRetriever | string> {
  if (!config.embedding.enabled) return 'disabled by DENSE_ENABLED=false';
  try {
    const embedder = await loadEmbedder(config.embedding);
    return await createDenseRetriever({
      kb,
      embedder,
      passagePrefix: config.embedding.passagePrefix,
      indexDir: join(config.dataDir, 'index'),
      log,
    });
  } catch (error) {
    if (error instanceof EmbedderUnavailableError) return error.message;
    throw error;
  }
}

/**
 * Loads the knowledge base and builds both retrieval paths. The dense path is optional: when no model can be
 * loaded, the lexical path answers alone, and the reason is logged once and shown in `/readyz`.
 */
export async function buildRetrieval(config: Config, log: Logger): Promise<Retrieval> {
  const started = performance.now();
  const kb = await loadKnowledgeBase(config.knowledgeDir);
  const lexical = new LexicalIndex(kb.entries, config.lexicalBm25Weight);
  log.info({ entries: kb.entries.length, documents: lexical.documentCount, hash: kb.hash }, 'knowledge base loaded');

  const dense = await tryDense(config, kb, log);
  const model = config.embedding.modelId;
  if (typeof dense === 'string') log.warn({ model, reason: dense }, 'dense retrieval is off; answering with the lexical path alone');

  const assistant = new Assistant({
    kb,
    lexical,
    dense: typeof dense === 'string' ? undefined : dense,
    thresholds: config.thresholds,
    weights: config.weights,
  });
  const status: RetrievalStatus = {
    entries: kb.entries.length,
    knowledgeHash: kb.hash,
    lexicalDocuments: lexical.documentCount,
    dense: typeof dense === 'string' ? { state: 'off', model, reason: dense } : { state: 'on', model, passages: dense.passageCount },
    startupMs: Math.round(performance.now() - started),
  };
  return { kb, assistant, status };
}
