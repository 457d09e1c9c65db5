import { describe, expect, it } from 'vitest';
import { buildNamedPlaceFinder, namedPlaceFinder, placeNames } from '../../services/conversation/namedPlaces.js';
import type { Entry, EntryKind, LocalizedText } from '../../services/knowledge/schema.js';
import { LANGS, type Lang } from '../../services/languages.js';
import { makeEntry } from '../fixtures/entries.js';

/**
 * A place whose titles are its English name in every language unless given: a proper name reads alike in each.
 * Ids are not words of the names: the fixture's placeholder answers contain them, and words of answers are ordinary.
 */
function place(id: string, kind: EntryKind, name: LocalizedText, titles: Partial<Record<Lang, string>> = {}): Entry {
  const english = typeof name === 'string' ? name : name.en!;
  const content = Object.fromEntries(LANGS.map((lang) => [lang, { title: titles[lang] ?? english }]));
  return makeEntry(id, content, { category: kind === 'school' ? 'schools' : 'medical', facts: { name }, facets: { kind } });
}

const CITY = ['北京', '北京市', 'beijing', 'peking', 'pékin', 'pekín', 'пекин', 'пекине', 'بكين'];
const entries = [
  place('first-school', 'school', { zh: '北京顺义国际学校(ISB)', en: 'International School of Beijing (ISB)' }),
  place('korean-school', 'school', 'Korean International School in Beijing (KISB, 북경한국국제학교)', { ko: '북경한국국제학교(KISB)', es: 'Escuela Internacional Coreana de Pekín (KISB)' }),
  place('tsinghua-school', 'school', { zh: '清华大学附属中学国际部(THIS)', en: 'Tsinghua International School (THIS)' }),
  place('united-h', 'hospital', { zh: '北京和睦家医院', en: 'Beijing United Family Hospital (BJU)' }, { en: 'Beijing United Family Hospital (24-hour emergency line)' }),
  place('temple-h', 'hospital', { zh: '北京天坛医院', en: 'Beijing Tiantan Hospital' }, { fr: 'Hôpital Tiantan de Pékin' }),
  place('city-h', 'hospital', { zh: '北京医院', en: 'Beijing Hospital' }, { fr: 'Hôpital de Pékin' }),
  place('friendship-h', 'hospital', { zh: '北京友谊医院', en: 'Beijing Friendship Hospital' }),
  place('kids-h', 'hospital', { zh: '北京儿童医院', en: "Beijing Children's Hospital" }, { fr: 'Hôpital des enfants de Pékin' }),
  place('kids-institute-h', 'hospital', { zh: '首都儿科研究所附属儿童医院', en: "Children's Hospital, Capital Institute of Pediatrics" }),
  makeEntry('hall-1', {}, { category: 'residence', facts: { name: { zh: '出入境分中心(C岛三层)', en: 'Exit-entry branch at the Municipal Service Centre (Island C, 3rd floor)' } }, facets: { kind: 'exit-entry-office' } }),
  makeEntry('hotline-1', {}, { facts: { name: { zh: '12345市民服务热线', en: '12345 Citizen Service Hotline' } }, facets: { kind: 'hotline' } }),
  makeEntry('how-to-renew', { en: { title: 'International School of Beijing admissions', answer: 'Read this before you apply for the western campus.' } }, { category: 'residence' }),
];
const named = namedPlaceFinder(entries, CITY);

describe('places a message names', () => {
  it('finds a place by its name in any language, with or without what its parenthesis holds', () => {
    expect(named('What does the International School of Beijing (ISB) teach in high school?')).toContain('first-school');
    expect(named('北京顺义国际学校几点放学')).toEqual(['first-school']);
    expect(named('북경한국국제학교는 어떤 교육과정으로 가르치나요?')).toEqual(['korean-school']);
    expect(named('Korean International School in Beijing: bus routes?')).toEqual(['korean-school']);
  });

  it('finds the short forms residents use: without the city, and without the words many places share', () => {
    expect(named('顺义国际学校怎么申请')).toEqual(['first-school']);
    expect(named('Is United Family open on Sunday?')).toEqual(['united-h']);
    expect(named('Does Tiantan Hospital see migraines?')).toEqual(['temple-h']);
    expect(named("L'hôpital Tiantan a-t-il des urgences ?")).toEqual(['temple-h']);
    // A translated name is found whole; shortened, it is a description ("escuela internacional coreana").
    expect(named('¿Qué currículo sigue la Escuela Internacional Coreana de Pekín?')).toEqual(['korean-school']);
    expect(named('¿Qué currículo sigue la Escuela Internacional Coreana?')).toEqual([]);
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
    // A translated description is not a name ("coreana", "des enfants"), nor a short form inside another place's name.
    expect(named('¿Dónde como comida coreana?')).toEqual([]);
    expect(named("Un hôpital des enfants ouvert la nuit ?")).toEqual([]);
    expect(named('附近的儿童医院晚上开吗')).toEqual([]);
    // Parts of a name's parenthesis that are not names, and a title's description, name nothing.
    expect(named('which island c floor, 3rd floor?')).toEqual([]);
    expect(named('is there a 24-hour emergency line?')).toEqual([]);
  });

  it('names only places: not hotlines, not how-to entries', () => {
    expect(named('Can the 12345 Citizen Service Hotline help?')).toEqual([]);
    expect(placeNames(entries, CITY).map((p) => p.entryId)).not.toContain('how-to-renew');
    expect(named('Beijing United Family Hospital phone')).toEqual(['united-h']);
  });

  it("finds the names residents use that the editors list, as phrases: stems and parts in any order", () => {
    const aliases: Record<string, Entry['aliases']> = {
      'united-h': { zh: ['和睦家'], ru: ['юнайтед фэмили'], de: ['kinderklinik* + united'] },
      'hall-1': { en: ['andingmen + immigration'], ru: ['аньдинмэн* + въезд*'] },
    };
    const withAliases = namedPlaceFinder(entries.map((entry) => ({ ...entry, aliases: aliases[entry.id] })), CITY);
    expect(withAliases('和睦家看儿科需要预约吗')).toEqual(['united-h']);
    expect(withAliases('В Юнайтед Фэмили можно оплатить по страховке?')).toEqual(['united-h']);
    expect(withAliases('Hat die Kinderklinikabteilung von United samstags offen?')).toEqual(['united-h']);
    expect(withAliases('is the immigration office at Andingmen open on Saturday?')).toEqual(['hall-1']);
    expect(withAliases('Можно ли продлить ВНЖ в отделе въезда-выезда на Аньдинмэнь?')).toEqual(['hall-1']);
    // Every part must occur.
    expect(withAliases('where is Andingmen?')).toEqual([]);
    expect(named('和睦家看儿科需要预约吗')).toEqual([]);
  });

  it('builds the same names in time slices as at once', async () => {
    const sliced = await buildNamedPlaceFinder(entries, CITY);
    for (const text of ['Is United Family open on Sunday?', '顺义国际学校怎么申请', 'isb bus fees', 'Is this school good?']) expect(sliced(text)).toEqual(named(text));
  });
});
