import { mkdtempSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDenseRetriever, denseIndexKey, passagesOf } from '../../services/retrieval/dense.js';
import { EmbedderUnavailableError, loadEmbedder, type Embedder } from '../../services/retrieval/embedder.js';
import { createLogger } from '../../services/logger.js';
import { VectorIndex } from '../../services/retrieval/vectorIndex.js';
import type { Scope } from '../../services/scope.js';
import { makeEntry, makeKnowledgeBase } from '../fixtures/entries.js';
import { TINY_HIDDEN, writeTinyModel } from '../fixtures/tinyModel.js';

const log = createLogger('silent');
const entries = [
  makeEntry('hospital-booking', { en: { title: 'Booking a hospital appointment', questions: ['how do I book a hospital appointment'] } }),
  makeEntry('visa-renewal', { en: { title: 'Renewing a residence permit', questions: ['where do I renew my residence permit'] } }),
  makeEntry('school-enrolment', { en: { title: 'Enrolling in a public school', questions: ['can my child enrol in a public school'] } }),
];
const kb = makeKnowledgeBase(entries);
const scope: Scope = { otherPlace: () => undefined, beijingNames: [], outOfScopeExamples: [{ topic: 'weather', lang: 'en', text: 'will it rain tomorrow' }], hash: 'scope-1' };
const options = { allowRemote: false, quantized: true, queryPrefix: '', passagePrefix: '', hubEndpoint: 'http://127.0.0.1:9' };
const words = kb.entries.flatMap(passagesOf).flatMap((p) => p.text.toLowerCase().match(/[\p{L}\p{N}]+|[^\s]/gu) ?? []);

