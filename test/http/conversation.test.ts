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
const kindOf = (reply: Partial<Activity>) => (reply.channelData as { kind?: string; fact?: string; entryId?: string; namedEntryId?: string } | undefined) ?? {};

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

  it('offers the place an unanswered question names, and answers follow-ups about it (en, ko, zh)', async () => {
    const never = await startApp(lexicalThresholds(1, 1));
    try {
      const dialogue = (id: string) => (text: string) => send(never, { text, conversation: { id } as never });
      const en = dialogue('named-en');
      const [fallback] = await en('What does the International School of Beijing (ISB) teach in high school?');
      expect(kindOf(fallback)).toMatchObject({ kind: 'fallback', namedEntryId: 'school-isb' });
      expect(kindOf(fallback).entryId).toBeUndefined();
      expect(fallback.text).toMatch(/12345/);
      expect(fallback.text).toContain('International School of Beijing (ISB)');
      expect(fallback.suggestedActions?.actions.map((a) => a.value)).toEqual([{ type: 'entry', entryId: 'school-isb' }]);
      // ISB's entry states its district, not its address: each follow-up gets what the entry says.
      expect(kindOf((await en('Which district is it in?'))[0])).toMatchObject({ kind: 'fact', fact: 'district', entryId: 'school-isb' });
      expect(kindOf((await en('Where is it exactly?'))[0])).toMatchObject({ kind: 'factMissing', fact: 'address', entryId: 'school-isb' });
      // Clicking the page offered opens it, and is recorded against the question, as a "did you mean" choice is.
      const [opened] = await send(never, { text: 'open', value: fallback.suggestedActions!.actions[0].value, conversation: { id: 'named-en' } as never });
      expect(kindOf(opened).entryId).toBe('school-isb');
      expect((await never.composed.feedback.report(50)).resolvedChoices).toEqual([{ lang: 'en', text: expect.any(String), entryId: 'school-isb', count: 1 }]);

      const ko = dialogue('named-ko');
      expect(kindOf((await ko('북경한국국제학교는 어떤 교육과정으로 가르치나요?'))[0])).toMatchObject({ kind: 'fallback', namedEntryId: 'school-korean' });
      expect(kindOf((await ko('몇 구에 있어요?'))[0])).toMatchObject({ kind: 'fact', fact: 'district', entryId: 'school-korean' });

      // Shown again in another language, it is the same fallback: nothing was answered.
      const zh = dialogue('named-zh');
      await zh('北京日本人学校的新学期几月开始?');
      const [, again] = await zh('English please');
      expect(again.locale).toBe('en');
      expect(kindOf(again)).toMatchObject({ kind: 'fallback', namedEntryId: 'school-japanese' });

      // A question that names no place falls back as before, and sets no topic.
      const plain = dialogue('named-none');
      const [unnamed] = await plain('How do I renew my residence permit?');
      expect(kindOf(unnamed).kind).toBe('fallback');
      expect(kindOf(unnamed).namedEntryId).toBeUndefined();
      expect(kindOf((await plain('and the address?'))[0]).kind).toBe('fallback');
    } finally {
      await never.close();
    }
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
