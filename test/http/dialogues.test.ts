import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../../services/knowledge/load.js';
import type { Lang } from '../../services/languages.js';
import { lexicalThresholds, send, startApp, type RunningApp } from './harness.js';

/**
 * One dialogue of each kind in each of our 9 languages, through /api/messages (expectReplies), with conversation
 * state as in the product: a fact follow-up, a list and a change of its filters, a language switch, and a new topic
 * that must not inherit the last one.
 */
interface Phrases {
  /** Names the 12345 hotline, so the first answer is certain. */
  about12345: string;
  /** Asks its opening hours with no topic of its own. */
  hours: string;
  /** Asks for the IB Diploma schools in Chaoyang. */
  ibInChaoyang: string;
  /** Changes only the district. */
  andHaidian: string;
  /** Asks to switch to the next language in the table. */
  switchToNext: string;
  /** A question of its own on another topic. */
  newTopic: string;
}

const PHRASES: Record<Lang, Phrases> = {
  zh: {
    about12345: '12345热线是做什么的?', hours: '那几点开门?', ibInChaoyang: '朝阳区有哪些学校开设IB文凭课程?', andHaidian: '那海淀区呢?',
    switchToNext: 'in English please', newTopic: '居留许可到期了怎么延期?',
  },
  en: {
    about12345: 'What is the 12345 hotline?', hours: 'what are their hours?', ibInChaoyang: 'Which schools in Chaoyang offer the IB Diploma?', andHaidian: 'and in Haidian?',
    switchToNext: 'en français s’il vous plaît', newTopic: 'How do I renew my residence permit?',
  },
  fr: {
    about12345: 'Le 12345 répond-il en français ?', hours: 'et les horaires ?', ibInChaoyang: 'Quelles écoles de Chaoyang proposent le diplôme IB ?', andHaidian: 'et à Haidian ?',
    switchToNext: 'en español por favor', newTopic: 'Comment renouveler mon permis de séjour ?',
  },
  es: {
    about12345: '¿El 12345 atiende en español?', hours: '¿y el horario?', ibInChaoyang: '¿Qué colegios de Chaoyang ofrecen el diploma IB?', andHaidian: '¿y en Haidian?',
    switchToNext: 'по-русски, пожалуйста', newTopic: '¿Cómo renuevo mi permiso de residencia?',
  },
  ru: {
    about12345: 'Что такое горячая линия 12345?', hours: 'а часы работы?', ibInChaoyang: 'Какие школы в Чаояне дают диплом IB?', andHaidian: 'а в Хайдяне?',
    switchToNext: 'بالعربية من فضلك', newTopic: 'Как продлить вид на жительство?',
  },
  ar: {
    about12345: 'ما هو الخط الساخن 12345؟', hours: 'وما هي ساعات العمل؟', ibInChaoyang: 'ما هي المدارس في تشاويانغ التي تقدم دبلوم البكالوريا الدولية؟', andHaidian: 'وماذا عن هايديان؟',
    switchToNext: 'auf Deutsch bitte', newTopic: 'كيف أجدد تصريح الإقامة؟',
  },
  de: {
    about12345: 'Was ist die Hotline 12345?', hours: 'und die Öffnungszeiten?', ibInChaoyang: 'Welche Schulen in Chaoyang bieten das IB Diploma an?', andHaidian: 'und in Haidian?',
    switchToNext: '日本語でお願いします', newTopic: 'Wie verlängere ich meine Aufenthaltserlaubnis?',
  },
  ja: {
    about12345: '12345ホットラインとは何ですか?', hours: '営業時間は?', ibInChaoyang: '朝陽区でIBディプロマがある学校はどこですか?', andHaidian: '海淀区だと?',
    switchToNext: '한국어로 해주세요', newTopic: '居留許可の更新はどうすればいいですか?',
  },
  ko: {
    about12345: '12345 시민 핫라인에 한국어로 전화할 수 있나요?', hours: '운영 시간은요?', ibInChaoyang: '차오양구에 IB 디플로마 과정이 있는 학교 알려주세요', andHaidian: '하이뎬구는요?',
    switchToNext: '中文', newTopic: '거류증 연장은 어떻게 해요?',
  },
};
const LANGS = Object.keys(PHRASES) as Lang[];
const next = (lang: Lang): Lang => LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length];

let app: RunningApp;
let kb: KnowledgeBase;
beforeAll(async () => {
  // Conversation mechanics, whatever the fitted decision: the best candidate is answered.
  [app, kb] = await Promise.all([startApp(lexicalThresholds(0, 0)), loadKnowledgeBase('knowledge')]);
});
afterAll(() => app.close());

interface Data {
  kind?: string;
  fact?: string;
  entryId?: string;
  entryIds?: string[];
}
const dataOf = (reply: Partial<Activity> | undefined) => (reply?.channelData ?? {}) as Data;
/** The reply a turn is about: the last one naming an entry or a list (a language switch sends a notice first). */
const about = (replies: Partial<Activity>[]) => [...replies].reverse().find((r) => dataOf(r).entryId || dataOf(r).entryIds) ?? replies[0];

let conversations = 0;
function conversation(lang: Lang) {
  const id = { id: `nine-languages-${lang}-${++conversations}` } as never;
  return async (text: string) => about(await send(app, { text, locale: lang, conversation: id }));
}

describe.each(LANGS)('dialogues in %s', (lang) => {
  const phrases = PHRASES[lang];

  it('answers a follow-up with the fact of the entry in context', async () => {
    const say = conversation(lang);
    expect(dataOf(await say(phrases.about12345)).entryId).toBe('hotline-12345');
    const hours = await say(phrases.hours);
    expect(dataOf(hours)).toMatchObject({ fact: 'hours', entryId: 'hotline-12345' });
    expect(hours.locale).toBe(lang);
  });

  it('lists places from their facets, and changes a filter in a follow-up', async () => {
    const say = conversation(lang);
    const first = await say(phrases.ibInChaoyang);
    expect(dataOf(first).kind).toBe('list');
    const offersIbDiploma = (id: string) => kb.byId.get(id)!.facets.curricula?.includes('ib-dp');
    const chaoyang = dataOf(first).entryIds!;
    expect(chaoyang.length).toBeGreaterThan(1);
    expect(chaoyang.every((id) => kb.byId.get(id)!.facts.district === 'chaoyang' && offersIbDiploma(id))).toBe(true);

    const haidian = dataOf(await say(phrases.andHaidian));
    const listed = haidian.entryIds ?? [haidian.entryId!];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((id) => kb.byId.get(id)!.facts.district === 'haidian' && offersIbDiploma(id))).toBe(true);
  });

  it('re-renders the answer in context in the language asked for', async () => {
    const say = conversation(lang);
    await say(phrases.about12345);
    const again = await say(phrases.switchToNext);
    expect(again.locale).toBe(next(lang));
    expect(dataOf(again).entryId).toBe('hotline-12345');
  });

  it('starts a new topic rather than inheriting the last one', async () => {
    const say = conversation(lang);
    await say(phrases.about12345);
    const answer = dataOf(await say(phrases.newTopic));
    expect(answer.kind).not.toBe('fact');
    expect(answer.entryId).not.toBe('hotline-12345');
    expect(answer.entryId).toMatch(/^residence-/);
  });
});
