/**
 * Building the vector index: embedding every passage (minutes of CPU the first time) and the HNSW graph. It runs
 * in a child process (indexBuildWorker.ts), so the server keeps answering with its lexical path meanwhile:
 * onnxruntime and the tokenizer would otherwise hold the event loop for the whole build. A process, not a worker
 * thread: onnxruntime-node's addon loads in one thread per process only.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.js';
import { EmbedderUnavailableError, type Embedder, type EmbedderOptions } from './embedder.js';
import type { Passage, PassageLabel } from './dense.js';
import { VectorIndex } from './vectorIndex.js';

export interface Progress {
  done: number;
  total: number;
}

/** Embeds the passages (questions and texts in their own roles) and builds the HNSW index over them. */
export async function buildIndex(embedder: Embedder, passages: readonly Passage[], onProgress: (progress: Progress) => void): Promise<VectorIndex<PassageLabel>> {
  const vectors = new Array<Float32Array>(passages.length);
  let embedded = 0;
  for (const role of ['query', 'passage'] as const) {
    const indices = passages.flatMap((p, i) => (p.role === role ? [i] : []));
    const before = embedded;
    const roleVectors = await embedder.embedBatch(indices.map((i) => passages[i].text), role, (count) => onProgress({ done: before + count, total: passages.length }));
    indices.forEach((passage, j) => (vectors[passage] = roleVectors[j]));
    embedded += indices.length;
  }
  return VectorIndex.build(vectors, passages.map((p) => p.label), embedder.dimensions);
}

export interface BuildJob {
  embedder: EmbedderOptions;
  passages: Passage[];
  indexDir: string;
  key: string;
}

export type WorkerMessage = { type: 'progress'; progress: Progress } | { type: 'done' } | { type: 'error'; unavailable: boolean; message: string };

/** Builds and saves the index in a child process, logging progress every 10%. */
export function buildIndexInWorker(job: BuildJob, log: Logger): Promise<void> {
  const started = performance.now();
  let lastReported = -10;
  return new Promise((resolve, reject) => {
    // The child runs TypeScript through tsx, as the server itself does.
    const worker = fork(fileURLToPath(new URL('./indexBuildWorker.ts', import.meta.url)), { execArgv: ['--import', 'tsx'], serialization: 'advanced' });
    worker.send(job);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        const percent = Math.floor((message.progress.done / message.progress.total) * 100);
        if (percent >= lastReported + 10) {
          lastReported = percent;
          log.info({ ...message.progress, percent, seconds: Math.round((performance.now() - started) / 1000) }, 'embedding passages');
        }
      } else if (message.type === 'done') resolve();
      else reject(message.unavailable ? new EmbedderUnavailableError(message.message) : new Error(`dense index build failed: ${message.message}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`dense index build process exited with ${code}`))));
  });
}
