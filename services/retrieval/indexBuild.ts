/**
 * Building the vector index: embedding every passage (minutes of CPU the first time) and the HNSW graph. It runs
 * in a child process (indexBuildWorker.ts), so the server keeps answering with its lexical path meanwhile:
 * onnxruntime and the tokenizer would otherwise hold the event loop for the whole build. A process, not a worker
 * thread: onnxruntime-node's addon loads in one thread per process only.
 */
import { fork } from 'node:child_process';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.js';
import { EmbedderUnavailableError, type Embedder, type EmbedderOptions } from './embedder.js';
import type { Passage, PassageLabel } from './dense.js';
import { fitScopeDiscriminant, type ScopeDiscriminant } from './scopeDiscriminant.js';
import { VectorIndex } from './vectorIndex.js';

export interface Progress {
  done: number;
  total: number;
}

export interface BuiltIndex {
  index: VectorIndex<PassageLabel>;
  scopeDiscriminant: ScopeDiscriminant;
}

/**
 * Embeds the passages (questions and texts in their own roles), builds the HNSW index over them and fits the
 * scope discriminant on the same vectors.
 */
export async function buildIndex(embedder: Embedder, passages: readonly Passage[], onProgress: (progress: Progress) => void): Promise<BuiltIndex> {
  const vectors = new Array<Float32Array>(passages.length);
  let embedded = 0;
  for (const role of ['query', 'passage'] as const) {
    const indices = passages.flatMap((p, i) => (p.role === role ? [i] : []));
    const before = embedded;
    const roleVectors = await embedder.embedBatch(indices.map((i) => passages[i].text), role, (count) => onProgress({ done: before + count, total: passages.length }));
    indices.forEach((passage, j) => (vectors[passage] = roleVectors[j]));
    embedded += indices.length;
  }
  const labels = passages.map((p) => p.label);
  return {
    index: VectorIndex.build(vectors, labels, embedder.dimensions),
    scopeDiscriminant: fitScopeDiscriminant(vectors, labels.map((label) => label.kind !== 'out-of-scope')),
  };
}

export interface BuildJob {
  embedder: EmbedderOptions;
  passages: Passage[];
  indexDir: string;
  key: string;
}

export type WorkerMessage = { type: 'progress'; progress: Progress } | { type: 'done' } | { type: 'error'; unavailable: boolean; message: string };

/**
 * The child's code: the compiled dist/indexBuildWorker.js beside the compiled server (`npm start`), or the
 * TypeScript source through tsx when the server runs from source (`npm run dev`, tests, eval).
 */
const WORKER = import.meta.url.endsWith('.ts')
  ? { url: new URL('./indexBuildWorker.ts', import.meta.url), execArgv: ['--import', 'tsx'] }
  : { url: new URL('./indexBuildWorker.js', import.meta.url), execArgv: [] };

/** Builds and saves the index in a child process, logging progress every 10%. */
export function buildIndexInWorker(job: BuildJob, log: Logger): Promise<void> {
  const started = performance.now();
  let lastReported = -10;
  return new Promise((resolve, reject) => {
    const worker = fork(fileURLToPath(WORKER.url), { execArgv: WORKER.execArgv, serialization: 'advanced' });
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

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` while holding `<dir>/<key>.lock`, so that of several processes wanting the same index (the workers of
 * one server start together) one builds it and the others wait, then find it saved. A lock left by a process that
 * died is taken over.
 */
export async function holdingIndexLock<T>(dir: string, key: string, log: Logger, work: () => Promise<T>): Promise<T> {
  await mkdir(dir, { recursive: true });
  const lock = join(dir, `${key}.lock`);
  for (let announced = false; ; ) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
    // An empty file is a lock being written this instant; a dead holder's lock is stale.
    if (Number.isInteger(holder) && !isRunning(holder)) {
      await rm(lock, { force: true });
      continue;
    }
    if (!announced) log.info({ key, holder }, 'another process is building this dense index; waiting for it');
    announced = true;
    await sleep(1000);
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}
