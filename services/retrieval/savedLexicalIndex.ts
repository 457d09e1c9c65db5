import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entry } from '../knowledge/schema.js';
import type { Logger } from '../logger.js';
import { inSlices } from '../timeSlices.js';
import { LexicalIndex } from './lexical.js';

const SAVED_SUFFIX = '.ndjson';

/** Computed once: the compiled code does not change while it runs. */
let codeHash: string | undefined;

/**
 * The hash of the compiled server this code runs in (dist/server.js, as `npm start` runs it), or undefined when it
 * runs from source (tsx: the eval, scripts, `npm run dev`, tests).
 */
function compiledCodeHash(): string | undefined {
  const running = fileURLToPath(import.meta.url);
  if (basename(dirname(running)) !== 'dist') return undefined;
  codeHash ??= createHash('sha256').update(readFileSync(running)).digest('hex').slice(0, 16);
  return codeHash;
}

/**
 * The lexical index for these entries: loaded from `dir` when the same knowledge was indexed by the same compiled
 * code (half a second), otherwise built (about six seconds on the real knowledge base) and then saved there in the
 * background. The key holds the code's hash because the analyzer decides every term: any change of code builds
 * afresh. Run from source, nothing is saved or loaded, as someone editing the analyzer expects.
 */
export async function loadOrBuildLexicalIndex(options: {
  entries: readonly Entry[];
  knowledgeHash: string;
  bm25Weight: number;
  dir: string;
  log: Logger;
}): Promise<{ index: LexicalIndex; loaded: boolean }> {
  const { entries, knowledgeHash, bm25Weight, dir, log } = options;
  const code = compiledCodeHash();
  if (!code) return { index: await LexicalIndex.build(entries, bm25Weight), loaded: false };
  const file = join(dir, `${knowledgeHash}-${code}${SAVED_SUFFIX}`);
  if (existsSync(file)) {
    try {
      const index = await LexicalIndex.load(await readFile(file, 'utf8'), bm25Weight);
      if (index) return { index, loaded: true };
    } catch (error) {
      log.warn({ err: error, file }, 'the saved lexical index could not be read; building it');
    }
  }
  const index = await LexicalIndex.build(entries, bm25Weight);
  save(index, file).catch((error: unknown) => log.warn({ err: error, file }, 'the lexical index could not be saved; the next start builds it again'));
  return { index, loaded: false };
}

/**
 * Writes the index beside its final name and renames it, so a reader never sees half a file, then removes the
 * indexes saved for other knowledge or code (8 MB each), leaving files still being written alone.
 */
async function save(index: LexicalIndex, file: string): Promise<void> {
  const lines: string[] = [];
  await inSlices(index.savedLines(lines));
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, `${lines.join('\n')}\n`);
  await rename(partial, file);
  const stale = (await readdir(dir)).filter((name) => name.endsWith(SAVED_SUFFIX) && name !== basename(file));
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
}
