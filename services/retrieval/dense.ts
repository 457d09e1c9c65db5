import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { Entry } from '../knowledge/schema.js';
import { LANGS, type Lang } from '../languages.js';
import type { Logger } from '../logger.js';
import type { Embedder } from './embedder.js';
import { VectorIndex } from './vectorIndex.js';

export interface PassageLabel {
  entryId: string;
  lang: Lang;
}

export interface DenseHit {
  entryId: string;
  /** Cosine similarity of the entry's closest passage. */
  similarity: number;
}

/** Bump when the choice of passages changes, so saved indexes built the old way are not reused. */
const PASSAGE_FORMAT_VERSION = 1;
/** Passages fetched per question before grouping them by entry (each entry has ~60 passages). */
const PASSAGES_PER_QUERY = 100;

/** Every alternate question, title and answer of every language is one passage. */
export function passagesOf(entry: Entry): { text: string; label: PassageLabel }[] {
  return LANGS.flatMap((lang) => {
    const content = entry.content[lang];
    const label = { entryId: entry.id, lang };
    return [content.title, content.answer, ...content.questions].map((text) => ({ text, label }));
  });
}

/** The saved index is reused only for the same knowledge, model and passage format. */
export function denseIndexKey(kb: KnowledgeBase, modelId: string, passagePrefix: string): string {
  return createHash('sha256')
    .update([kb.hash, modelId, passagePrefix, PASSAGE_FORMAT_VERSION].join('|'))
    .digest('hex')
    .slice(0, 16);
}

/** The dense path: embeds the question and finds the entries with the nearest passages in the HNSW index. */
export class DenseRetriever {
  constructor(
    private readonly embedder: Embedder,
    private readonly index: VectorIndex<PassageLabel>,
  ) {}

  get passageCount(): number {
    return this.index.size;
  }

  async query(question: string, limit = 10): Promise<DenseHit[]> {
    const vector = await this.embedder.embedQuery(question);
    const best = new Map<string, number>();
    for (const { label, similarity } of this.index.search(vector, PASSAGES_PER_QUERY)) {
      best.set(label.entryId, Math.max(best.get(label.entryId) ?? -1, similarity));
    }
    return [...best.entries()]
      .map(([entryId, similarity]) => ({ entryId, similarity }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, limit);
  }
}

/**
 * Loads the saved index for this knowledge base and model, or builds it (logging progress) and saves it.
 * A corrupt saved index is logged and rebuilt.
 */
export async function createDenseRetriever(options: {
  kb: KnowledgeBase;
  embedder: Embedder;
  passagePrefix: string;
  indexDir: string;
  log: Logger;
}): Promise<DenseRetriever> {
  const { kb, embedder, indexDir, log } = options;
  const key = denseIndexKey(kb, embedder.modelId, options.passagePrefix);
  try {
    const saved = await VectorIndex.load<PassageLabel>(indexDir, key);
    if (saved && saved.dimensions === embedder.dimensions) {
      log.info({ key, passages: saved.size }, 'dense index loaded from disk');
      return new DenseRetriever(embedder, saved);
    }
  } catch (error) {
    log.warn({ key, err: error }, 'saved dense index is unreadable; rebuilding it');
  }

  const passages = kb.entries.flatMap(passagesOf);
  log.info({ key, passages: passages.length, model: embedder.modelId }, 'building dense index');
  const started = performance.now();
  let lastReported = 0;
  const vectors = await embedder.embedPassages(
    passages.map((p) => p.text),
    (done, total) => {
      const percent = Math.floor((done / total) * 100);
      if (percent >= lastReported + 10 || done === total) {
        lastReported = percent;
        log.info({ done, total, percent }, 'embedding passages');
      }
    },
  );
  const index = VectorIndex.build(vectors, passages.map((p) => p.label), embedder.dimensions);
  await index.save(indexDir, key);
  log.info({ key, passages: passages.length, ms: Math.round(performance.now() - started) }, 'dense index built and saved');
  return new DenseRetriever(embedder, index);
}
