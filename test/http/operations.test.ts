import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from '../../scripts/bench/server.js';
import { SqliteFeedbackStore } from '../../services/feedback/sqliteStore.js';
import { send, startApp, type RunningApp } from './harness.js';

const run = promisify(execFile);
const ADMIN_TOKEN = 'an-admin-token-of-at-least-32-characters';

describe('reloading the knowledge base without downtime', () => {
  let app: RunningApp;
  let knowledgeDir: string;
  beforeAll(async () => {
    knowledgeDir = mkdtempSync(join(tmpdir(), 'reload-kb-'));
    cpSync('knowledge', knowledgeDir, { recursive: true });
    app = await startApp({ KNOWLEDGE_DIR: knowledgeDir, ADMIN_TOKEN });
  });
  afterAll(async () => {
    await app.close();
    rmSync(knowledgeDir, { recursive: true, force: true });
  });

  const reload = (token: string) => fetch(`${app.url}/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

  it('refuses a reload without the admin token', async () => {
    expect((await reload('wrong')).status).toBe(401);
  });

  it('swaps in an edited knowledge base, answering all along', async () => {
    const before = app.composed.retrieval.status.knowledgeHash;
    const entry = join(knowledgeDir, 'hotlines', 'hotline-12345.yaml');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('24 hours a day, 7 days a week', 'Every day, around the clock'));
    const [during, response] = await Promise.all([send(app, { text: 'Can I call 12345 in English?' }), reload(ADMIN_TOKEN)]);
    expect((during[0].channelData as { answer?: { entryId: string } }).answer?.entryId).toBe('hotline-12345');
    expect(response.status).toBe(200);
    expect(app.composed.retrieval.status.knowledgeHash).not.toBe(before);
  });

  it('keeps the old knowledge base when the new one is invalid', async () => {
    const hash = app.composed.retrieval.status.knowledgeHash;
    writeFileSync(join(knowledgeDir, 'hotlines', 'broken.yaml'), 'id: broken\n');
    const response = await reload(ADMIN_TOKEN);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/broken\.yaml/);
    expect(app.composed.retrieval.status.knowledgeHash).toBe(hash);
    const [reply] = await send(app, { text: 'Can I call 12345 in English?' });
    expect((reply.channelData as { answer?: { entryId: string } }).answer?.entryId).toBe('hotline-12345');
  });
});

describe('metrics', () => {
  it('counts decisions per language and exposes them in Prometheus format', async () => {
    const app = await startApp();
    try {
      await send(app, { text: 'Can I call 12345 in English?' });
      await send(app, { text: 'أحتاج سيارة إسعاف' });
      const text = await app.composed.metrics.registry.metrics();
      expect(text).toMatch(/assistant_decisions_total\{lang="en",kind="answer"\} 1/);
      expect(text).toMatch(/assistant_decisions_total\{lang="ar",kind="emergency"\} 1/);
      expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/api\/messages",status="200"\} 2/);
      expect(text).toMatch(/knowledge_entries \d+/);
    } finally {
      await app.close();
    }
  });
});

describe('a running server process', () => {
  let server: Server;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'operations-'));
    server = await startServer('bot/index.ts', { DATA_DIR: dataDir, MODELS_DIR: join(dataDir, 'models'), METRICS_PORT: '0', SHUTDOWN_GRACE_SECONDS: '10' });
  });
  afterAll(() => {
    server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps /metrics off the public port, and finishes requests in flight on SIGTERM before exiting 0', async () => {
    expect((await fetch(`${server.origin}/metrics`)).status).toBe(404);
    const metricsUrl = /Metrics:\s+(\S+)/.exec(server.output())![1];
    expect(new URL(metricsUrl).hostname).toBe('127.0.0.1');
    expect(await (await fetch(metricsUrl)).text()).toMatch(/process_resident_memory_bytes/);
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      fetch(server.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'How do I renew my residence permit?', channelId: 'test', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: `shutdown-${i}` } }),
      }).then((r) => r.status),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    const statuses = await Promise.all(inFlight.map((p) => p.catch(() => 'refused')));
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 'refused')).toBe(true);
    expect(await exited).toBe(0);
  });
});

describe('SIGHUP', () => {
  // A process start and a full reload, each indexing the whole knowledge base: beside other test files on two cores,
  // more than the default minute. The test waits for the reload's own log line, not for a fixed time.
  it('reloads an edited knowledge base in a running process', { timeout: 180_000 }, async () => {
    const knowledgeDir = mkdtempSync(join(tmpdir(), 'sighup-kb-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'sighup-data-'));
    cpSync('knowledge', knowledgeDir, { recursive: true });
    const server = await startServer('bot/index.ts', { KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir, MODELS_DIR: join(dataDir, 'models'), LOG_LEVEL: 'info' });
    try {
      const hash = async () => ((await (await fetch(`${server.origin}/readyz`)).json()) as { knowledgeHash: string }).knowledgeHash;
      const before = await hash();
      const entry = join(knowledgeDir, 'hotlines', 'hotline-12345.yaml');
      writeFileSync(entry, readFileSync(entry, 'utf8').replace('24 hours a day, 7 days a week', 'Every day, around the clock'));
      server.child.kill('SIGHUP');
      const [outcome] = await server.printed(/knowledge base reload(ed| failed)/);
      expect(outcome).toBe('knowledge base reloaded');
      expect(await hash()).not.toBe(before);
    } finally {
      await server.stop();
      rmSync(knowledgeDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("the editors' report", () => {
  it('prints unanswered questions, negative feedback and flags from the store', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'report-'));
    const store = new SqliteFeedbackStore(join(dataDir, 'assistant.db'));
    await store.record({ entryId: 'hotline-12345', rating: 'down', lang: 'en', channel: 'test' });
    await store.recordFlag({ entryId: 'school-isb', reason: 'outdated', comment: 'new campus', username: 'op' });
    await store.recordUnanswered({ text: 'where to buy a bicycle', lang: 'en', outcome: 'fallback' });
    await store.close();
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/report.ts', '--top', '5'], { env: { ...process.env, DATA_DIR: dataDir } });
      expect(stdout).toMatch(/\| en \| - \| 1 \| where to buy a bicycle \|/);
      expect(stdout).toMatch(/\| hotline-12345 \| 1 \| 0 \|/);
      expect(stdout).toMatch(/\| school-isb \| 1 \| new campus \|/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
