import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchSchema, type ScratchSchema } from './scratchDatabase.js';

/** The worker processes of a primary, from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

// The compiled server, as `npm start` runs it (`npm install` compiles it), with two workers sharing the port.
describe('the compiled server with WEB_CONCURRENCY=2', () => {
  let database: ScratchSchema;
  let server: ChildProcess;
  let origin: string;

  beforeAll(async () => {
    database = await scratchSchema();
    server = spawn(process.execPath, ['dist/server.js'], {
      env: { ...process.env, DATABASE_URL: database.url, WEB_CONCURRENCY: '2', PORT: '0', METRICS_PORT: '0', DENSE_ENABLED: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    origin = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Bot endpoint:\s+(\S+)/.exec(output);
        if (match && /Workers:\s+2/.test(output)) resolve(new URL(match[1]).origin);
      });
      server.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
    });
  });
  afterAll(async () => {
    if (server?.exitCode === null) server.kill('SIGKILL');
    await database?.cleanUp();
  });

  it('serves one Direct Line conversation from both workers, then stops gracefully on SIGTERM', async () => {
    expect(childrenOf(server.pid!)).toHaveLength(2);
    const call = async (path: string, token?: string, body?: unknown) => {
      const response = await fetch(`${origin}/v3/directline${path}`, {
        method: body === undefined && path.includes('/activities') ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(response.status).toBeLessThan(300);
      return (await response.json()) as Record<string, unknown>;
    };
    const { token: generated } = await call('/tokens/generate');
    const { conversationId, token } = (await call('/conversations', generated as string)) as { conversationId: string; token: string };
    // Each message is posted to the channel of one worker, which delivers it to /api/messages through the cluster.
    for (const text of ['110', 'PUMCH international department', '119', 'exit-entry administration']) {
      await call(`/conversations/${conversationId}/activities`, token, { type: 'message', from: { id: 'u' }, text });
    }
    const page = (await call(`/conversations/${conversationId}/activities?watermark=0`, token)) as { activities: { from: { role: string }; replyToId?: string }[] };
    const userMessages = page.activities.filter((activity) => activity.from.role === 'user');
    const replies = page.activities.filter((activity) => activity.from.role === 'bot' && activity.replyToId);
    expect(userMessages).toHaveLength(4);
    expect(new Set(replies.map((reply) => reply.replyToId)).size).toBe(4);

    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
