/**
 * The abuse review of #11, attack by attack, as regression tests: each failed (or was refused as it should not
 * have been) before the fixes. Memory under a flood is tested from outside the process, in
 * test/integration/flood.test.ts; logins in loginAbuse.test.ts; redaction in test/unit/redactHeldout.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_AUTH_ON, directLine, openDirectLineConversation, post, send, startApp, type RunningApp } from './harness.js';

interface Page {
  activities: { id: string; type: string; text?: string; locale?: string; from: { role: string }; channelData?: Record<string, unknown>; [key: string]: unknown }[];
  watermark: string;
}

const poll = async (app: RunningApp, conversationId: string, token: string, watermark = '0', headers: Record<string, string> = {}) =>
  directLine(app, `/conversations/${conversationId}/activities?watermark=${watermark}`, token, { method: 'GET', headers });

describe('the review\'s attacks on a default server', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ TRUST_PROXY_HOPS: '1', RATE_LIMIT_IP_PER_MINUTE: '150', DIRECTLINE_POLLS_PER_MINUTE: '20', DIRECTLINE_CONVERSATIONS_PER_IP: '55' });
  });
  afterAll(() => app.close());
  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('(1) keeps no big client payloads: 60 KiB of channelData, files and unknown fields are refused or dropped', async () => {
    const { conversationId, token } = await openDirectLineConversation(app, from('198.51.100.1'));
    const posted = (body: unknown) => directLine(app, `/conversations/${conversationId}/activities`, token, { body, headers: from('198.51.100.1') });
    const bulky = await posted({ type: 'message', text: 'hi', channelData: { filler: 'x'.repeat(60 * 1024) } });
    expect(bulky.status).toBe(400);
    expect(((await bulky.json()) as { error: { message: string } }).error.message).toMatch(/channelData: must be at most 1024 bytes/);
    expect((await posted({ type: 'message', text: 'hi', value: 'x'.repeat(2_000) })).status).toBe(400);
    expect((await posted({ type: 'message', text: 'hi', attachments: [{ contentType: 'image/png', contentUrl: 'data:,x' }] })).status).toBe(400);

    const sneaky = await posted({ type: 'message', text: 'hotline', junk: 'y'.repeat(20_000), channelData: { clientActivityID: 'c-1' } });
    expect(sneaky.status).toBe(200);
    const { id } = (await sneaky.json()) as { id: string };
    const page = (await (await poll(app, conversationId, token, '0', from('198.51.100.1'))).json()) as Page;
    const stored = page.activities.find((activity) => activity.id === id)!;
    expect(stored.channelData).toEqual({ clientActivityID: 'c-1' });
    expect(stored.junk).toBeUndefined();
  });

  it('(1) keeps of a 60 KiB text only what the assistant reads, and the assistant still says it read only the start', async () => {
    const { conversationId, token } = await openDirectLineConversation(app, from('198.51.100.3'));
    const text = `How do I renew my residence permit? ${'please '.repeat(9_000)}`;
    const posted = await directLine(app, `/conversations/${conversationId}/activities`, token, { body: { type: 'message', text }, headers: from('198.51.100.3') });
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    const page = (await (await poll(app, conversationId, token, '0', from('198.51.100.3'))).json()) as Page;
    const stored = page.activities.find((activity) => activity.id === id)!;
    // MAX_MESSAGE_CHARS is 1000: the assistant reads up to 2,002 code units, and one more tells it the text goes on.
    expect(stored.text).toBe(text.slice(0, 2_003));
    const replies = page.activities.filter((activity) => activity.from.role === 'bot' && activity.replyToId === id);
    expect(replies[0]?.channelData?.kind).toBe('truncated');
    expect(replies.length).toBeGreaterThan(1);
  });

  it('(3) files feedback only for an entry that exists, under the channel the route vouches for', async () => {
    const before = (await app.composed.feedback.recent(1000)).length;
    await send(app, { text: '', value: { type: 'feedback', entryId: 'x'.repeat(30_000), rating: 'down' } });
    await send(app, { text: '', value: { type: 'feedback', entryId: 'no-such-entry', rating: 'down' } });
    expect(await app.composed.feedback.recent(1000)).toHaveLength(before);

    await send(app, { text: '', channelId: 'staff-console', value: { type: 'feedback', entryId: 'hotline-12345', rating: 'up' } });
    const { conversationId, token } = await openDirectLineConversation(app, from('198.51.100.2'));
    await directLine(app, `/conversations/${conversationId}/activities`, token, {
      body: { type: 'message', value: { type: 'feedback', entryId: 'hotline-12345', rating: 'down' } },
      headers: from('198.51.100.2'),
    });
    const labels = (await app.composed.feedback.recent(2)).map((row) => row.channel).sort();
    expect(labels).toEqual(['directline', 'unauthenticated']);
  });

  it('(7) lets fifty residents behind one office address poll: polls count per conversation, not per address', async () => {
    const office = from('198.51.100.3');
    const residents = [];
    for (let i = 0; i < 50; i++) residents.push(await openDirectLineConversation(app, office));
    // 50 × 15 = 750 polls, five times the address's limit of 150 a minute.
    const statuses: number[] = [];
    for (let round = 0; round < 15; round++) {
      statuses.push(...(await Promise.all(residents.map(async ({ conversationId, token }) => (await poll(app, conversationId, token, '0', office)).status))));
    }
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    // One conversation polling past its own budget (20 a minute here) is slowed down.
    const [first] = residents;
    const more: number[] = [];
    for (let i = 0; i < 6; i++) more.push((await poll(app, first.conversationId, first.token, '0', office)).status);
    expect(more).toContain(429);
  });

  it('(1) caps the conversations one address may keep open', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 57; i++) statuses.push((await directLine(app, '/tokens/generate', undefined, { headers: from('198.51.100.4') })).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(55);
    expect(statuses.slice(55)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await directLine(app, '/tokens/generate', undefined, { headers: from('198.51.100.5') })).status).toBe(200);
  });

  it('(7) keeps a Direct Line conversation\'s state out of reach of /api/messages callers who know its id', async () => {
    const victim = await openDirectLineConversation(app, from('198.51.100.6'));
    const ask = async (text: string) => {
      const { watermark } = (await (await poll(app, victim.conversationId, victim.token, '0', from('198.51.100.6'))).json()) as Page;
      await directLine(app, `/conversations/${victim.conversationId}/activities`, victim.token, { body: { type: 'message', text, locale: 'en' }, headers: from('198.51.100.6') });
      const page = (await (await poll(app, victim.conversationId, victim.token, watermark, from('198.51.100.6'))).json()) as Page;
      return page.activities.filter((activity) => activity.from.role === 'bot').at(-1)!;
    };
    expect((await ask('Deutsch bitte')).locale).toBe('de');
    // The attacker names the victim's channel and conversation, and tries to read and change its language.
    const spoof = { channelId: 'directline', conversation: { id: victim.conversationId } } as never;
    const [read] = await send(app, { ...(spoof as object), text: 'PUMCH?' });
    expect(read.locale).toBe('en');
    await send(app, { ...(spoof as object), text: '', value: { type: 'setLanguage', lang: 'ar' } });
    expect((await ask('PUMCH?')).locale).toBe('de');
  });
});

describe('/api/messages without authentication', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_IP_PER_MINUTE: '20', RATE_LIMIT_CONVERSATION_PER_MINUTE: '5' });
  });
  afterAll(() => app.close());

  it('(2) is limited per address, however the caller rotates conversation ids', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await post(app, { text: 'hello', conversation: { id: `rotating-${i}` } as never })).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
  });
});

describe('a new conversation per address and minute', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ DIRECTLINE_TOKENS_PER_IP_PER_MINUTE: '5' });
  });
  afterAll(() => app.close());

  it('(1) rate-limits tokens per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await directLine(app, '/tokens/generate', undefined)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });
});

describe('Bot Framework authentication on', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(BOT_AUTH_ON);
  });
  afterAll(() => app.close());

  it('(4) still serves the widget\'s Direct Line round trip: welcome, question, answer', async () => {
    const { conversationId, token } = await openDirectLineConversation(app);
    const welcome = (await (await poll(app, conversationId, token)).json()) as Page;
    expect(welcome.activities.length).toBeGreaterThanOrEqual(1);
    const posted = await directLine(app, `/conversations/${conversationId}/activities`, token, { body: { type: 'message', text: 'How do I call an ambulance?', locale: 'en' } });
    expect(posted.status).toBe(200);
    const page = (await (await poll(app, conversationId, token, welcome.watermark)).json()) as Page;
    const reply = page.activities.find((activity) => activity.from.role === 'bot');
    expect(reply?.text).toMatch(/120/);
    // The bot endpoint itself still wants a Bot Framework token.
    expect((await post(app, { text: 'hello' })).status).toBe(401);
  });
});
