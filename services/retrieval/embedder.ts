import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LRUCache } from 'lru-cache';
import { SOURCE_FILE, type ModelSource } from '../models/importE5.js';
import { fixUnigramTrie } from '../models/transformersFixes.js';

export interface EmbedderOptions {
  modelId: string;
  modelsDir: string;
  allowRemote: boolean;
  /** The Hugging Face hub or its mirror, for `allowRemote`. */
  hubEndpoint: string;
  /** Load `onnx/model_quantized.onnx` (int8) instead of `onnx/model.onnx`. */
  quantized: boolean;
  /** e5 models are trained with "query: " and "passage: " prefixes and embed worse without them. */
  queryPrefix: string;
  passagePrefix: string;
}

/** e5 models are trained with two roles: questions ("query: ") and the texts that answer them ("passage: "). */
export type EmbeddingRole = 'query' | 'passage';

/** Turns texts into unit-length vectors (mean pooling, L2-normalised), so cosine similarity is a dot product. */
export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Identifies the weights (the imported file's SHA-256 when known), so a saved index never outlives them. */
  readonly fingerprint: string;
  /** One question, as users ask: cached by its normalized text (see `cacheStats`). */
  embedQuery(text: string): Promise<Float32Array>;
  /** Many texts in batches, for index builds. */
  embedBatch(texts: readonly string[], role: EmbeddingRole, onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  /** The token ids the model sees for a text (special tokens included), for the parity check. */
  tokenIds(text: string): number[];
  readonly cacheStats: { hits: number; misses: number };
}

export class EmbedderUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EmbedderUnavailableError';
  }
}

const BATCH_SIZE = 32;
/** Question embeddings kept: repeated questions (starters, suggestion buttons, common asks) skip the model. */
const QUERY_CACHE_SIZE = 2000;

/** The cache key and the text embedded: Unicode-normalized, with runs of white space folded. */
export function normalizeQuestion(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** The weights' fingerprint: the SHA-256 that models:download recorded, or else the model id. */
export function modelFingerprint(options: Pick<EmbedderOptions, 'modelsDir' | 'modelId'>): string {
  try {
    return (JSON.parse(readFileSync(join(options.modelsDir, options.modelId, SOURCE_FILE), 'utf8')) as ModelSource).sha256;
  } catch {
    return options.modelId;
  }
}

type FeatureExtractor = ((texts: string | string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>) & {
  tokenizer: { encode(text: string): number[] };
};

/**
 * Loads a transformers.js feature-extraction model: from `modelsDir/<org>/<name>` first, and from the Hugging
 * Face hub only when `allowRemote` is set (downloads are kept in `modelsDir`). Throws EmbedderUnavailableError
 * with a reason a person can act on when the model cannot be loaded.
 */
export async function loadEmbedder(options: EmbedderOptions): Promise<Embedder> {
  const localDir = join(options.modelsDir, options.modelId);
  if (!options.allowRemote && !existsSync(join(localDir, 'config.json'))) {
    throw new EmbedderUnavailableError(
      // MODELS_DIR by name, not its absolute path: this reason is shown on /readyz, which the public may reach.
      `model ${options.modelId} is not in MODELS_DIR and remote download is off ` +
        '(run `npm run models:download` with network access, or set ALLOW_REMOTE_MODELS=true)',
    );
  }
  // Imported here, not at the top: transformers.js and onnxruntime cost ~100 MB of memory that a lexical-only
  // server never needs.
  const { env, pipeline } = await import('@xenova/transformers');
  env.localModelPath = options.modelsDir;
  env.cacheDir = options.modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = options.allowRemote;
  env.remoteHost = `${options.hubEndpoint.replace(/\/$/, '')}/`;

  let extract: FeatureExtractor;
  try {
    extract = (await pipeline('feature-extraction', options.modelId, { quantized: options.quantized })) as unknown as FeatureExtractor;
  } catch (error) {
    throw new EmbedderUnavailableError(`model ${options.modelId} could not be loaded: ${(error as Error).message}`, { cause: error });
  }
  fixUnigramTrie(extract.tokenizer);

  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    const output = await extract(texts, { pooling: 'mean', normalize: true });
    const [count, dimensions] = output.dims;
    return Array.from({ length: count }, (_, i) => output.data.slice(i * dimensions, (i + 1) * dimensions));
  };
  const [probe] = await embed(['probe']);
  const prefixes: Record<EmbeddingRole, string> = { query: options.queryPrefix, passage: options.passagePrefix };
  const cache = new LRUCache<string, Float32Array>({ max: QUERY_CACHE_SIZE });
  const cacheStats = { hits: 0, misses: 0 };

  return {
    modelId: options.modelId,
    dimensions: probe.length,
    fingerprint: modelFingerprint(options),
    cacheStats,
    embedQuery: async (text) => {
      const key = normalizeQuestion(text);
      const cached = cache.get(key);
      if (cached) {
        cacheStats.hits++;
        return cached;
      }
      cacheStats.misses++;
      const [vector] = await embed([prefixes.query + key]);
      cache.set(key, vector);
      return vector;
    },
    embedBatch: async (texts, role, onProgress) => {
      // Batches of similar lengths waste little on padding: embed in length order, return in the caller's order.
      const order = texts.map((_, i) => i).sort((a, b) => texts[a].length - texts[b].length);
      const vectors = new Array<Float32Array>(texts.length);
      for (let start = 0; start < order.length; start += BATCH_SIZE) {
        const batch = order.slice(start, start + BATCH_SIZE);
        const embedded = await embed(batch.map((i) => prefixes[role] + normalizeQuestion(texts[i])));
        batch.forEach((i, j) => (vectors[i] = embedded[j]));
        onProgress?.(Math.min(start + BATCH_SIZE, texts.length), texts.length);
      }
      return vectors;
    },
    tokenIds: (text) => Array.from(extract.tokenizer.encode(text)),
  };
}
