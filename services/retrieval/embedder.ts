import { existsSync } from 'node:fs';
import { join } from 'node:path';
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

/** Turns texts into unit-length vectors (mean pooling, L2-normalised), so cosine similarity is a dot product. */
export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  embedQuery(text: string): Promise<Float32Array>;
  embedPassages(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  /** The token ids the model sees for a text (special tokens included), for the parity check. */
  tokenIds(text: string): number[];
}

export class EmbedderUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EmbedderUnavailableError';
  }
}

const BATCH_SIZE = 32;

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
      `model ${options.modelId} is not in ${options.modelsDir} and remote download is off ` +
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

  return {
    modelId: options.modelId,
    dimensions: probe.length,
    embedQuery: async (text) => (await embed([options.queryPrefix + text]))[0],
    embedPassages: async (texts, onProgress) => {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += BATCH_SIZE) {
        const batch = texts.slice(start, start + BATCH_SIZE).map((text) => options.passagePrefix + text);
        vectors.push(...(await embed(batch)));
        onProgress?.(vectors.length, texts.length);
      }
      return vectors;
    },
    tokenIds: (text) => Array.from(extract.tokenizer.encode(text)),
  };
}
