/**
 * `npm run models:download`: fetches the configured embedding model (EMBEDDING_MODEL, by default
 * Xenova/multilingual-e5-small) from the Hugging Face hub into MODELS_DIR, so the server can later run offline.
 * Needs network access; everything else in the product works without it.
 */
import { loadConfig } from '../services/config.js';
import { loadEmbedder } from '../services/retrieval/embedder.js';

const config = loadConfig();
const { modelId, modelsDir, quantized } = config.embedding;
console.log(`Downloading ${modelId} (${quantized ? 'int8' : 'fp32'}) into ${modelsDir} ...`);
try {
  const embedder = await loadEmbedder({ ...config.embedding, allowRemote: true });
  const probe = await embedder.embedQuery('北京协和医院 appointment');
  console.log(`Done: ${modelId} embeds into ${embedder.dimensions} dimensions (probe norm ${Math.hypot(...probe).toFixed(3)}).`);
  console.log('Start the server as usual; it finds the model in MODELS_DIR and builds the dense index on first start.');
} catch (error) {
  console.error(`Could not download ${modelId}: ${(error as Error).message}`);
  console.error('This needs access to huggingface.co. Without a model the assistant still answers with its lexical path.');
  process.exit(1);
}
