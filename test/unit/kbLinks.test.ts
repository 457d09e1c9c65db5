import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { citedUrls, pageText, statesFigure } from '../../scripts/links/check.js';
import { makeEntry } from '../fixtures/entries.js';

describe('key figures on a cited page', () => {
  it('finds a figure as a number of its own, and a phone number however it is spaced', () => {
    const text = pageText('<p>Stay up to <b>240</b> hours.</p><script>var x = 12400;</script><p>Call 010-6915 6699</p>');
    expect(statesFigure(text, '240')).toBe(true);
    expect(statesFigure(text, '124')).toBe(false);
    expect(statesFigure(text, '01069156699')).toBe(true);
    expect(statesFigure(text, '69156699')).toBe(true);
    expect(statesFigure(text, '12400')).toBe(false); // only in a script
  });

  it('collects each URL once, with the figures and phones its citations rely on', () => {
    const a = makeEntry('a', {}, { facts: { phones: [{ number: '010-69156699', kind: 'general' }] }, sources: [{ url: 'https://example.org/p', retrieved: '2026-01-01', states: ['phones'], figures: ['240'] }] });
    const b = makeEntry('b', {}, { sources: [{ url: 'https://example.org/p', retrieved: '2026-01-01', figures: ['30'] }] });
    expect(citedUrls([a, b])).toEqual([{ url: 'https://example.org/p', entryIds: ['a', 'b'], keyFigures: ['240', '01069156699', '30'] }]);
  });
});

describe('npm run kb:links', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/moved') return void res.writeHead(301, { location: '/page' }).end();
      if (req.url === '/page') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Visa-free for 240 hours.</p>');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reports status, redirects and missing key figures, and fails on a broken link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-links-'));
    const entry = makeEntry('transit', {}, {
      sources: [
        { url: `${origin}/moved`, retrieved: '2026-01-01', figures: ['240'] },
        { url: `${origin}/page`, retrieved: '2026-01-01', figures: ['144'] },
        { url: `${origin}/gone`, retrieved: '2026-01-01' },
      ],
    });
    writeFileSync(join(dir, 'transit.yaml'), stringify(entry));
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/kb-links.ts'], { env: { ...process.env, KNOWLEDGE_DIR: dir } });
    const failure = await run.then(() => undefined, (error: { code: number; stdout: string }) => error);
    expect(failure?.code).toBe(1);
    const table = failure!.stdout;
    expect(table).toContain(`| 200 | ${origin}/moved | ${origin}/page |  | transit |`);
    expect(table).toContain(`| 200 | ${origin}/page |  | 144 | transit |`);
    expect(table).toContain(`| 404 | ${origin}/gone |`);
    expect(table).toMatch(/3 URLs: 1 fine, 2 broken or missing a key figure/);
  });
});