let dir: string;
let embedder: Embedder;
let embedderOptions: Parameters<typeof loadEmbedder>[0];
const indexedModel = () => ({ ...embedderOptions, fingerprint: embedder.fingerprint });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dense-test-'));
  const modelId = writeTinyModel(join(dir, 'models'), [...words, 'will', 'it', 'rain', 'tomorrow', ...'医院预约'.split('')]);
  embedderOptions = { modelId, modelsDir: join(dir, 'models'), ...options };
  embedder = await loadEmbedder(embedderOptions);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the dense path with a generated model', () => {
  it('tokenizes, runs the imported BERT graph and mean-pools to unit vectors', async () => {
    const vector = await embedder.embedQuery('how do I book a hospital appointment');
    expect(vector.length).toBe(TINY_HIDDEN);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    const chinese = await embedder.embedQuery('医院预约');
    expect(Array.from(chinese)).not.toEqual(Array.from(vector));
    expect(embedder.tokenIds('hospital').length).toBe(3);
  });

  it('caches question embeddings by normalized text and counts hits', async () => {
    const misses = embedder.cacheStats.misses;
    const first = await embedder.embedQuery('where do I renew my residence permit');
    const hits = embedder.cacheStats.hits;
    const again = await embedder.embedQuery('  where do I   renew my residence permit ');
    expect(Array.from(again)).toEqual(Array.from(first));
    expect(embedder.cacheStats).toEqual({ hits: hits + 1, misses: misses + 1 });
  });

  it('embeds batches in the caller\'s order, padded sequences giving the same vectors as single ones', async () => {
    const texts = ['a much longer question about how to book a hospital appointment', 'school', 'visa'];
    const batch = await embedder.embedBatch(texts, 'query');
    for (const [i, text] of texts.entries()) {
      const [single] = await embedder.embedBatch([text], 'query');
      batch[i].forEach((value, k) => expect(value).toBeCloseTo(single[k], 4));
    }
  });

  it('finds the entry whose passage the question repeats, through the HNSW index', async () => {
    const dense = await createDenseRetriever({ kb, scope, embedderOptions, embedder: async () => embedder, indexDir: join(dir, 'index'), log });
    expect(dense.passageCount).toBe(passagesOf(entries[0]).length * 3 + 1);
    for (const [question, entryId] of [
      ['where do I renew my residence permit', 'visa-renewal'],
      ['can my child enrol in a public school', 'school-enrolment'],
      ['how do I book a hospital appointment', 'hospital-booking'],
    ]) {
      const { hits: [top] } = dense.search(await dense.embed(question), 3);
      expect(top.entryId).toBe(entryId);
      expect(top.similarity).toBeCloseTo(1, 4);
    }
    const weather = dense.search(await dense.embed('will it rain tomorrow'), 3);
    expect(weather.outOfScope).toBeCloseTo(1, 4);
    expect(weather.hits.every((h) => h.similarity < 1)).toBe(true);
    // The out-of-scope example itself leans out of scope; the entries' own questions lean in.
    expect(weather.scopeLean).toBeLessThan(0);
    expect(dense.search(await dense.embed('can my child enrol in a public school'), 3).scopeLean).toBeGreaterThan(0);
  });

  it('searches one language\'s passages alone when asked', async () => {
    const dense = await createDenseRetriever({ kb, scope, embedderOptions, embedder: async () => embedder, indexDir: join(dir, 'index'), log });
    const vector = await dense.embed('how do I book a hospital appointment');
    expect(dense.search(vector, 3, 'en').hits[0]).toMatchObject({ entryId: 'hospital-booking' });
    // The English question only repeats an English passage: in Chinese passages nothing is identical.
    expect(dense.search(vector, 3, 'zh').hits[0].similarity).toBeLessThan(0.999);
  });

  it('saves the index under a key of knowledge and model, and reuses it on restart', async () => {
    const indexDir = join(dir, 'index');
    const key = denseIndexKey(kb, scope, indexedModel());
    const graph = join(indexDir, `${key}.hnsw`);
    const before = statSync(graph).mtimeMs;
    await createDenseRetriever({ kb, scope, embedderOptions, embedder: async () => embedder, indexDir, log });
    expect(statSync(graph).mtimeMs).toBe(before);

    const edited = makeKnowledgeBase([...entries.slice(0, 2)]);
    expect(denseIndexKey(edited, scope, indexedModel())).not.toBe(key);
    expect(denseIndexKey(kb, { ...scope, hash: 'scope-2' }, indexedModel())).not.toBe(key);
    expect(denseIndexKey(kb, scope, { ...indexedModel(), modelId: 'other/model' })).not.toBe(key);
    expect(denseIndexKey(kb, scope, { ...indexedModel(), fingerprint: 'other weights' })).not.toBe(key);
  });

  it('rebuilds a corrupt saved index instead of failing', async () => {
    const indexDir = join(dir, 'index');
    const key = denseIndexKey(kb, scope, indexedModel());
    writeFileSync(join(indexDir, `${key}.labels.json`), `{"dimensions":${TINY_HIDDEN},"labels":[]}`);
    await expect(VectorIndex.load(indexDir, key)).rejects.toThrow(/points but 0 labels/);
    const dense = await createDenseRetriever({ kb, scope, embedderOptions, embedder: async () => embedder, indexDir, log });
    expect(dense.search(await dense.embed('can my child enrol in a public school'), 1).hits[0].entryId).toBe('school-enrolment');
    expect(readdirSync(indexDir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('rebuilds an index saved without its scope discriminant', async () => {
    const indexDir = join(dir, 'index');
    const key = denseIndexKey(kb, scope, indexedModel());
    rmSync(join(indexDir, `${key}.scope.json`));
    const before = statSync(join(indexDir, `${key}.hnsw`)).mtimeMs;
    const dense = await createDenseRetriever({ kb, scope, embedderOptions, embedder: async () => embedder, indexDir, log });
    expect(statSync(join(indexDir, `${key}.hnsw`)).mtimeMs).toBeGreaterThan(before);
    expect(statSync(join(indexDir, `${key}.scope.json`)).isFile()).toBe(true);
    expect(dense.search(await dense.embed('will it rain tomorrow'), 1).scopeLean).toBeLessThan(0);
  });

  it('reports a corrupt model file as unavailable instead of failing the start', async () => {
    const modelsDir = join(dir, 'corrupt-models');
    const modelId = writeTinyModel(modelsDir, ['word']);
    writeFileSync(join(modelsDir, modelId, 'onnx', 'model_quantized.onnx'), 'not an onnx graph');
    await expect(loadEmbedder({ modelId, modelsDir, ...options })).rejects.toBeInstanceOf(EmbedderUnavailableError);
  });

  it('reports a missing model as unavailable, without touching the network', async () => {
    await expect(
      loadEmbedder({ modelId: 'absent/model', modelsDir: join(dir, 'models'), ...options }),
    ).rejects.toBeInstanceOf(EmbedderUnavailableError);
  });
});
