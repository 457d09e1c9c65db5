/**
 * `npm run loadtest`: 50 concurrent conversations ask mixed-language questions for 60 s against /api/messages,
 * then 50 Direct Line users (token, conversation, post, poll for the reply) for 60 s, against the compiled server
 * in its two set-ups: one process with memory and SQLite, and one worker per core sharing PostgreSQL
 * (LOADTEST_DATABASE_URL's, or one from npm). Prints p50/p95/p99 latency, throughput, errors (target 0) and the
 * server's peak RSS (the primary's, for the workers). The lexical path answers (DENSE_ENABLED=false): this measures
 * the serving and the stores; `npm run bench` measures the model.
 *
 *   npm run loadtest
 *   npm run loadtest -- --users 20 --seconds 30
 *   npm run loadtest -- --smoke        a few seconds, for CI
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MIXED_QUESTIONS as QUESTIONS, percentile, runLoad, type LoadResult } from './bench/load.js';
import { startServer } from './bench/server.js';
import { startScratchPostgres } from './support/embeddedPostgres.js';

const POLL_MS = 100;

const { values } = parseArgs({ options: { users: { type: 'string', default: '50' }, seconds: { type: 'string', default: '60' }, smoke: { type: 'boolean', default: false } } });
const users = values.smoke ? 10 : Number(values.users);
const seconds = values.smoke ? 3 : Number(values.seconds);
if (!Number.isInteger(users) || users < 1 || !(seconds > 0)) throw new Error('--users takes a whole number and --seconds a positive number');

/** One Direct Line user: opens a conversation, then asks, polls until the bot answered, and asks again. */
async function directLineUser(origin: string, deadline: number, latencies: number[], failures: { count: number }, index: number) {
  const dl = `${origin}/v3/directline`;
  const json = { 'content-type': 'application/json' };
  const { token, conversationId } = (await (await fetch(`${dl}/tokens/generate`, { method: 'POST', headers: json, body: '{}' })).json()) as { token: string; conversationId: string };
  const auth = { ...json, authorization: `Bearer ${token}` };
  const started = await fetch(`${dl}/conversations`, { method: 'POST', headers: auth });
  if (started.status !== 201) throw new Error(`could not start a conversation: ${started.status}`);
  let watermark = (((await (await fetch(`${dl}/conversations/${conversationId}/activities`, { headers: auth })).json()) as { watermark: string }).watermark);
  let turn = 0;
  while (performance.now() < deadline) {
    const sent = performance.now();
    const text = QUESTIONS[(index + turn++) % QUESTIONS.length];
    const posted = await fetch(`${dl}/conversations/${conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text, from: { id: `load-${index}` } }) });
    if (!posted.ok) {
      failures.count += 1;
      continue;
    }
    const { id } = (await posted.json()) as { id: string };
    for (;;) {
      const page = (await (await fetch(`${dl}/conversations/${conversationId}/activities?watermark=${watermark}`, { headers: auth })).json()) as { activities: { replyToId?: string; from: { role: string } }[]; watermark: string };
      watermark = page.watermark;
      if (page.activities.some((a) => a.from.role === 'bot' && a.replyToId === id)) break;
      if (performance.now() - sent > 10_000) {
        failures.count += 1;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    latencies.push(performance.now() - sent);
  }
}

function row(setup: string, label: string, result: LoadResult, rss: number) {
  const l = result.latenciesMs;
  return `| ${setup} | ${label} | ${users} | ${result.requests} | ${(result.requests / result.seconds).toFixed(0)} msg/s | ${percentile(l, 50).toFixed(1)} / ${percentile(l, 95).toFixed(1)} / ${percentile(l, 99).toFixed(1)} ms | ${result.errors} | ${rss.toFixed(0)} MB |`;
}

/** Both loads against one server; returns the two table rows. */
async function measure(setup: string, env: Record<string, string>): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loadtest-'));
  const server = await startServer('dist/server.js', { DATA_DIR: dataDir, DENSE_ENABLED: 'false', ...env });
  try {
    console.log(`${setup}: ${users} concurrent conversations, ${seconds} s per endpoint, against ${server.origin}`);
    const messages = await runLoad(server.endpoint, QUESTIONS, users, seconds);
    const afterMessages = server.peakRssMb();

    const latencies: number[] = [];
    const failures = { count: 0 };
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(Array.from({ length: users }, (_, i) => directLineUser(server.origin, deadline, latencies, failures, i).catch(() => { failures.count += 1; })));
    const directLine: LoadResult = { requests: latencies.length + failures.count, errors: failures.count, seconds: (performance.now() - started) / 1000, latenciesMs: latencies.sort((a, b) => a - b) };
    if (messages.errors + directLine.errors > 0) process.exitCode = 1;
    return [row(setup, '/api/messages (expectReplies)', messages, afterMessages), row(setup, 'Direct Line (post, then poll for the answer)', directLine, server.peakRssMb())];
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rows = await measure('1 process, memory', {});
const postgres = process.env.LOADTEST_DATABASE_URL ? undefined : await startScratchPostgres({ durable: true });
try {
  rows.push(...(await measure('workers per core, PostgreSQL', { DATABASE_URL: process.env.LOADTEST_DATABASE_URL ?? postgres!.url })));
} finally {
  await postgres?.stop();
}
console.log('\n| set-up | endpoint | users | requests | throughput | p50 / p95 / p99 | errors | peak RSS |\n|---|---|---:|---:|---:|---:|---:|---:|');
console.log(rows.join('\n'));
