import { mkdtempSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDenseRetriever, denseIndexKey, passagesOf } from '../../services/retrieval/dense.js';
import { EmbedderUnavailableError, loadEmbedder, type Embedder } from '../../services/retrieval/embedder.js';
import { createLogger } from '../../services/logger.js';
import { VectorIndex } from '../../services/retrieval/vectorIndex.js';
import { makeEntry, makeKnowledgeBase } from '../fixtures/entries.js';
import { writeTinyModel } from '../fixtures/tinyModel.js';

const log = createLogger('silent');
const entries = [
  makeEntry('hospital-booking', { en: { title: 'Booking a hospital appointment', questions: ['how do I book a hospital appointment'] } }),
  makeEntry('visa-renewal', { en: { title: 'Renewing a residence permit', questions: ['where do I renew my residence permit'] } }),
  makeEntry('school-enrolment', { en: { title: 'Enrolling in a public school', questions: ['can my child enrol in a public school'] } }),
];
const kb = makeKnowledgeBase(entries);
const words = kb.entries.flatMap(passagesOf).flatMap((p) => p.text.toLowerCase().match(/[\p{L}\p{N}]+|[^\s]/gu) ?? []);

let dir: string;
let embedder: Embedder;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dense-test-'));
  const modelId = writeTinyModel(join(dir, 'models'), [...words, ...'医院预约'.split('')]);
  embedder = await loadEmbedder({
    modelId, modelsDir: join(dir, 'models'), allowRemote: false, quantized: false, queryPrefix: '', passagePrefix: '',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the dense path with a generated model', () => {
  it('tokenizes, runs the ONNX graph and mean-pools to unit vectors', async () => {
    const vector = await embedder.embedQuery('how do I book a hospital appointment');
    expect(vector.length).toBe(16);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    const again = await embedder.embedQuery('how do I book a hospital appointment');
    expect(Array.from(again)).toEqual(Array.from(vector));
    const chinese = await embedder.embedQuery('医院预约');
    expect(Array.from(chinese)).not.toEqual(Array.from(vector));
  });

  it('finds the entry whose passage the question repeats, through the HNSW index', async () => {
    const dense = await createDenseRetriever({ kb, embedder, passagePrefix: '', indexDir: join(dir, 'index'), log });
    expect(dense.passageCount).toBe(passagesOf(entries[0]).length * 3);
    for (const [question, entryId] of [
      ['where do I renew my residence permit', 'visa-renewal'],
      ['can my child enrol in a public school', 'school-enrolment'],
      ['how do I book a hospital appointment', 'hospital-booking'],
    ]) {
      const [top] = await dense.query(question, 3);
      expect(top.entryId).toBe(entryId);
      expect(top.similarity).toBeCloseTo(1, 4);
    }
  });

  it('saves the index under a key of knowledge and model, and reuses it on restart', async () => {
    const indexDir = join(dir, 'index');
    const key = denseIndexKey(kb, embedder.modelId, '');
    const graph = join(indexDir, `${key}.hnsw`);
    const before = statSync(graph).mtimeMs;
    await createDenseRetriever({ kb, embedder, passagePrefix: '', indexDir, log });
    expect(statSync(graph).mtimeMs).toBe(before);

    const edited = makeKnowledgeBase([...entries.slice(0, 2)]);
    expect(denseIndexKey(edited, embedder.modelId, '')).not.toBe(key);
    expect(denseIndexKey(kb, 'other/model', '')).not.toBe(key);
  });

  it('rebuilds a corrupt saved index instead of failing', async () => {
    const indexDir = join(dir, 'index');
    const key = denseIndexKey(kb, embedder.modelId, '');
    writeFileSync(join(indexDir, `${key}.labels.json`), '{"dimensions":16,"labels":[]}');
    await expect(VectorIndex.load(indexDir, key)).rejects.toThrow(/points but 0 labels/);
    const dense = await createDenseRetriever({ kb, embedder, passagePrefix: '', indexDir, log });
    expect((await dense.query('can my child enrol in a public school', 1))[0].entryId).toBe('school-enrolment');
    expect(readdirSync(indexDir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('reports a corrupt model file as unavailable instead of failing the start', async () => {
    const modelsDir = join(dir, 'corrupt-models');
    const modelId = writeTinyModel(modelsDir, ['word']);
    writeFileSync(join(modelsDir, modelId, 'onnx', 'model.onnx'), 'not an onnx graph');
    await expect(
      loadEmbedder({ modelId, modelsDir, allowRemote: false, quantized: false, queryPrefix: '', passagePrefix: '' }),
    ).rejects.toBeInstanceOf(EmbedderUnavailableError);
  });

  it('reports a missing model as unavailable, without touching the network', async () => {
    await expect(
      loadEmbedder({ modelId: 'absent/model', modelsDir: join(dir, 'models'), allowRemote: false, quantized: true, queryPrefix: '', passagePrefix: '' }),
    ).rejects.toBeInstanceOf(EmbedderUnavailableError);
  });
});
