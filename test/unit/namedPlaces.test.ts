import { describe, expect, it } from 'vitest';
import { namedPlaceFinder, placeNames } from '../../services/conversation/namedPlaces.js';
import type { Entry } from '../../services/knowledge/schema.js';
import { makeEntry } from '../fixtures/entries.js';

// Ids are not words of the names: the fixture's placeholder answers contain them.
const school = (id: string, name: Entry['facts']['name'], titles: Partial<Record<'en' | 'ko' | 'fr', string>> = {}) =>
  makeEntry(id, Object.fromEntries(Object.entries(titles).map(([lang, title]) => [lang, { title }])), { category: 'schools', facts: { name }, facets: { kind: 'school' } });

const hospital = (id: string, name: Entry['facts']['name']) => makeEntry(id, {}, { category: 'medical', facts: { name }, facets: { kind: 'hospital' } });

const entries = [
  school('first-school', { zh: '北京顺义国际学校(ISB)', en: 'International School of Beijing (ISB)' }),
  school('korean-school', 'Korean International School in Beijing (KISB, 북경한국국제학교)', { ko: '북경한국국제학교(KISB)' }),
  school('tsinghua-school', { zh: '清华大学附属中学国际部(THIS)', en: 'Tsinghua International School (THIS)' }),
  school('united-family', { zh: '北京和睦家医院', en: 'Beijing United Family Hospital (BJU)' }, { en: 'Beijing United Family Hospital (24-hour emergency line)' }),
  hospital('medical-beijing-hospital', { zh: '北京医院', en: 'Beijing Hospital' }),
  hospital('medical-friendship', { zh: '北京友谊医院', en: 'Beijing Friendship Hospital' }),
  hospital('medical-tiantan', { zh: '北京天坛医院', en: 'Beijing Tiantan Hospital' }),
  makeEntry('hall-liuliqiao', {}, { category: 'residence', facts: { name: { zh: '出入境分中心(C岛三层)', en: 'Exit-entry branch at the Municipal Service Centre (Island C, 3rd floor)' } }, facets: { kind: 'exit-entry-office' } }),
  makeEntry('hotline-12345', {}, { facts: { name: { zh: '12345市民服务热线', en: '12345 Citizen Service Hotline' } }, facets: { kind: 'hotline' } }),
  makeEntry('how-to-renew', { en: { title: 'International School of Beijing admissions', answer: 'Read this before you apply.' } }, { category: 'residence' }),
];
const named = namedPlaceFinder(entries);

describe('places a message names', () => {
  it('finds a place by its name in any language, with or without what its parenthesis holds', () => {
    expect(named('What does the International School of Beijing (ISB) teach in high school?')).toContain('first-school');
    expect(named('北京顺义国际学校几点放学')).toEqual(['first-school']);
    expect(named('북경한국국제학교는 어떤 교육과정으로 가르치나요?')).toEqual(['korean-school']);
    expect(named('Korean International School in Beijing: bus routes?')).toEqual(['korean-school']);
  });

  it('finds an abbreviation as a word, in any case, and not inside another word', () => {
    expect(named('isb bus fees')).toEqual(['first-school']);
    expect(named('ISB的学费')).toEqual(['first-school']);
    expect(named('KISB 학비')).toEqual(['korean-school']);
    expect(named('my visa is being processed')).toEqual([]);
  });

  it('does not read a name out of ordinary words', () => {
    // "THIS" is a word our own texts use; "Beijing Hospital" and "北京医院" also describe any hospital in Beijing.
    expect(named('Is this school good?')).toEqual([]);
    expect(named('Which Beijing hospital speaks English?')).toEqual([]);
    expect(named('北京医院哪家好')).toEqual([]);
    // Parts of a name's parenthesis that are not names, and a title's description, name nothing.
    expect(named('which island c floor, 3rd floor?')).toEqual([]);
    expect(named('is there a 24-hour emergency line?')).toEqual([]);
  });

  it('names only places: not hotlines, not how-to entries', () => {
    expect(named('Can the 12345 Citizen Service Hotline help?')).toEqual([]);
    expect(placeNames(entries).map((p) => p.entryId)).not.toContain('how-to-renew');
    expect(named('Beijing United Family Hospital phone')).toEqual(['united-family']);
  });
});
