import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lexicalThresholds, send, startApp, type RunningApp } from './harness.js';

let app: RunningApp;
beforeAll(async () => {
  // Conversation mechanics, whatever the fitted decision: the best candidate is answered.
  app = await startApp(lexicalThresholds(0, 0));
});
afterAll(() => app.close());

let conversations = 0;
/** One conversation: each call sends the next turn with the same conversation id and returns the bot's replies. */
function conversation() {
  const conversationId = `dialogue-${++conversations}`;
  return (text: string, locale?: string) => send(app, { text, locale, conversation: { id: conversationId } as never });
}
const kindOf = (reply: Partial<Activity>) => (reply.channelData as { kind?: string; fact?: string; entryId?: string } | undefined) ?? {};

describe('follow-ups in a conversation', () => {
  it('answers a fact of the entry in context, first and plainly, with a button for the full answer (en)', async () => {
    const say = conversation();
    const [answer] = await say('How do I book an appointment at PUMCH International Medical Services?', 'en');
    const entryId = kindOf(answer).entryId;
    expect(entryId).toBeTruthy();
    const [phone] = await say("what's their phone number?");
    expect(kindOf(phone)).toMatchObject({ kind: 'fact', fact: 'phone', entryId });
    expect(phone.text).toMatch(/\d{3,}/);
    expect(phone.suggestedActions?.actions.map((a) => a.value)).toContainEqual({ type: 'entry', entryId });
  });

  it('follows up in Chinese and French', async () => {
    const zh = conversation();
    const [first] = await zh('北京市出入境管理局的外国人办证大厅在哪里办理居留许可?');
    const entryId = kindOf(first).entryId;
    expect(entryId).toBeTruthy();
    expect(kindOf((await zh('那电话呢?'))[0])).toMatchObject({ fact: 'phone', entryId });

    const fr = conversation();
    const [premier] = await fr("Comment joindre la ligne 12345 pour parler en français ?");
    expect(kindOf((await fr('et les horaires ?'))[0])).toMatchObject({ fact: 'hours', entryId: kindOf(premier).entryId });
  });

  it('says so when the entry does not state the fact, and points to its source and to 12345', async () => {
    const say = conversation();
    const [answer] = await say('Can I call 12345 in English?', 'en');
    expect(kindOf(answer).entryId).toBe('hotline-12345');
    const [address] = await say('and the address?');
    expect(kindOf(address)).toMatchObject({ kind: 'factMissing', fact: 'address', entryId: 'hotline-12345' });
    expect(address.text).toMatch(/12345/);
    expect(address.text).toMatch(/\]\(https?:\/\//);
  });

  it('starts a new topic when the message has its own answer', async () => {
    const say = conversation();
    await say('Can I call 12345 in English?', 'en');
    const [next] = await say('How do I renew my residence permit?');
    expect(kindOf(next).kind).toBeUndefined();
    expect(kindOf(next).entryId).not.toBe('hotline-12345');
  });

  it('re-renders the answer in context when the resident switches language', async () => {
    const say = conversation();
    const [answer] = await say('12345热线可以说英语吗?');
    const entryId = kindOf(answer).entryId;
    expect(entryId).toBe('hotline-12345');
    const [switched, again] = await say('English please');
    expect(switched.locale).toBe('en');
    expect(again.locale).toBe('en');
    expect(kindOf(again).entryId).toBe(entryId);
  });

  it('forgets the topic after the idle time', async () => {
    const idle = await startApp({ CONVERSATION_CONTEXT_IDLE_MINUTES: '1' });
    try {
      const id = { id: 'idle-dialogue' } as never;
      await send(idle, { text: 'Can I call 12345 in English?', conversation: id });
      const realNow = Date.now;
      Date.now = () => realNow() + 61_000;
      try {
        const [later] = await send(idle, { text: "what's their phone number?", conversation: id });
        expect(kindOf(later).kind).not.toBe('fact');
      } finally {
        Date.now = realNow;
      }
    } finally {
      await idle.close();
    }
  });
});
