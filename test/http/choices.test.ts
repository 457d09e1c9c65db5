import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lexicalThresholds, send, startApp, type RunningApp } from './harness.js';

let app: RunningApp;
/** The product with a calibration that never answers outright, so every question gets a "did you mean". */
let unsure: RunningApp;
beforeAll(async () => {
  [app, unsure] = await Promise.all([startApp(), startApp(lexicalThresholds(1, 0))]);
});
afterAll(() => Promise.all([app.close(), unsure.close()]));

type Data = { kind?: string; entryId?: string; entryIds?: string[]; total?: number };
const dataOf = (reply: Partial<Activity>) => (reply.channelData ?? {}) as Data;
const choiceIds = (reply: Partial<Activity>) =>
  (reply.suggestedActions?.actions ?? []).map((a) => (a.value as { type?: string; entryId?: string }) ?? {}).filter((v) => v.type === 'entry').map((v) => v.entryId);

describe('clean choices', () => {
  it.each(['how to 预约 PUMCH international dept', 'PUMCH', 'international school', '出入境'])('"%s": at most 3 distinct choices, never the entry answered', async (text) => {
    for (const running of [app, unsure]) {
      const [reply] = await send(running, { text, conversation: { id: `choices-${text}` } as never });
      const ids = choiceIds(reply);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeLessThanOrEqual(3);
      if (dataOf(reply).entryId) expect(ids).not.toContain(dataOf(reply).entryId);
    }
  });

  it('records the choice clicked against the question it resolved, for the editors', async () => {
    const conversation = { id: 'choices-resolve' } as never;
    const [clarify] = await send(unsure, { text: 'how to 预约 PUMCH international dept', conversation });
    expect(dataOf(clarify).kind).toBe('clarify');
    const [, chosen] = choiceIds(clarify);
    const [answer] = await send(unsure, { text: 'chosen', value: { type: 'entry', entryId: chosen }, conversation });
    expect(dataOf(answer).entryId).toBe(chosen);
    // A second click, or a click on something not offered, records nothing more.
    await send(unsure, { text: 'again', value: { type: 'entry', entryId: chosen }, conversation });
    const report = await unsure.composed.feedback.report(50);
    expect(report.resolvedChoices).toEqual([{ lang: 'en', text: expect.any(String), entryId: chosen, count: 1 }]);
  });
});

describe('list answers', () => {
  it('shows 8 places and a "show more" that pages on without state', async () => {
    const conversation = { id: 'list-paging' } as never;
    const [first] = await send(app, { text: 'list all the IB schools', conversation });
    const data = dataOf(first);
    expect(data.kind).toBe('list');
    expect(data.total).toBeGreaterThan(8);
    expect(first.attachments).toHaveLength(8);
    expect(first.attachmentLayout).toBe('carousel');
    const more = first.suggestedActions!.actions.find((a) => (a.value as { type?: string }).type === 'listPage')!;
    const [second] = await send(app, { text: more.title, value: more.value, conversation: { id: 'another-conversation' } as never });
    const page = (second.channelData as { list: { items: { entryId: string }[] }; offset: number });
    expect(page.offset).toBe(8);
    expect(page.list.items.map((i) => i.entryId)).toEqual(data.entryIds!.slice(8, 16));
  });

  it('says when nothing matches, and does not fall back to an unrelated entry', async () => {
    const [reply] = await send(app, { text: 'Are there any schools in Pinggu?', conversation: { id: 'list-none' } as never });
    expect(dataOf(reply)).toMatchObject({ kind: 'list', entryIds: [] });
    expect(reply.text).toMatch(/Pinggu/);
    expect(reply.text).toMatch(/12345/);
  });

  it('lists all places of a kind asked for amid other words when nothing else answers', async () => {
    const [reply] = await send(app, { text: 'We are new here and a bit lost. Please list all the exit-entry offices', conversation: { id: 'list-amid' } as never });
    expect(dataOf(reply)).toMatchObject({ kind: 'list', total: 11 });
  });

  it('refuses a forged page request', async () => {
    const [reply] = await send(app, { text: 'more', value: { type: 'listPage', query: { kind: 'school', districts: ['nowhere'] }, offset: 8 }, conversation: { id: 'list-forged' } as never });
    expect(dataOf(reply).kind).not.toBe('list');
  });
});
