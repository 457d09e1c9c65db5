import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directLine, openDirectLineConversation, startApp, type RunningApp } from './harness.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app.close());

interface Page {
  activities: { id: string; type: string; text?: string; from: { role: string }; serviceUrl?: string; channelData?: Record<string, unknown>; locale?: string }[];
  watermark: string;
}

const call = (path: string, token: string | undefined, init: { method?: string; body?: unknown } = {}) => directLine(app, path, token, init);
const openConversation = () => openDirectLineConversation(app);

describe('the local Direct Line 3.0 channel', () => {
  it('starts a conversation and delivers the bot\'s welcome', async () => {
    const { conversationId, token, expires_in } = await openConversation();
    expect(expires_in).toBeGreaterThan(0);
    const page = (await (await call(`/conversations/${conversationId}/activities?watermark=0`, token, { method: 'GET' })).json()) as Page;
    expect(page.activities.length).toBeGreaterThanOrEqual(2);
    expect(page.activities.every((a) => a.from.role === 'bot')).toBe(true);
    expect(page.activities.some((a) => a.serviceUrl)).toBe(false);
  });

  it('posts a message, echoes it with its clientActivityID, and returns the answer after the watermark', async () => {
    const { conversationId, token } = await openConversation();
    const first = (await (await call(`/conversations/${conversationId}/activities`, token, { method: 'GET' })).json()) as Page;
    const posted = await call(`/conversations/${conversationId}/activities`, token, {
      body: { type: 'message', text: 'أحتاج سيارة إسعاف', from: { id: 'web-user' }, locale: 'ar', channelData: { clientActivityID: 'client-1' } },
    });
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    const page = (await (await call(`/conversations/${conversationId}/activities?watermark=${first.watermark}`, token, { method: 'GET' })).json()) as Page;
    const echo = page.activities.find((a) => a.id === id)!;
    expect(echo.from.role).toBe('user');
    expect(echo.channelData?.clientActivityID).toBe('client-1');
    const reply = page.activities.find((a) => a.from.role === 'bot')!;
    expect(reply.text).toMatch(/120/);
    expect(reply.locale).toBe('ar');
    expect(Number(page.watermark)).toBeGreaterThan(Number(first.watermark));
  });

  it('refuses a missing, forged or other conversation\'s token', async () => {
    const a = await openConversation();
    const b = await openConversation();
    expect((await call(`/conversations/${a.conversationId}/activities`, undefined, { method: 'GET' })).status).toBe(403);
    expect((await call(`/conversations/${a.conversationId}/activities`, `${a.token}x`, { method: 'GET' })).status).toBe(403);
    expect((await call(`/conversations/${a.conversationId}/activities`, b.token, { method: 'GET' })).status).toBe(403);
    expect((await call(`/conversations/${a.conversationId}/activities`, b.token, { body: { type: 'message', text: 'hi' } })).status).toBe(403);
  });

  it('refreshes a token for the same conversation', async () => {
    const { conversationId, token } = await openConversation();
    const refreshed = (await (await call('/tokens/refresh', token)).json()) as { conversationId: string; token: string };
    expect(refreshed.conversationId).toBe(conversationId);
    expect((await call(`/conversations/${conversationId}/activities`, refreshed.token, { method: 'GET' })).status).toBe(200);
  });
});
