import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PhraseList, prepareText } from '../../services/language/phrases.js';
import { loadScope } from '../../services/scope.js';

const matches = (phrase: string, text: string) => new PhraseList([{ phrase, value: true }]).first(prepareText(text)) === true;

describe('phrases', () => {
  it('matches spaced scripts as whole words, unspaced ones anywhere', () => {
    expect(matches('llamas', '¡Hay llamas en la cocina!')).toBe(true);
    expect(matches('llamas', '¿Puedo llamar al 12345?')).toBe(false);
    expect(matches('冒烟', '楼道里一直在冒烟')).toBe(true);
  });

  it('needs every part of an "a + b" phrase, in any order', () => {
    expect(matches('knife + threat*', 'he is threatening us with a knife')).toBe(true);
    expect(matches('knife + threat*', 'where can I buy a good kitchen knife')).toBe(false);
  });

  it('matches word starts with a trailing *, and ignores case, accents and punctuation', () => {
    expect(matches('задыха*', 'Мама ЗАДЫХАЕТСЯ!')).toBe(true);
    expect(matches('hemorragia', 'tiene una HEMORRAGÍA')).toBe(true);
    expect(matches('ohnmächt*', 'sie ist ohnmachtig')).toBe(true);
  });

  it('matches word starts inside a phrase too', () => {
    expect(matches('упал* с балкона', 'Бабушка упала с балкона')).toBe(true);
    expect(matches('перв* парти*', 'вошли в первую партию')).toBe(true);
    expect(matches('перв* парти*', 'первая помощь на вечеринке')).toBe(false);
    expect(matches('tombé* du + étage', 'il est tombée du deuxième étage')).toBe(true);
    expect(matches('يهدد* بقتل*', 'إنه يهددني بقتلي')).toBe(true);
  });

  it('lets an Arabic word carry an attached article or conjunction', () => {
    expect(matches('إسعاف', 'اتصلوا بالإسعاف')).toBe(true);
  });

  it('does not find a Korean phrase ending in a vowel inside a syllable closed by a consonant', () => {
    expect(matches('영어', '영어 하는 직원 있어요?')).toBe(true);
    expect(matches('영어', '영업시간은 어떻게 돼요?')).toBe(false);
    expect(matches('전화', '운전면허 전환은 어떻게 해요?')).toBe(false);
    expect(matches('전화', '전환 말고 전화번호요')).toBe(true);
    expect(matches('병원', '병원은 어디예요?')).toBe(true);
  });

  it('gives the longest phrase a message contains, the first of equals', () => {
    const list = new PhraseList([{ phrase: 'call', value: 'phone' }, { phrase: 'office hours', value: 'hours' }, { phrase: 'open', value: 'hours' }, { phrase: 'hall', value: 'place' }]);
    expect(list.longest(prepareText('can I call at 2am or only in office hours?'))).toBe('hours');
    expect(list.longest(prepareText('call the hall'))).toBe('phone');
    expect(list.longest(prepareText('nothing here'))).toBeUndefined();
  });

  it('gives the first phrase of a list that occurs, as testing every phrase in order would', () => {
    const phrases = ['fire', 'kitchen + fire', '火', '起火', 'knife + threat*', 'إسعاف', 'задыха*', 'a', 'on fire', 'упал* с балкона'];
    const list = new PhraseList(phrases.map((phrase, index) => ({ phrase, value: index })));
    const texts = ['the kitchen is on fire', '厨房起火了', 'he threatens me with a knife', 'اتصلوا بالإسعاف', 'Он задыхается', 'a cat', 'nothing here', '', 'упала с балкона'];
    for (const text of texts) {
      const oneByOne = phrases.findIndex((phrase) => matches(phrase, text));
      expect(list.first(prepareText(text)), text).toBe(oneByOne === -1 ? undefined : oneByOne);
    }
  });
});

describe('the scope: other places and out-of-scope examples', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scope-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (places: string, topics: string) => {
    writeFileSync(join(dir, 'places.yaml'), places);
    writeFileSync(join(dir, 'out-of-scope.yaml'), topics);
  };
  const names = (list: Record<string, string[]>) => `{ ${Object.entries(list).map(([k, v]) => `${k}: [${v.join(', ')}]`).join(', ')} }`;
  const topics = `- topic: weather\n  questions: ${names(Object.fromEntries(['zh', 'en', 'fr', 'es', 'ru', 'ar', 'de', 'ja', 'ko'].map((l) => [l, [`weather ${l}`]])))}\n`;

  it('flags a question about another city unless it also names Beijing', async () => {
    write(`beijing: ${names({ zh: ['北京'], en: ['beijing', 'peking'] })}\nplaces:\n  - id: shanghai\n    names: ${names({ zh: ['上海'], en: ['shanghai'], ru: ['шанха*'] })}\n`, topics);
    const scope = await loadScope(dir);
    expect(scope.otherPlace('上海有没有国际医院')).toBe('shanghai');
    expect(scope.otherPlace('Где в Шанхае отдел въезда?')).toBe('shanghai');
    expect(scope.otherPlace('I moved from Shanghai to Beijing: where do I register?')).toBeUndefined();
    expect(scope.otherPlace('Which hospital in Chaoyang has English?')).toBeUndefined();
    expect(scope.outOfScopeExamples).toHaveLength(9);
    expect(scope.outOfScopeExamples[0]).toEqual({ topic: 'weather', lang: 'zh', text: 'weather zh' });
  });

  it('changes its hash with its files, and refuses a malformed file naming it', async () => {
    write(`beijing: ${names({ en: ['beijing'] })}\nplaces: []\n`, topics);
    const before = (await loadScope(dir)).hash;
    write(`beijing: ${names({ en: ['beijing', 'peking'] })}\nplaces: []\n`, topics);
    expect((await loadScope(dir)).hash).not.toBe(before);
    write('beijing: {}\nplaces: [{ names: {} }]\n', topics);
    await expect(loadScope(dir)).rejects.toThrow(/places\.yaml/);
  });
});
