/**
 * `npm run bench`: speed and cost in one run, printed as one table and written to reports/bench.json.
 *
 *   npm run bench              the full run (a few minutes)
 *   npm run bench -- --smoke   seconds, for CI: the same measurements with short loads and a small vector set
 *
 * Servers run as child processes (one core for the server, one for the load), each the compiled product
 * (`dist/server.js`, as `npm start` runs it) or the echo bot compiled the same way.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { build } from 'esbuild';
import hnswlib from 'hnswlib-node';
import { loadConfig } from '../services/config.js';
import { loadKnowledgeBase } from '../services/knowledge/load.js';
import { LiveRetrieval } from '../services/liveRetrieval.js';
import { createLogger } from '../services/logger.js';
import { LexicalIndex } from '../services/retrieval/lexical.js';
import { passagesOf } from '../services/retrieval/dense.js';
import { loadEmbedder } from '../services/retrieval/embedder.js';
import { hashPassword } from '../services/staff/passwords.js';
import { buildRetrieval } from '../services/startup.js';
import { writeTinyModel } from '../test/fixtures/tinyModel.js';
import { MIXED_QUESTIONS as QUESTIONS, percentile, runLoad, type LoadResult } from './bench/load.js';
import { widgetFirstAnswer } from './bench/browser.js';
import { reloadUnderTraffic, type ReloadUnderTraffic } from './bench/reload.js';
import { startServer } from './bench/server.js';
import { startScratchPostgres } from './support/embeddedPostgres.js';

const { values: args } = parseArgs({ options: { smoke: { type: 'boolean', default: false } } });
const SMOKE = args.smoke!;
const LOAD_SECONDS = SMOKE ? 2 : 15;
const RELOADS = SMOKE ? 1 : 3;
const SYNTHETIC_VECTORS = SMOKE ? 5_000 : 100_000;
const SYNTHETIC_DIMENSIONS = 384;
const SYNTHETIC_TOPICS = 1000;
/** Per-dimension noise around a topic centre: two points of one topic have a cosine of about 0.45, of two topics about 0. */
const TOPIC_SPREAD = 0.06;

