import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface Started {
  server: ChildProcess;
  origin: string;
}

/** The compiled server, as `npm start` runs it, on a data folder of the test's own. */
async function startCompiledServer(dataDir: string): Promise<Started> {
  const server = spawn(process.execPath, ['dist/server.js'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', METRICS_PORT: '0', DENSE_ENABLED: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Bot endpoint:\s+(\S+)/.exec(output);
      if (match) resolve(new URL(match[1]).origin);
    });
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return { server, origin };
}

async function stop({ server }: Started): Promise<void> {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

async function ask(origin: string, text: string): Promise<string> {
  const response = await fetch(`${origin}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: 'm1',
      text,
      locale: 'en',
      deliveryMode: 'expectReplies',
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:1',
      from: { id: 'resident' },
      recipient: { id: 'bot' },
      conversation: { id: `saved-index-${text}` },
    }),
  });
  const { activities } = (await response.json()) as { activities: { text?: string }[] };
  return activities.map((activity) => activity.text ?? '').join('\n');
}

const readiness = async (origin: string) => (await (await fetch(`${origin}/readyz`)).json()) as { lexical: { saved: boolean } };

const savedFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.ndjson')) : []);

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the compiled server restarted on the same data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'saved-lexical-'));
  const savedDir = join(dataDir, 'lexical');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('saves its lexical index after a first start in place of stale ones, loads it on the next start, and answers the same', async () => {
    const questions = ['how do I renew my residence permit?', '外国人怎么开银行账户', 'residance permitt'];
    const stale = 'other-knowledge-other-code.ndjson';
    mkdirSync(savedDir);
    writeFileSync(join(savedDir, stale), 'an index saved for other knowledge or by other code\n');
    const first = await startCompiledServer(dataDir);
    expect((await readiness(first.origin)).lexical.saved).toBe(false);
    const firstAnswers = await Promise.all(questions.map((q) => ask(first.origin, q)));
    await until(() => savedFiles(savedDir).length === 1 && !savedFiles(savedDir).includes(stale), 30_000);
    await stop(first);

    const second = await startCompiledServer(dataDir);
    try {
      expect((await readiness(second.origin)).lexical.saved).toBe(true);
      expect(await Promise.all(questions.map((q) => ask(second.origin, q)))).toEqual(firstAnswers);
      expect(firstAnswers[0]).toMatch(/residence permit/i);
    } finally {
      await stop(second);
    }
  }, 90_000);
});
