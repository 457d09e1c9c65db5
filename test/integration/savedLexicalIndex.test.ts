import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { activity } from '../../scripts/bench/load.js';
import { startServer, type Server } from '../../scripts/bench/server.js';

/** The compiled server, as `npm start` runs it, on a data folder of the test's own. */
const startCompiledServer = (dataDir: string) => startServer('dist/server.js', { DATA_DIR: dataDir, DENSE_ENABLED: 'false' }, 'default');

let serial = 0;
async function ask(server: Server, text: string): Promise<string> {
  serial += 1;
  const response = await fetch(server.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity(text, `saved-index-${serial}`, serial) });
  const { activities } = (await response.json()) as { activities: { text?: string }[] };
  return activities.map((reply) => reply.text ?? '').join('\n');
}

const readiness = async (server: Server) => (await (await fetch(`${server.origin}/readyz`)).json()) as { lexical: { saved: boolean } };

const savedFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.ndjson')) : []);

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
    expect((await readiness(first)).lexical.saved).toBe(false);
    const firstAnswers = await Promise.all(questions.map((q) => ask(first, q)));
    await vi.waitFor(() => expect(savedFiles(savedDir)).toEqual([expect.not.stringMatching(stale)]), { timeout: 30_000, interval: 100 });
    await first.stop();

    const second = await startCompiledServer(dataDir);
    try {
      expect((await readiness(second)).lexical.saved).toBe(true);
      expect(await Promise.all(questions.map((q) => ask(second, q)))).toEqual(firstAnswers);
      expect(firstAnswers[0]).toMatch(/residence permit/i);
    } finally {
      await second.stop();
    }
  }, 90_000);
});
