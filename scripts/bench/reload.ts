/** A knowledge reload on a running server, measured from outside while /healthz is polled and questions are asked. */
import { activity, MIXED_QUESTIONS } from './load.js';

export interface ReloadUnderTraffic {
  /** From sending POST /admin/reload to its answer. */
  reloadMs: number;
  /** Each /healthz poll and each question sent while the reload ran, in ms, sorted. */
  healthzMs: number[];
  questionMs: number[];
  errors: number;
}

/** Pause between two /healthz polls: a probe as frequent as a load balancer's could ever be, and then some. */
const HEALTHZ_POLL_INTERVAL_MS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reloads the knowledge base through `POST /admin/reload` while one loop polls /healthz and another asks questions
 * one after the other (expectReplies), and times every request either loop sent before the reload answered.
 */
export async function reloadUnderTraffic(origin: string, adminToken: string): Promise<ReloadUnderTraffic> {
  const healthzMs: number[] = [];
  const questionMs: number[] = [];
  let errors = 0;
  let reloading = true;
  const timed = async (latencies: number[], request: () => Promise<Response>) => {
    const sent = performance.now();
    try {
      const response = await request();
      await response.arrayBuffer();
      if (response.status === 200) latencies.push(performance.now() - sent);
      else errors += 1;
    } catch {
      errors += 1;
    }
  };
  const poll = async () => {
    while (reloading) {
      await timed(healthzMs, () => fetch(`${origin}/healthz`));
      await sleep(HEALTHZ_POLL_INTERVAL_MS);
    }
  };
  const ask = async () => {
    for (let serial = 0; reloading; serial++) {
      const body = activity(MIXED_QUESTIONS[serial % MIXED_QUESTIONS.length], 'reload', serial);
      await timed(questionMs, () => fetch(`${origin}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
    }
  };
  const traffic = Promise.all([poll(), ask()]);
  const started = performance.now();
  const response = await fetch(`${origin}/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
  const answer = (await response.json()) as { status?: string };
  const reloadMs = performance.now() - started;
  reloading = false;
  await traffic;
  if (answer.status !== 'reloaded') throw new Error(`POST /admin/reload answered ${response.status}: ${JSON.stringify(answer)}`);
  return { reloadMs, healthzMs: healthzMs.sort((a, b) => a - b), questionMs: questionMs.sort((a, b) => a - b), errors };
}
