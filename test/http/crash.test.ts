import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer as startServerProcess, type Server } from '../../scripts/bench/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'crash-test-'));
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<Server> {
  const server = await startServerProcess('bot/index.ts', { DATA_DIR: dataDir, DENSE_ENABLED: 'false' });
  servers.push(server);
  return server;
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
    expect((await fetch(`${again.origin}/readyz`)).status).toBe(200);
    await again.stop();
  }, 120_000);
});
