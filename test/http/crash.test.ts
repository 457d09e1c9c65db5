import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'crash-test-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the real server as its own process and resolves with its bot endpoint. */
async function startServer(): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DENSE_ENABLED: 'false', RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Bot endpoint:\s+(\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, endpoint };
}

function feedbackActivity(conversationId: string) {
  return JSON.stringify({
    type: 'message', text: '', value: { type: 'feedback', entryId: 'hotline-12345', rating: 'up' }, channelId: 'crash-test',
    serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies', from: { id: 'user' }, recipient: { id: 'bot' }, conversation: { id: conversationId },
  });
}

describe('a crash in the middle of a burst of feedback', () => {
  it('loses no feedback that got a 2xx, and leaves the database intact', async () => {
    const { child, endpoint } = await startServer();
    const acknowledged: string[] = [];
    const BURST = 600;
    const KILL_AFTER = 150;
    let killed = false;

    await Promise.all(
      Array.from({ length: BURST }, async (_, i) => {
        const conversationId = `crash-${i}`;
        try {
          const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: feedbackActivity(conversationId) });
          if (response.ok) acknowledged.push(conversationId);
        } catch {
          // The connection died with the process: this feedback was never acknowledged.
        }
        if (!killed && acknowledged.length >= KILL_AFTER) {
          killed = true;
          child.kill('SIGKILL');
        }
      }),
    );
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(BURST);

    const db = new Database(join(dataDir, 'assistant.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set((db.prepare('SELECT conversation_id FROM feedback').all() as { conversation_id: string }[]).map((r) => r.conversation_id));
    db.close();
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    console.log(`crash test: ${acknowledged.length} acknowledged before SIGKILL, ${stored.size} stored, ${lost.length} lost`);

    // The server starts again on the same database after the crash.
    const again = await startServer();
    expect((await fetch(endpoint.replace(/\/api\/messages$/, '/readyz').replace(/:\d+\//, `:${new URL(again.endpoint).port}/`))).status).toBe(200);
    again.child.kill('SIGTERM');
  }, 120_000);
});
