import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../services/languages.js';
import { answerOf, BOT_AUTH_ON, lexicalThresholds, post, send, startApp, type RunningApp } from './harness.js';

let app: RunningApp;
/** The product answering its best candidate: the replies' language and rendering, whatever the fitted decision. */
let answering: RunningApp;
beforeAll(async () => {
  [app, answering] = await Promise.all([startApp(), startApp(lexicalThresholds(0, 0))]);
});
afterAll(() => Promise.all([app.close(), answering.close()]));

/** Questions written for this test, not copied from the entries' alternate questions. */
const QUESTIONS: [Lang, string, string][] = [
  ['zh', '外国人去协和医院看病要怎么挂号?', 'medical-pumch-booking-for-foreigners'],
  ['en', 'Can I call 12345 if I only speak English?', 'hotline-12345'],
  ['fr', 'Puis-je appeler le 12345 sans parler chinois ?', 'hotline-12345'],
  ['es', '¿Hay un colegio francés en Pekín para mis hijos?', 'school-lycee-francais'],
  ['ru', 'Как записаться к врачу в больницу Сехэ (PUMCH)?', 'medical-pumch-booking-for-foreigners'],
  ['ar', 'هل توجد مدرسة فرنسية في بكين؟', 'school-lycee-francais'],
  ['de', 'Kann ich die 12345 anrufen, wenn ich kein Chinesisch spreche?', 'hotline-12345'],
  ['ja', '北京に日本人学校はありますか?', 'school-japanese'],
  ['ko', '협화병원 예약은 어떻게 하나요?', 'medical-pumch-booking-for-foreigners'],
];

