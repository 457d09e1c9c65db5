import { describe, expect, it } from 'vitest';
import { announcesNewTopic, askedFact, hasOwnTopic } from '../../services/conversation/factQuestions.js';

describe('follow-up questions about a fact', () => {
  it.each([
    ["what's their phone number?", 'phone'],
    ['那地址呢', 'address'],
    ['et le week-end ?', 'hours'],
    ['¿tienen página web?', 'website'],
    ['а по-английски там говорят?', 'languages'],
    ['في أي حي يقع؟', 'district'],
    ['Wann haben die geöffnet?', 'hours'],
    ['住所は?', 'address'],
    ['전화번호는요?', 'phone'],
    ['在哪个区?', 'district'],
    // Chat forms, inflections and attached pronouns.
    ['а телефончик есть?', 'phone'],
    ['رقمهم؟', 'phone'],
    ['전번은?', 'phone'],
    ['HPは？', 'website'],
    ['وين مكانه بالضبط؟', 'address'],
    ['в каком это районе?', 'district'],
    ['土日もやってる？', 'hours'],
    ['funciona los domingos o solo entre semana?', 'hours'],
    ['а если я по-китайски не говорю, поймут?', 'languages'],
    // Of two facts' wordings, the longer: "영업" (hours) holds "영어" (English) within it as matching sees it.
    ['영업시간은 어떻게 돼요?', 'hours'],
    ['can i call it at 2am or is it office hours only', 'hours'],
  ])('%s asks for the %s', (text, fact) => {
    expect(askedFact(text)).toBe(fact);
  });

  it('asks no fact in an ordinary question', () => {
    expect(askedFact('How do I renew my residence permit?')).toBeUndefined();
  });

  it('tells a bare follow-up from a question with a topic of its own', () => {
    expect(hasOwnTopic("what's their phone number?", 'en')).toBe(false);
    expect(hasOwnTopic('what time do they open?', 'en')).toBe(false);
    expect(hasOwnTopic('电话号码是多少?', 'zh')).toBe(false);
    expect(hasOwnTopic('what number do I call after a traffic accident?', 'en')).toBe(true);
    // Chat spelling: "whats" is "what's", not a word of a topic; "emergency" alone is not a topic either.
    expect(hasOwnTopic('whats their emergency number', 'en')).toBe(false);
    expect(hasOwnTopic('whats the number after a traffic accident', 'en')).toBe(true);
    expect(hasOwnTopic('交通事故报警电话是多少?', 'zh')).toBe(true);
    // Korean words that ask rather than name ("tell me", "can I know") are no topic.
    expect(hasOwnTopic('홈페이지 주소도 알려줘요', 'ko')).toBe(false);
    expect(hasOwnTopic('정확한 주소 알 수 있을까요', 'ko')).toBe(false);
    expect(hasOwnTopic('비자 연장은 어떻게 해요? 전화번호 알려주세요', 'ko')).toBe(true);
  });

  it('tells a new topic announced from one more question about the same place', () => {
    expect(announcesNewTopic("autre chose : je viens de me faire voler mon sac, j'appelle quel numéro pour la police ?", 'fr')).toBe(true);
    expect(announcesNewTopic('話変わるけど、税金のことを電話で聞きたいときって何番にかければいい？', 'ja')).toBe(true);
    expect(announcesNewTopic('another question: what are their hours?', 'en')).toBe(false);
    expect(announcesNewTopic('对了,他们周末开门吗?', 'zh')).toBe(false);
    expect(announcesNewTopic('what number do I call after a traffic accident?', 'en')).toBe(false);
  });
});
