import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Activity } from '../../web/widget/activity.js';
import { Conversation, type ConversationEvents } from '../../web/widget/conversation.js';
import { HttpError, type ActivityPage, type DirectLineClient, type IssuedToken } from '../../web/widget/directLine.js';
import { SessionStore, type Session } from '../../web/widget/session.js';

const KEY = 'beijing-assistant:test';
const message = (text: string): Activity => ({ type: 'message', text, from: { role: 'bot' } });
const issued = (token: string, conversationId = 'c1'): IssuedToken => ({ conversationId, token, expires_in: 1800 });

/** A Direct Line server in memory: every conversation's activities, and the calls made. */
function fakeDirectLine(activities: Activity[] = []) {
  let conversations = 0;
  const client = {
    generateToken: vi.fn(async () => issued('generated', `c${conversations + 1}`)),
    startConversation: vi.fn(async (token: string) => {
      conversations += 1;
      return issued(`${token}-started`, `c${conversations}`);
    }),
    refreshToken: vi.fn(async (token: string) => issued(`${token}-refreshed`)),
    activitiesSince: vi.fn(async (_id: string, _token: string, watermark: string): Promise<ActivityPage> => ({
      activities: activities.slice(Number(watermark)),
      watermark: String(activities.length),
    })),
    postActivity: vi.fn(async (_id: string, _token: string, activity: Activity) => {
      activities.push({ ...activity, from: { ...activity.from, role: 'user' } });
      return { id: String(activities.length) };
    }),
  };
  return { client, asClient: client as unknown as DirectLineClient };
}

function recorder() {
  const received: { history: string[]; fresh: string[] }[] = [];
  const connection: boolean[] = [];
  const events: ConversationEvents = {
    received: (history, fresh) => void received.push({ history: history.map((a) => a.text!), fresh: fresh.map((a) => a.text!) }),
    connection: (ok) => void connection.push(ok),
  };
  return { received, connection, events };
}

const stored = (): Session | undefined => new SessionStore(KEY).load();

beforeEach(() => {
  vi.useFakeTimers();
  const items = new Map<string, string>();
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the widget\'s Direct Line conversation', () => {
  it('starts one conversation for a poll and a message that both need it, and saves it', async () => {
    const { client, asClient } = fakeDirectLine([message('welcome')]);
    const { received, events } = recorder();
    const conversation = new Conversation(asClient, new SessionStore(KEY), events, 'fr');
    conversation.startPolling();
    await conversation.post({ text: 'Bonjour' }, 'client-1');
    await vi.advanceTimersByTimeAsync(0);

    expect(client.generateToken).toHaveBeenCalledTimes(1);
    expect(client.generateToken).toHaveBeenCalledWith('fr');
    const [, token, sent] = client.postActivity.mock.calls[0];
    expect(token).toBe('generated-started');
    expect(sent).toMatchObject({ type: 'message', text: 'Bonjour', locale: 'fr', channelData: { clientActivityID: 'client-1' } });
    expect(sent.from?.id).toBe(stored()?.userId);
    expect(received.flatMap((r) => r.fresh)).toEqual(['welcome', 'Bonjour']);
    expect(stored()).toMatchObject({ conversationId: 'c1', watermark: '2', lang: 'fr' });
    conversation.stopPolling();
  });

  it('after a reload, redraws from watermark 0 and treats only what came after the saved watermark as new', async () => {
    const { client, asClient } = fakeDirectLine(['a', 'b', 'c', 'd', 'e'].map(message));
    const saved: Session = { conversationId: 'c1', token: 't', refreshAt: Date.now() + 60_000, watermark: '3', lang: 'ar', userId: 'u' };
    const { received, events } = recorder();
    new Conversation(asClient, new SessionStore(KEY), events, 'ar', saved).restoreTranscript();
    await vi.advanceTimersByTimeAsync(0);

    expect(client.activitiesSince).toHaveBeenCalledWith('c1', 't', '0');
    expect(received).toEqual([{ history: ['a', 'b', 'c'], fresh: ['d', 'e'] }]);
    expect(stored()?.watermark).toBe('5');
    // Restoring reads once; only an open chat keeps polling.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(client.activitiesSince).toHaveBeenCalledTimes(1);
  });

  it('keeps a language change made while a poll delivers its activities', async () => {
    const { asClient } = fakeDirectLine([message('switched')]);
    const { events } = recorder();
    let conversation: Conversation | undefined = undefined;
    events.received = () => conversation!.setLanguage('de');
    conversation = new Conversation(asClient, new SessionStore(KEY), events, 'fr');
    conversation.startPolling();
    await vi.advanceTimersByTimeAsync(0);
    expect(stored()).toMatchObject({ lang: 'de', watermark: '1' });
    conversation.stopPolling();
  });

  it('refreshes the token once half its lifetime has passed', async () => {
    const { client, asClient } = fakeDirectLine();
    const conversation = new Conversation(asClient, new SessionStore(KEY), recorder().events, 'en');
    conversation.startPolling();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.refreshToken).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    expect(client.activitiesSince).toHaveBeenLastCalledWith('c1', 'generated-started-refreshed', '0');
    expect(stored()?.token).toBe('generated-started-refreshed');
    conversation.stopPolling();
  });

  it('forgets a conversation the server no longer knows, and starts a new one', async () => {
    const { client, asClient } = fakeDirectLine();
    const saved: Session = { conversationId: 'gone', token: 't', refreshAt: Date.now() + 60_000, watermark: '7', lang: 'en', userId: 'u' };
    client.activitiesSince.mockRejectedValueOnce(new HttpError(404));
    const conversation = new Conversation(asClient, new SessionStore(KEY), recorder().events, 'en', saved);
    conversation.startPolling();
    await vi.advanceTimersByTimeAsync(0);
    expect(stored()).toBeUndefined();

    await vi.advanceTimersByTimeAsync(1_000);
    expect(client.generateToken).toHaveBeenCalledTimes(1);
    expect(stored()).toMatchObject({ conversationId: 'c1', watermark: '0' });
    conversation.stopPolling();
  });

  it('reports network errors and backs off before polling again', async () => {
    const { client, asClient } = fakeDirectLine();
    const { connection, events } = recorder();
    const conversation = new Conversation(asClient, new SessionStore(KEY), events, 'en');
    conversation.startPolling();
    await vi.advanceTimersByTimeAsync(0);
    client.activitiesSince.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(connection).toEqual([true, false]);

    await vi.advanceTimersByTimeAsync(1_999);
    expect(client.activitiesSince).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.activitiesSince).toHaveBeenCalledTimes(3);
    expect(connection).toEqual([true, false, true]);
    conversation.stopPolling();
  });

  it('lets a failed message throw, so it can be retried', async () => {
    const { client, asClient } = fakeDirectLine();
    client.postActivity.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const conversation = new Conversation(asClient, new SessionStore(KEY), recorder().events, 'en');
    await expect(conversation.post({ text: 'hello' }, 'client-1')).rejects.toThrow('Failed to fetch');
    await expect(conversation.post({ text: 'hello' }, 'client-1')).resolves.toBeUndefined();
    expect(client.generateToken).toHaveBeenCalledTimes(1);
  });
});
