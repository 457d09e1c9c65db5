import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUserText } from '../../services/text.js';
import { send, startApp, type RunningApp } from './harness.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_IP_PER_MINUTE: '1000' });
});
afterAll(() => app.close());

const raw = (body: string, path = '/api/messages') =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('bad input gets a clear 4xx, never a 500 or a stack trace', () => {
  it.each([
    ['malformed JSON', '{"type": "message", '],
    ['a JSON string', '"hello"'],
    ['a missing conversation', JSON.stringify({ type: 'message', channelId: 'x', serviceUrl: 'http://127.0.0.1:9', from: { id: 'u' }, recipient: { id: 'b' } })],
    ['a wrong type', JSON.stringify({ type: 42, channelId: 'x', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } })],
    ['deep nesting', `{"type":"message","value":${'['.repeat(200)}${']'.repeat(200)}}`],
  ])('%s', async (_name, body) => {
    const response = await raw(body);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).error.message).toBeTruthy();
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await raw(JSON.stringify({ type: 'message', text: 'x'.repeat(100 * 1024) }));
    expect(response.status).toBe(413);
  });

  it('answers a long message politely, reading only its first characters', async () => {
    const replies = await send(app, { text: `How do I renew my residence permit? ${'please '.repeat(300)}` });
    expect((replies[0].channelData as { kind: string }).kind).toBe('truncated');
    expect(replies[0].text).toMatch(/1000/);
    expect(replies.length).toBeGreaterThan(1);
  });

  it('cleans control characters, bidirectional overrides and lone surrogates, and answers empty text politely', async () => {
    expect(cleanUserText('a\u202Eb\u0000c\uD800d', 100).text).toBe('ab c\uFFFDd');
    const [reply] = await send(app, { text: ' \u202E\u0007 ' });
    expect((reply.channelData as { kind: string }).kind).toBe('fallback');
  });

  it('ignores an unknown locale', async () => {
    const [reply] = await send(app, { text: 'PUMCH?', locale: 'xx-YY' });
    expect(reply.locale).toBe('en');
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy on pages', async () => {
    const response = await fetch(`${app.url}/webchat/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses cross-origin widget calls from origins not in the allowlist', async () => {
    const response = await fetch(`${app.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('gap analysis', () => {
  it('stores an unanswered question redacted: masks for what the rules find, "…" for words the knowledge base never uses', async () => {
    await send(app, { text: 'Where can I buy a used bicycle? Zanele Dlamini, call me on +86 138 0013 8000 or mail me at x@example.com' });
    const report = await app.composed.feedback.report(50);
    const stored = report.unanswered.map((u) => u.text).find((t) => t.includes('[phone]'));
    expect(stored).toMatch(/^where can i buy a used .*call me on \[phone\] or mail me at \[email\]$/);
    expect(stored).not.toMatch(/zanele|dlamini|138|example/);
  });

  it('does not store a message cut at the length limit: a flood of them must not cost a durable write each', async () => {
    const before = (await app.composed.feedback.report(500)).unanswered.length;
    const replies = await send(app, { text: `Where can I buy a used bicycle? ${'please '.repeat(300)}` });
    expect(replies.map((r) => (r.channelData as { kind?: string }).kind)).toEqual(['truncated', 'fallback']);
    expect((await app.composed.feedback.report(500)).unanswered.length).toBe(before);
    await send(app, { text: 'Where can I buy a used bicycle?' });
    expect((await app.composed.feedback.report(500)).unanswered.length).toBe(before + 1);
  });
});

describe('a failing turn', () => {
  it('apologises in the user\'s language with a reference, and the next message is answered', async () => {
    const { assistant } = app.composed.retrieval;
    const ask = assistant.ask.bind(assistant);
    assistant.ask = async () => {
      throw new Error('simulated failure inside retrieval');
    };
    try {
      const [apology] = await send(app, { text: 'Можно позвонить на 12345?', locale: 'ru-RU' });
      expect(apology.channelData).toMatchObject({ kind: 'error' });
      expect(apology.locale).toBe('ru');
      expect(apology.text).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    } finally {
      assistant.ask = ask;
    }
    const [answer] = await send(app, { text: 'Can I call 12345 in English?' });
    expect((answer.channelData as { answer?: { entryId: string } }).answer?.entryId).toBe('hotline-12345');
  });
});
