import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../services/staff/passwords.js';
import { startApp, type RunningApp } from '../http/harness.js';
import { scratchSchema, type ScratchSchema } from './scratchDatabase.js';

interface Activity {
  id: string;
  type: string;
  text?: string;
  locale?: string;
  from: { id: string; role: string };
}

const PASSWORD = 'a long hotline passphrase';

/** Two instances behind an imaginary load balancer: a conversation's requests may land on either. */
describe('two instances sharing PostgreSQL', () => {
  let database: ScratchSchema;
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    database = await scratchSchema();
    const env = {
      DATABASE_URL: database.url,
      DIRECTLINE_SECRET: randomBytes(32).toString('hex'),
      STAFF_ACCOUNTS: `operator=${await hashPassword(PASSWORD)}`,
      STAFF_LOGIN_MAX_FAILURES: '3',
      RATE_LIMIT_IP_PER_MINUTE: '40',
      // Behind the imaginary load balancer: the client address comes from X-Forwarded-For.
      TRUST_PROXY_HOPS: '1',
    };
    // Started together, as a deployment would: they race to migrate the empty schema.
    [a, b] = await Promise.all([startApp(env), startApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await database?.cleanUp();
  });

  const call = (app: RunningApp, path: string, token?: string, body?: unknown) =>
    fetch(`${app.url}/v3/directline${path}`, {
      method: body === undefined && path.includes('/activities') ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const page = async (app: RunningApp, conversationId: string, token: string, watermark = 0) => {
    const response = await call(app, `/conversations/${conversationId}/activities?watermark=${watermark}`, token);
    expect(response.status).toBe(200);
    return (await response.json()) as { activities: Activity[]; watermark: string };
  };
  const postMessage = async (app: RunningApp, conversationId: string, token: string, activity: Record<string, unknown>) => {
    const response = await call(app, `/conversations/${conversationId}/activities`, token, { type: 'message', from: { id: 'web-user' }, ...activity });
    expect(response.status).toBe(200);
  };

  it('serves one Direct Line conversation from both, with the same conversation state and feedback store', async () => {
    const generated = (await (await call(a, '/tokens/generate')).json()) as { token: string };
    const started = await call(a, '/conversations', generated.token);
    expect(started.status).toBe(201);
    const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };

    // The welcome the bot sent on A is read on B.
    const welcome = await page(b, conversationId, token);
    expect(welcome.activities.length).toBeGreaterThan(0);
    expect(welcome.activities.every((activity) => activity.from.role === 'bot')).toBe(true);

    // The language chosen on A is the conversation's on B: conversation state is in PostgreSQL.
    await postMessage(a, conversationId, token, { value: { type: 'setLanguage', lang: 'fr' } });
    const afterSwitch = await page(a, conversationId, token, Number(welcome.watermark));
    await postMessage(b, conversationId, token, { text: '110' });
    const onB = await page(b, conversationId, token, Number(afterSwitch.watermark));
    const echo = onB.activities.find((activity) => activity.from.role === 'user');
    const reply = onB.activities.find((activity) => activity.from.role === 'bot');
    expect(echo?.text).toBe('110');
    expect(reply?.locale).toBe('fr');

    // Both see the same history and watermark.
    expect(await page(a, conversationId, token)).toEqual(await page(b, conversationId, token));

    // Feedback given through A is in the store B reads.
    await postMessage(a, conversationId, token, { value: { type: 'feedback', entryId: 'emergency-police-110', rating: 'down' } });
    const recent = await b.composed.feedback.recent(10);
    expect(recent).toContainEqual(expect.objectContaining({ entryId: 'emergency-police-110', rating: 'down', lang: 'fr', conversationId }));
    expect((await b.composed.feedback.report(10)).negativeFeedback).toContainEqual({ entryId: 'emergency-police-110', down: 1, up: 0 });
  });

  const login = (app: RunningApp, username: string, password: string) =>
    fetch(`${app.url}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

  it('keeps a staff session and the login throttle in the shared store', async () => {
    const loggedIn = await login(a, 'operator', PASSWORD);
    expect(loggedIn.status).toBe(200);
    const cookie = (loggedIn.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await fetch(`${b.url}/staff/api/session`, { headers: { cookie } })).status).toBe(200);

    // Three failures spread over both instances use up the free attempts; the fourth opens a backoff period, in
    // which even the right password waits, on both.
    for (const app of [a, b, a, b]) expect((await login(app, 'operator', 'wrong guess')).status).toBe(401);
    expect((await login(a, 'operator', PASSWORD)).status).toBe(429);
    expect((await login(b, 'operator', PASSWORD)).status).toBe(429);
  });

  it('counts the per-address rate limit over both instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      for (const app of [a, b]) statuses.push((await fetch(`${app.url}/api/i18n/en`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status);
    }
    // 40 per minute in all: the 41st request is refused, whichever instance it reaches.
    expect(statuses.filter((status) => status === 200)).toHaveLength(40);
    expect(statuses.slice(40).every((status) => status === 429)).toBe(true);
  });
});
