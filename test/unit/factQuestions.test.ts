import { describe, expect, it } from 'vitest';
import { askedFact, hasOwnTopic } from '../../services/conversation/factQuestions.js';

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
  });
});
