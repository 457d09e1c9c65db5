/**
 * The child-process side of buildIndexInWorker: loads its own copy of the model, builds the index, saves it with
 * its scope discriminant (the discriminant first: an index found without one is rebuilt).
 */
import { EmbedderUnavailableError, loadEmbedder } from './embedder.js';
import { buildIndex, type BuildJob, type WorkerMessage } from './indexBuild.js';
import { saveScopeDiscriminant } from './scopeDiscriminant.js';

const post = (message: WorkerMessage) => new Promise<void>((resolve) => (process.connected ? process.send!(message, undefined, undefined, () => resolve()) : resolve()));

// The server stopped (or died): nobody will use the index, so stop building it.
process.once('disconnect', () => process.exit(0));

process.once('message', async (job: BuildJob) => {
  try {
    const embedder = await loadEmbedder(job.embedder);
    const { index, scopeDiscriminant } = await buildIndex(embedder, job.passages, (progress) => void post({ type: 'progress', progress }));
    await saveScopeDiscriminant(job.indexDir, job.key, scopeDiscriminant);
    await index.save(job.indexDir, job.key);
    await post({ type: 'done' });
  } catch (error) {
    await post({ type: 'error', unavailable: error instanceof EmbedderUnavailableError, message: (error as Error).message });
  }
  if (process.connected) process.disconnect();
});
