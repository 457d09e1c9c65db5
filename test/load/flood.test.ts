/**
 * The abuse review's memory flood (#11) against the compiled server, as `npm start` runs it: 2,856 posts of 60 KiB
 * text (the biggest payload still accepted) over 160 Direct Line conversations, with the per-address limits lifted
 * as if the flood came from thousands of addresses. Before the byte budgets the same flood took the server from
 * 340 MB to 640 MB, and a longer one ran it out of heap. `npm run abuse` prints the whole curve.
 * This file runs alone, after all the others (see vitest.config.ts), so the timing is the server's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flood, percentile, type FloodResult } from '../../scripts/abuse/flood.js';
import { startServer, type Server } from '../../scripts/bench/server.js';

/**
 * What the flood may add to the worker's memory: with the byte budgets it added 134-147 MB (before them, the same
 * flood added 300 MB). The worker's own memory grows with the knowledge base, so it is bounded apart, by the ceiling
 * the deployment guide states for a worker under a flood (measured peak 490-565 MB with 322 entries).
 */
const FLOOD_GROWTH_CEILING_MB = 200;
const RSS_CEILING_MB = 640;

describe('a Direct Line flood against the compiled server', () => {
  let server: Server;
  let result: FloodResult;
  beforeAll(async () => {
    server = await startServer('dist/server.js', { DENSE_ENABLED: 'false' });
    result = await flood({
      origin: server.origin,
      conversations: 160,
      posts: 2_856,
      payloadBytes: 60 * 1024,
      payloadIn: 'text',
      concurrency: 8,
      rssMb: server.rssMb,
      question: 'How do I renew my residence permit?',
      questionEveryMs: 100,
    });
  }, 300_000);
  afterAll(() => server?.stop());

  it('keeps the server up, its memory growth and peak under their ceilings, and still answering a resident within 200 ms p95', () => {
    expect(server.child.exitCode).toBeNull();
    expect(result.statuses[200]).toBe(2_856);
    expect(result.peakRssMb - result.startRssMb).toBeLessThan(FLOOD_GROWTH_CEILING_MB);
    expect(result.peakRssMb).toBeLessThan(RSS_CEILING_MB);
    expect(result.questionFailures).toBe(0);
    expect(result.questionMs.length).toBeGreaterThan(20);
    expect(percentile(result.questionMs, 95)).toBeLessThan(200);
  });
});