const rows: { section: string; metric: string; value: string; target?: string }[] = [];
const report: Record<string, unknown> = { generated: new Date().toISOString(), smoke: SMOKE };
const record = (section: string, metric: string, value: string, target?: string) => rows.push({ section, metric, value, target });
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Staff search as a staff member types: every prefix of each question, one request at a time. */
async function staffSearchLatencies(origin: string, password: string): Promise<number[]> {
  const login = await fetch(`${origin}/staff/api/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const latencies: number[] = [];
  for (const question of SMOKE ? QUESTIONS.slice(0, 3) : QUESTIONS) {
    for (let end = 2; end <= question.length; end += 2) {
      const sent = performance.now();
      const response = await fetch(`${origin}/staff/api/search?q=${encodeURIComponent(question.slice(0, end))}&callerLang=ru`, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`staff search answered ${response.status}`);
      latencies.push(performance.now() - sent);
    }
  }
  return latencies.sort((a, b) => a - b);
}

function latencyRow(label: string, result: LoadResult, target?: string) {
  const { latenciesMs: l } = result;
  const throughput = result.requests / result.seconds;
  record('latency', `${label}: p50 / p95 / p99`, `${ms(percentile(l, 50))} / ${ms(percentile(l, 95))} / ${ms(percentile(l, 99))}`, target);
  record('latency', `${label}: throughput, errors`, `${throughput.toFixed(0)} msg/s, ${result.errors} errors`);
  return throughput;
}

const PRODUCT = 'dist/server.js';
const ECHO = 'dist/bench-echo.js';

/** Compiles the echo bot as the build compiles the product, so both run as plain JavaScript. */
async function compileEchoBot(): Promise<void> {
  await build({ entryPoints: ['scripts/bench/echoServer.ts'], outfile: ECHO, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('timed out waiting for the server');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const config = loadConfig();
const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
try {
  // --- Start-up and index build -------------------------------------------------------------------------------
  const staffPassword = 'bench staff passphrase';
  const adminToken = randomBytes(24).toString('hex');
  // A copy of the knowledge, which each reload below changes: a reload is for new knowledge, so it builds the index.
  const knowledgeCopy = join(scratch, 'knowledge');
  cpSync(config.knowledgeDir, knowledgeCopy, { recursive: true });
  const lexicalEnv = { DENSE_ENABLED: 'false', DATA_DIR: join(scratch, 'lexical'), KNOWLEDGE_DIR: knowledgeCopy, ADMIN_TOKEN: adminToken };
  const lexicalOnly = await startServer(PRODUCT, { ...lexicalEnv, STAFF_ACCOUNTS: `bench=${await hashPassword(staffPassword)}` });
  record('start-up', 'cold start to ready, lexical path only', ms(lexicalOnly.readyMs), '<= 1500 ms');
  const { startupMs } = (await (await fetch(`${lexicalOnly.origin}/readyz`)).json()) as { startupMs: number };
  record('start-up', 'of which the lexical build (knowledge loaded, analysed, indexed)', ms(startupMs));
  // A restart with the same knowledge loads the lexical index the first start saved (savedLexicalIndex.ts).
  const savedIndexes = join(scratch, 'lexical', 'lexical');
  await until(() => existsSync(savedIndexes) && readdirSync(savedIndexes).some((name) => name.endsWith('.ndjson')));
  const restarted = await startServer(PRODUCT, lexicalEnv);
  record('start-up', 'restart to ready, lexical path only (the index the first start saved)', ms(restarted.readyMs), '<= 1500 ms');
  await restarted.stop();
  await settle();
  record('cost', 'RSS at rest (lexical path, ready, no traffic yet)', `${lexicalOnly.rssMb().toFixed(0)} MB`, '<= 150 MB');

  const realModel = existsSync(join(config.embedding.modelsDir, config.embedding.modelId, 'config.json'));
  const kb = await loadKnowledgeBase(config.knowledgeDir);
  const passages = kb.entries.flatMap(passagesOf);
  let denseEnv: Record<string, string>;
  let modelLabel: string;
  if (realModel) {
    denseEnv = { DATA_DIR: join(scratch, 'dense') };
    modelLabel = config.embedding.modelId;
  } else {
    // No real model here: a generated 32-dimension model measures the plumbing (tokenizer, ONNX, HNSW, disk), not embedding cost.
    const words = passages.flatMap((p) => p.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    const modelId = writeTinyModel(join(scratch, 'models'), words.slice(0, 20_000));
    denseEnv = { DATA_DIR: join(scratch, 'dense'), MODELS_DIR: join(scratch, 'models'), EMBEDDING_MODEL: modelId };
    modelLabel = `${modelId} (generated, plumbing only)`;
  }
  const rebuild = await startServer(PRODUCT, denseEnv);
  const built = await rebuild.denseSettled();
  const buildPeakRssMb = rebuild.peakRssMb();
  await rebuild.stop();
  const reuse = await startServer(PRODUCT, denseEnv);
  const loaded = await reuse.denseSettled();
  record('start-up', 'cold start to ready (lexical path answers), model present', ms(rebuild.readyMs));
  record('start-up', `dense path live after a first full index build (${passages.length} entry passages, ${modelLabel})`, ms(built.ms), '<= 180000 ms');
  record('start-up', 'dense index load from disk on restart (model loaded, index read)', ms(loaded.dense.buildMs ?? Number.NaN), '< 1000 ms');
  record('start-up', 'dense path live after a restart with the saved index', ms(loaded.ms));

  // --- The dense path through /api/messages: every eval question, so the embedding cache hits only on repeats ----
  const evalQuestions = readdirSync('test/eval/questions').flatMap((f) => (parseYaml(readFileSync(join('test/eval/questions', f), 'utf8')) as { q: string }[]).map((q) => q.q));
  const denseTwenty = await runLoad(reuse.endpoint, evalQuestions, 20, LOAD_SECONDS);
  latencyRow(`with the model (${modelLabel}), 20 concurrent conversations, ${evalQuestions.length} distinct questions`, denseTwenty, 'p95 <= 100 ms');
  record('cost', 'peak RSS of the assistant with the model (index build, then the load run)', `${Math.max(buildPeakRssMb, reuse.peakRssMb()).toFixed(0)} MB`, '<= 700 MB');
  await reuse.stop();

  // --- Latency and throughput through /api/messages (expectReplies), lexical path as shipped -------------------
  const single = await runLoad(lexicalOnly.endpoint, QUESTIONS, 1, LOAD_SECONDS);
  latencyRow('1 conversation', single);
  const twenty = await runLoad(lexicalOnly.endpoint, QUESTIONS, 20, LOAD_SECONDS);
  latencyRow('20 concurrent conversations', twenty, 'p95 <= 40 ms');
  const fifty = await runLoad(lexicalOnly.endpoint, QUESTIONS, 50, LOAD_SECONDS);
  const ours = latencyRow('50 concurrent conversations', fifty, '0 errors');
  const staffLatencies = await staffSearchLatencies(lexicalOnly.origin, staffPassword);
  record('latency', 'staff console search (HTTP, logged in): p50 / p95', `${ms(percentile(staffLatencies, 50))} / ${ms(percentile(staffLatencies, 95))}`, 'p95 < 100 ms');
  const firstAnswer = await widgetFirstAnswer(lexicalOnly.origin);
  record('latency', 'browser: widget, page load to first answer / Enter to answer', `${ms(firstAnswer.pageToAnswerMs)} / ${ms(firstAnswer.sendToAnswerMs)}`);
  const assistantRss = lexicalOnly.peakRssMb();

  // --- A knowledge reload while serving: /healthz and questions must not wait for it ---------------------------
  const reloads: ReloadUnderTraffic[] = [];
  for (let i = 0; i < RELOADS; i++) {
    appendFileSync(join(knowledgeCopy, 'hotlines', 'hotline-12345.yaml'), `\n# bench reload ${i}\n`);
    reloads.push(await reloadUnderTraffic(lexicalOnly.origin, adminToken));
  }
  const duringReloads = (pick: (r: ReloadUnderTraffic) => number[]) => reloads.flatMap(pick).sort((a, b) => a - b);
  const healthz = duringReloads((r) => r.healthzMs);
  const asked = duringReloads((r) => r.questionMs);
  const p99AndMax = (l: number[]) => `${ms(percentile(l, 99))} / ${ms(l.at(-1) ?? Number.NaN)}`;
  record('reload', `POST /admin/reload (lexical path), slowest of ${RELOADS}`, ms(Math.max(...reloads.map((r) => r.reloadMs))));
  record('reload', `/healthz polled every 5 ms during the reloads (${healthz.length} polls): p99 / max`, p99AndMax(healthz), 'max <= 50 ms');
  record('reload', `a question during the reloads (${asked.length}, one at a time): p99 / max`, p99AndMax(asked), 'max <= 50 ms');
  record('reload', 'errors during the reloads', String(reloads.reduce((sum, r) => sum + r.errors, 0)), '0');
  record('cost', 'peak RSS of the assistant after the reloads (old and new index side by side)', `${lexicalOnly.peakRssMb().toFixed(0)} MB`);
  await lexicalOnly.stop();

  // --- The same reload in this process: the event loop's longest stall, as perf_hooks sees it --------------------
  const silent = createLogger('silent');
  const lexicalConfig = { ...config, embedding: { ...config.embedding, enabled: false } };
  let t = performance.now();
  const firstBuild = await buildRetrieval(lexicalConfig, silent);
  record('reload', 'lexical build in this process (buildRetrieval)', ms(performance.now() - t));
  const live = new LiveRetrieval(firstBuild, { lexical: () => buildRetrieval(lexicalConfig, silent), dense: async (base) => base }, silent);
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  stalls.enable();
  t = performance.now();
  await live.reload();
  const inProcessReloadMs = performance.now() - t;
  // The monitor records a stall when its next timer fires: let it fire once more after the swap.
  await new Promise((resolve) => setTimeout(resolve, 10));
  stalls.disable();
  record('reload', 'LiveRetrieval.reload() in this process: duration / longest event-loop stall', `${ms(inProcessReloadMs)} / ${ms(stalls.max / 1e6)}`, 'stall <= 50 ms');

  await compileEchoBot();
  const echo = await startServer(ECHO, {});
  const echoResult = await runLoad(echo.endpoint, QUESTIONS, 50, LOAD_SECONDS);
  await echo.stop();
  const echoThroughput = echoResult.requests / echoResult.seconds;
  record('throughput', 'echo bot, same stack, 50 concurrent', `${echoThroughput.toFixed(0)} msg/s`);
  record('throughput', 'assistant / echo bot', `${(ours / echoThroughput).toFixed(2)}`, '>= 0.50');

  // --- Every core: cluster workers sharing one PostgreSQL (BENCH_DATABASE_URL's, or one from npm) -----------------
  const postgres = process.env.BENCH_DATABASE_URL ? undefined : await startScratchPostgres({ durable: true });
  try {
    const databaseUrl = process.env.BENCH_DATABASE_URL ?? postgres!.url;
    const cores = availableParallelism();
    for (const workers of [1, cores]) {
      const clustered = await startServer(PRODUCT, { DENSE_ENABLED: 'false', DATA_DIR: join(scratch, `cluster-${workers}`), DATABASE_URL: databaseUrl, WEB_CONCURRENCY: String(workers) });
      const result = await runLoad(clustered.endpoint, QUESTIONS, 50, LOAD_SECONDS);
      await clustered.stop();
      const { latenciesMs: l } = result;
      record('cores', `${workers} worker${workers > 1 ? 's' : ''} (WEB_CONCURRENCY), PostgreSQL store, 50 concurrent: throughput, p95`, `${(result.requests / result.seconds).toFixed(0)} msg/s, ${ms(percentile(l, 95))}, ${result.errors} errors`);
    }
    record('cores', 'machine', `${cores} cores; the load generator runs on the same machine`);
  } finally {
    await postgres?.stop();
  }

  // --- Retrieval alone, per path --------------------------------------------------------------------------------
  const lexical = new LexicalIndex(kb.entries, config.lexicalBm25Weight);
  const rounds = SMOKE ? 20 : 200;
  // The first pass meets every unknown word for the first time (its fuzzy lookup is then remembered).
  t = performance.now();
  for (const q of QUESTIONS) lexical.query(q, 'en');
  record('retrieval', 'lexical query, mean over the first pass (no fuzzy lookup remembered yet)', ms((performance.now() - t) / QUESTIONS.length));
  t = performance.now();
  for (let i = 0; i < rounds; i++) for (const q of QUESTIONS) lexical.query(q, 'en');
  record('retrieval', 'lexical query (BM25 + coverage), mean', ms((performance.now() - t) / (rounds * QUESTIONS.length)), '<= 0.5 ms');
  const embedder = await loadEmbedder(realModel ? config.embedding : { ...config.embedding, modelsDir: join(scratch, 'models'), modelId: denseEnv.EMBEDDING_MODEL });
  // Uncached: each question embedded by the model, as a question never seen before is.
  const embeddingMs: number[] = [];
  for (const question of evalQuestions.slice(0, SMOKE ? 20 : 300)) {
    t = performance.now();
    await embedder.embedBatch([question], 'query');
    embeddingMs.push(performance.now() - t);
  }
  embeddingMs.sort((a, b) => a - b);
  record('retrieval', `question embedding, uncached, p50 / p95 (${modelLabel})`, `${ms(percentile(embeddingMs, 50))} / ${ms(percentile(embeddingMs, 95))}`, 'p50 <= 15 ms');

  // --- HNSW against exact search on synthetic vectors ----------------------------------------------------------
  // Sentence embeddings cluster by topic; uniformly random vectors would be the worst case of any graph index.
  // So the synthetic set is a mixture: points scattered around topic centres, queries near them too.
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  const normalise = (v: number[]) => { const n = Math.hypot(...v); return v.map((x) => x / n); };
  const centres = Array.from({ length: SYNTHETIC_TOPICS }, () => normalise(Array.from({ length: SYNTHETIC_DIMENSIONS }, gaussian)));
  const nearTopic = () => {
    const centre = centres[Math.floor(Math.random() * centres.length)];
    return normalise(centre.map((x) => x + TOPIC_SPREAD * gaussian()));
  };
  const vectors = Array.from({ length: SYNTHETIC_VECTORS }, nearTopic);
  const index = new hnswlib.HierarchicalNSW('cosine', SYNTHETIC_DIMENSIONS);
  index.initIndex({ maxElements: SYNTHETIC_VECTORS, m: 16, efConstruction: 200 });
  t = performance.now();
  vectors.forEach((v, i) => index.addPoint(v, i));
  record('hnsw', `build, ${SYNTHETIC_VECTORS.toLocaleString('en')} x ${SYNTHETIC_DIMENSIONS}-dim vectors in ${SYNTHETIC_TOPICS} topics`, ms(performance.now() - t));
  index.setEf(64);
  const queries = Array.from({ length: SMOKE ? 20 : 200 }, nearTopic);
  let hnswMs = 0;
  let exactMs = 0;
  let found = 0;
  for (const query of queries) {
    t = performance.now();
    const approx = new Set(index.searchKnn(query, 10).neighbors);
    hnswMs += performance.now() - t;
    t = performance.now();
    const exact = vectors
      .map((v, i) => ({ i, score: v.reduce((sum, x, d) => sum + x * query[d], 0) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
    exactMs += performance.now() - t;
    found += exact.filter(({ i }) => approx.has(i)).length;
  }
  record('hnsw', 'search k=10 (ef 64), mean', ms(hnswMs / queries.length));
  record('hnsw', 'exact brute-force cosine k=10, mean', ms(exactMs / queries.length));
  record('hnsw', 'recall@10 against exact', (found / (queries.length * 10)).toFixed(3));

  // --- Memory and size ------------------------------------------------------------------------------------------
  record('cost', 'peak RSS of the assistant (lexical path, after the load runs up to 50 conversations)', `${assistantRss.toFixed(0)} MB`, '<= 250 MB');
  const widget = 'web/dist/widget.js';
  record('cost', 'widget, gzipped', existsSync(widget) ? `${(gzipSync(readFileSync(widget)).length / 1024).toFixed(1)} KB` : 'n/a (no widget built yet)', '<= 30 KB');
  report.knowledge = { entries: kb.entries.length, passages: passages.length, model: modelLabel, widgetBytes: existsSync(widget) ? statSync(widget).size : undefined };
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const table = ['| section | measure | value | target |', '|---|---|---:|---|', ...rows.map((r) => `| ${r.section} | ${r.metric} | ${r.value} | ${r.target ?? ''} |`)];
console.log(`\n${table.join('\n')}`);
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench.json', `${JSON.stringify({ ...report, rows }, null, 2)}\n`);
writeFileSync('reports/bench.md', `${table.join('\n')}\n`);
console.log('\nWrote reports/bench.json and reports/bench.md');
