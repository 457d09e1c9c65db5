import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './harness.js';

/** A seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]) => items[int(items.length)];
  return { next, int, pick };
}

const SEED = 20261121;
const CASES = 3000;
const REQUEST_TIMEOUT_MS = 10_000;
const rng = random(SEED);

const NASTY_STRINGS = [
  '', ' ', '\u0000', '\u202Eevil', '\uD800', '\uDFFF\uD800', 'x'.repeat(5000), '<script>alert(1)</script>', '{{constructor}}',
  '__proto__', '../../etc/passwd', '😀'.repeat(100), 'ok', 'PUMCH?', '120', 'سيارة إسعاف', '\n\n\n', 'a\u0301\u0301\u0301',
];
const NASTY_VALUES: unknown[] = [null, true, 0, -1, 1e308, NaN, [], {}, [[[[]]]], 'string', { __proto__: { polluted: true } }];

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = rng.next() < 0.5 ? [value] : { k: value };
  return value;
}

function validActivity(): Record<string, unknown> {
  return {
    type: 'message', id: `f${rng.int(1e9)}`, channelId: 'fuzz', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies',
    from: { id: `u${rng.int(50)}` }, recipient: { id: 'bot' }, conversation: { id: `fuzz-${rng.int(1e6)}` }, text: rng.pick(NASTY_STRINGS),
  };
}

/** One malformed variant of an activity: a field removed, retyped, made huge or deep, or the whole body broken. */
function mutatedBody(): string {
  const activity = validActivity();
  const keys = [...Object.keys(activity), 'value', 'locale', 'channelData', 'attachments', 'entities', 'membersAdded'];
  switch (rng.int(7)) {
    case 0: delete activity[rng.pick(keys)]; break;
    case 1: activity[rng.pick(keys)] = rng.pick(NASTY_VALUES); break;
    case 2: activity[rng.pick(keys)] = rng.pick(NASTY_STRINGS); break;
    case 3: activity[rng.pick(keys)] = nested(5 + rng.int(60)); break;
    case 4: activity.type = rng.pick(['message', 'conversationUpdate', 'invoke', 'event', 'typing', 'endOfConversation', 'x']); activity.value = rng.pick(NASTY_VALUES); break;
    case 5: return JSON.stringify(activity).slice(0, rng.int(200));
    default: activity.locale = rng.pick(['xx', 'ar-SA', 'zh-Hans-CN', '', '../..', 'a'.repeat(300)]);
  }
  return JSON.stringify(activity);
}

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000' });
});
afterAll(() => app.close());

describe(`fuzzing (seed ${SEED})`, () => {
  it(`survives ${CASES} malformed activities and Direct Line calls with no 5xx and bounded memory`, async () => {
    const token = ((await (await fetch(`${app.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string });
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const rssBefore = process.memoryUsage().rss;

    const oneCase = async (i: number) => {
      const directLine = i % 3 === 0;
      const path = directLine
        ? rng.pick([`/v3/directline/conversations/${token.conversationId}/activities`, `/v3/directline/conversations/${rng.int(1e6)}/activities?watermark=${rng.pick(['-1', 'x', '1e9', '0'])}`, '/v3/directline/conversations', '/v3/directline/tokens/refresh'])
        : '/api/messages';
      const method = directLine && rng.next() < 0.3 ? 'GET' : 'POST';
      const headers: Record<string, string> = { 'content-type': rng.pick(['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded']) };
      if (directLine) headers.authorization = rng.pick([`Bearer ${token.token}`, 'Bearer forged.token', '', `Bearer ${token.token}x`]);
      const body = method === 'GET' ? undefined : mutatedBody();
      const response = await fetch(`${app.url}${path}`, { method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).catch((error: Error) => {
        failures.push(`${error.name} ${method} ${path} ${body?.slice(0, 160)}`);
        return undefined;
      });
      if (!response) return;
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) failures.push(`${response.status} ${method} ${path} ${body?.slice(0, 300)}`);
    };
    for (let start = 0; start < CASES; start += 20) await Promise.all(Array.from({ length: 20 }, (_, k) => oneCase(start + k)));

    expect(failures).toEqual([]);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const growthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    expect(growthMb).toBeLessThan(300);
    console.log(`fuzz: ${CASES} cases, statuses ${JSON.stringify(Object.fromEntries(statuses))}, RSS growth ${growthMb.toFixed(0)} MB`);
  }, 180_000);
});