describe('POST /api/messages with expectReplies', () => {
  it.each(QUESTIONS)('answers a %s question with the right entry in that language', async (lang, text, entryId) => {
    const [reply] = await send(answering, { text });
    expect(answerOf(reply)?.entryId).toBe(entryId);
    expect(reply.locale).toBe(lang);
    const entry = answering.composed.retrieval.kb.byId.get(entryId)!;
    expect(answerOf(reply)?.title).toBe(entry.content[lang].title);
    expect(reply.text).toContain(entry.content[lang].answer.slice(0, 20));
    expect(reply.text).toMatch(/https?:\/\//);
    expect((reply.channelData as { dir: string }).dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  });

  it('without the model, gives no wrong entry for a question the lexical path is unsure of', async () => {
    const [reply] = await send(app, { text: '¿Tengo que registrar mi domicilio en la policía al llegar?' });
    const answered = answerOf(reply)?.entryId;
    expect(answered === undefined || answered === 'residence-accommodation-registration').toBe(true);
    expect(reply.locale).toBe('es');
  });

  it('gives an honest fallback that points to 12345 for an out-of-scope question', async () => {
    const [reply] = await send(app, { text: 'What is the best pizza restaurant for a birthday party?' });
    expect((reply.channelData as { kind: string }).kind).toBe('fallback');
    expect(reply.text).toMatch(/12345/);
    expect(answerOf(reply)).toBeUndefined();
  });

  it('answers "ambulance" in Arabic with 120, right to left', async () => {
    const [reply] = await send(app, { text: 'أحتاج سيارة إسعاف' });
    expect(reply.locale).toBe('ar');
    expect(reply.text).toMatch(/120/);
    expect(answerOf(reply)?.entryId).toBe('emergency-ambulance-120');
    expect(reply.channelData).toMatchObject({ dir: 'rtl' });
  });

  it.each([
    ["black smoke is coming from under my neighbour's door", '119'],
    ['a man is threatening people with a knife outside', '110'],
    ['my husband has sudden chest pain and can hardly breathe', '120'],
    ['知らない人に家までつけられて、今ドアを叩かれています', '110'],
  ])('leads with the emergency number for "%s", though it names no service', async (text, number) => {
    const [reply] = await send(app, { text });
    expect((reply.channelData as { lead?: string }).lead).toContain(number);
  });

  it('tells a resident writing in Italian which languages it speaks, then answers in English', async () => {
    const replies = await send(app, { text: 'Posso chiamare il 12345 se parlo solo inglese? Mi serve aiuto per il permesso di soggiorno.' });
    expect(replies[0]).toMatchObject({ locale: 'en', channelData: { kind: 'unsupportedLanguage' } });
    for (const name of ['中文', 'English', 'Français', 'العربية', '한국어']) expect(replies[0].text).toContain(name);
    expect(replies.length).toBeGreaterThan(1);
    expect(replies[1].locale).toBe('en');
  });

  it('does not answer a question about another city with a Beijing entry', async () => {
    const [reply] = await send(app, { text: 'Which international hospital in Shanghai has English-speaking doctors?' });
    expect((reply.channelData as { kind: string }).kind).toBe('fallback');
    expect(reply.text).toMatch(/Beijing/);
    expect(answerOf(reply)).toBeUndefined();
  });

  it('welcomes a new member with a language picker and starter questions', async () => {
    const replies = await send(app, {
      type: 'conversationUpdate',
      locale: 'fr-FR',
      membersAdded: [{ id: 'user-1', name: 'Resident' }],
    });
    expect(replies).toHaveLength(2);
    expect(replies[0].locale).toBe('fr');
    const picker = replies[0].attachments?.[0]?.content as { buttons: { title: string }[] };
    expect(picker.buttons.map((b) => b.title)).toEqual(['中文', 'English', 'Français', 'Español', 'Русский', 'العربية', 'Deutsch', '日本語', '한국어']);
    expect(replies[1].suggestedActions?.actions).toHaveLength(3);
  });

  it('keeps an explicit language switch for the rest of the conversation', async () => {
    const conversation = { id: 'switch-conversation' } as Activity['conversation'];
    const [switched] = await send(app, { text: '中文', conversation });
    expect(switched.locale).toBe('zh');
    const [reply] = await send(app, { text: 'ok', conversation });
    expect(reply.locale).toBe('zh');
  });

  it('stores thumbs feedback sent as a button value', async () => {
    const [reply] = await send(app, { text: '', value: { type: 'feedback', entryId: 'hotline-12345', rating: 'down' }, locale: 'de' });
    expect(reply.locale).toBe('de');
    const [stored] = await app.composed.feedback.recent(1);
    // Without Bot Framework authentication the channel the body names is not believed.
    expect(stored).toMatchObject({ entryId: 'hotline-12345', rating: 'down', channel: 'unauthenticated' });
  });

  it('answers the entry a did-you-mean button names', async () => {
    const [reply] = await send(app, { text: 'hotline', value: { type: 'entry', entryId: 'hotline-12345' }, locale: 'ko' });
    expect(answerOf(reply)?.entryId).toBe('hotline-12345');
    expect(reply.locale).toBe('ko');
  });

  it('reports readiness with the entry count and the dense path off', async () => {
    const ready = (await (await fetch(`${app.url}/readyz`)).json()) as Record<string, unknown>;
    expect(ready).toMatchObject({ status: 'ready', lexical: { state: 'on' }, dense: { state: 'off' } });
    expect(Date.parse((ready.lexical as { since: string }).since)).toBeGreaterThan(0);
    expect((ready.dense as { reason: string }).reason).toMatch(/models:download/);
    // No server path is shown to whoever asks.
    expect(JSON.stringify(ready)).not.toContain(process.cwd());
    expect(JSON.stringify(ready)).not.toMatch(/\/(tmp|root|home|work|usr|var)\//);
    expect(ready.entries).toBe(app.composed.retrieval.kb.entries.length);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});

describe('Bot Framework authentication', () => {
  let secured: RunningApp;
  beforeAll(async () => {
    secured = await startApp(BOT_AUTH_ON);
  });
  afterAll(() => secured.close());

  it('rejects a request without a valid token when an app id is configured', async () => {
    const response = await post(secured, { text: 'hello' });
    expect(response.status).toBe(401);
    const forged = await post(secured, { text: 'hello' }, { authorization: 'Bearer not.a.jwt' });
    expect(forged.status).toBe(401);
  });
});
