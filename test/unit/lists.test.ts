import { describe, expect, it } from 'vitest';
import { matchList } from '../../services/conversation/listAnswers.js';
import { listQuestionReader } from '../../services/conversation/listQuestions.js';
import { checkKnowledgeBase } from '../../services/knowledge/check.js';
import type { Entry } from '../../services/knowledge/schema.js';
import { makeEntry } from '../fixtures/entries.js';

const reader = listQuestionReader('locales');

describe('reading list questions', () => {
  it.each([
    ['en', 'Which hospitals have an international department?', { kind: 'hospital', features: ['internationalDepartment'] }],
    ['zh', '顺义有哪些学校提供IB文凭课程?', { kind: 'school', districts: ['shunyi'], curricula: ['ib-dp'] }],
    ['fr', 'Quelles écoles de Haidian proposent les A-Levels ?', { kind: 'school', districts: ['haidian'], curricula: ['a-level'] }],
    ['es', '¿Qué hospitales atienden en árabe?', { kind: 'hospital', language: 'ar' }],
    ['ru', 'Какие школы есть в Шуньи?', { kind: 'school', districts: ['shunyi'] }],
    ['ar', 'ما هي المدارس في تشاويانغ؟', { kind: 'school', districts: ['chaoyang'] }],
    ['de', 'Welche Krankenhäuser haben eine Notaufnahme rund um die Uhr?', { kind: 'hospital', features: ['emergency24h'] }],
    ['ja', '朝陽区の病院を教えて', { kind: 'hospital', districts: ['chaoyang'] }],
    ['ko', '순이구에 있는 학교 알려주세요', { kind: 'school', districts: ['shunyi'] }],
    ['en', 'list the international talent communities', { kind: 'talent-community' }],
    ['en', 'IB schools in shunyi', { kind: 'school', districts: ['shunyi'], curricula: ['ib-pyp', 'ib-myp', 'ib-dp', 'ib-cp'] }],
    ['es', '¿Dónde se puede estudiar el IGCSE?', { kind: 'school', curricula: ['igcse'] }],
    ['de', 'Welche Schulen haben ein Internat?', { kind: 'school', features: ['boarding'] }],
    ['zh', '第二批国际人才社区有哪些?', { kind: 'talent-community', batch: 2 }],
    // Chinese, Japanese and Korean nouns carry no plural: a filtered kind word asks for all that match.
    ['ja', '昌平区でAPがあって寮もある学校は？', { kind: 'school', districts: ['changping'], curricula: ['ap'], features: ['boarding'] }],
    ['ja', 'Haidianの病院', { kind: 'hospital', districts: ['haidian'] }],
    // A "*" inside a phrase is a word start too ("перв* парти*"), and the pilot's name is not a department.
    ['ru', 'Какие международные сообщества талантов вошли в первую партию?', { kind: 'talent-community', batch: 1 }],
    ['zh', '列出国际医疗服务试点医院', { kind: 'hospital', features: ['pilotInstitution'] }],
    ['en', 'Which hospitals are part of the international medical services pilot?', { kind: 'hospital', features: ['pilotInstitution'] }],
    // National curricula by a curriculum word with the country, and the IB's programmes by their local names.
    ['fr', "toutes les écoles qui suivent le programme de l'Éducation nationale française", { kind: 'school', curricula: ['french'] }],
    ['ko', '캐나다 커리큘럼 학교 있어요?', { kind: 'school', curricula: ['canadian'] }],
    ['es', '¿Qué colegios ofrecen el PAI del IB para un niño de 12 años?', { kind: 'school', curricula: ['ib-myp'], age: 12 }],
    // Every curriculum named, each as specifically as written; a country's curriculum or school is not a language.
    ['es', 'escuelas con A-levels e IGCSE', { kind: 'school', curricula: ['a-level', 'igcse'] }],
    ['fr', 'les écoles qui proposent le Diplôme du Baccalauréat International', { kind: 'school', curricula: ['ib-dp'] }],
    ['de', 'Gibt es in Peking Schulen, die nach deutschem Lehrplan unterrichten?', { kind: 'school', curricula: ['german'] }],
    ['en', 'Any Chinese public schools in Haidian that take foreign kids?', { kind: 'school', districts: ['haidian'], schoolType: 'chinese-school' }],
    // Sino-Korean district names, Arabic-Indic digits, "6-jährig", and what exit-entry halls are for.
    ['ko', '조양구에 있는 한국 교육과정 학교들 알려주세요', { kind: 'school', districts: ['chaoyang'], curricula: ['korean'] }],
    ['ar', 'مدارس IGCSE لطفل عمره ١٠ سنوات في تشاويانغ', { kind: 'school', districts: ['chaoyang'], curricula: ['igcse'], age: 10 }],
    ['de', 'Schulen mit deutschsprachigem Unterricht für meinen 6-jährigen Sohn', { kind: 'school', language: 'de', age: 6 }],
    ['en', 'Which exit-entry offices in Chaoyang can renew my residence permit?', { kind: 'exit-entry-office', districts: ['chaoyang'] }],
    // Looking for one that fits asks for the choice.
    ['fr', 'Je cherche une école qui suit le programme français à Chaoyang', { kind: 'school', districts: ['chaoyang'], curricula: ['french'] }],
    // The word "district" in each language, as in English, and German's inflected adjectives.
    ['de', 'Könnten Sie mir die Krankenhäuser mit internationaler Abteilung im Bezirk Xicheng nennen?', { kind: 'hospital', districts: ['xicheng'], features: ['internationalDepartment'] }],
    ['es', 'Recomiéndeme hospitales donde hablen inglés en el distrito de Haidian', { kind: 'hospital', districts: ['haidian'], language: 'en' }],
    // A foreign language, not naming which; a foreign-language window is the window, not a second filter.
    ['ja', '外国語が通じる病院を教えて', { kind: 'hospital', foreignLanguage: true }],
    ['de', 'Welche Kliniken in Chaoyang haben fremdsprachiges Personal?', { kind: 'hospital', districts: ['chaoyang'], foreignLanguage: true }],
    ['ru', 'Какие больницы принимают на иностранных языках?', { kind: 'hospital', foreignLanguage: true }],
    ['zh', '哪些医院有外语服务?', { kind: 'hospital', foreignLanguage: true }],
    ['zh', '哪些政务服务中心有外语窗口?', { kind: 'service-centre', features: ['foreignLanguageWindow'] }],
    // A district's short name inside another's ("핑구" in "창핑구"), asking for a recommendation, and Korean ages.
    ['ko', '창핑구에 있는 학교들', { kind: 'school', districts: ['changping'] }],
    ['de', 'Können Sie mir Krankenhäuser in Haidian empfehlen?', { kind: 'hospital', districts: ['haidian'] }],
    ['zh', '推荐几家海淀的医院', { kind: 'hospital', districts: ['haidian'] }],
    ['ko', '만 5세 아이가 다닐 수 있는 순이구 학교들', { kind: 'school', districts: ['shunyi'], age: 5 }],
    ['es', 'Líneas de atención útiles en Pekín', { kind: 'hotline' }],
    ['fr', 'Quels hôpitaux ont un service pour étrangers ?', { kind: 'hospital', features: ['internationalDepartment'] }],
  ] as const)('%s: %s', (lang, text, query) => {
    expect(reader.read(text, lang)).toEqual(query);
  });

  it.each([
    ['en', 'Which hospital is PUMCH?'],
    ['en', 'Which hospital should I go to for a snake bite at night?'],
    // A facet we do not know: every school is not its answer.
    ['en', 'Which schools have a swimming pool?'],
    // "International" is not the German "Internat" (boarding).
    ['en', 'Which international schools have a swimming pool?'],
    ['zh', '协和医院国际医疗部怎么预约?'],
    ['fr', 'Comment renouveler mon permis de séjour ?'],
    // One place asked about: a singular kind word with a bare question word, or with words of its own.
    ['en', 'Where is the Haidian government service centre?'],
    ['en', 'What curriculum does the French school teach?'],
    ['zh', '朝阳区政务服务中心的地址是什么？'],
    ['ja', '朝陽区の出入境受付ホールの受付時間は？'],
    ['zh', '12345热线可以说英语吗?'],
    // "District-level" would leave out the municipal centres, which no filter does.
    ['zh', '列出所有区级政务服务中心'],
    // "Centro de servicios" is one centre; only "centros" is several.
    ['es', '¿Dónde está el centro de servicios gubernamentales de Fengtai?'],
  ] as const)('%s: "%s" is not a list question', (lang, text) => {
    expect(reader.read(text, lang)).toBeUndefined();
  });

  it('reads a request for all places of a kind amid other words, but not a question about some of them', () => {
    expect(reader.readAmidOther('We need our residence permits renewed, so please list all the exit-entry offices')).toEqual({ kind: 'exit-entry-office' });
    expect(reader.readAmidOther('Which new hospitals are being built in Beijing?')).toBeUndefined();
  });

  it('tells a question about the place in context from one asking for other places', () => {
    expect(reader.asksForSeveral('est-ce que le personnel parle anglais ?')).toBe(false);
    expect(reader.asksForSeveral('any with French?')).toBe(true);
  });

  it('reads a change of filters with nothing else, and only that', () => {
    expect(reader.refinement('and in Haidian?', 'en')).toEqual({ districts: ['haidian'] });
    expect(reader.refinement('那朝阳的呢?', 'zh')).toEqual({ districts: ['chaoyang'] });
    expect(reader.refinement('а в Хайдяне?', 'ru')).toEqual({ districts: ['haidian'] });
    expect(reader.refinement('what about hospitals in Haidian?', 'en')).toBeUndefined();
    expect(reader.refinement('and how do I renew my permit in Haidian?', 'en')).toBeUndefined();
  });

  it('reads hotline numbers given as examples as part of a list of hotlines, and one number alone as the hotline asked about', () => {
    expect(reader.read('which hotlines are there in Beijing, e.g. 12345 or 110?', 'en')).toEqual({ kind: 'hotline' });
    expect(reader.read('北京有哪些热线电话？比如12345这种', 'zh')).toEqual({ kind: 'hotline' });
    expect(reader.read('Какие есть горячие линии? 12345, 110, 119', 'ru')).toEqual({ kind: 'hotline' });
    expect(reader.read('which hotlines does 12345 transfer calls to?', 'en')).toBeUndefined();
  });

  it('reads another batch named by its ordinal alone, only after a list of one batch', () => {
    const firstBatch = { batch: 1 };
    expect(reader.refinement('а во вторую?', 'ru', firstBatch)).toEqual({ batch: 2 });
    expect(reader.refinement('and the third one?', 'en', firstBatch)).toEqual({ batch: 3 });
    expect(reader.refinement('2番目は?', 'ja', firstBatch)).toEqual({ batch: 2 });
    expect(reader.refinement('et la deuxième ?', 'fr', { districts: ['shunyi' as const] })).toBeUndefined();
    expect(reader.refinement('а во вторую?', 'ru')).toBeUndefined();
    expect(reader.refinement('and the second one, how do I apply?', 'en', firstBatch)).toBeUndefined();
  });

  it('keeps a hospital feature out of a school list', () => {
    expect(reader.read('海淀区有哪些学校有国际部?', 'zh')).toEqual({ kind: 'school', districts: ['haidian'] });
  });
});

function place(id: string, facts: Entry['facts'], facets: Entry['facets']): Entry {
  return makeEntry(id, {}, { facts, facets });
}

describe('matching a list', () => {
  const entries = [
    place('a', { district: 'chaoyang' }, { kind: 'school', curricula: ['ib-dp'] }),
    place('b', { district: 'chaoyang' }, { kind: 'school', curricula: ['a-level'] }),
    place('c', { district: 'chaoyang' }, { kind: 'school' }),
    place('d', { district: 'haidian' }, { kind: 'school', curricula: ['ib-dp'] }),
    place('e', { district: 'chaoyang' }, { kind: 'hospital', internationalDepartment: true }),
    place('f', {}, { kind: 'hospital', internationalDepartment: false }),
    place('g', {}, { kind: 'hospital' }),
    place('h', { languages: ['en'] }, { kind: 'school', curricula: ['french'] }),
    place('i', { district: ['shunyi', 'chaoyang'] }, { kind: 'school', curricula: ['ib-dp'] }),
  ];

  it('lists what meets every filter, and counts what its sources do not state', () => {
    // c states no curricula; h no district, but its curriculum rules it out.
    expect(matchList(entries, { kind: 'school', districts: ['chaoyang'], curricula: ['ib-dp'] })).toMatchObject({ entries: [entries[0], entries[8]], notStated: 1 });
    expect(matchList(entries, { kind: 'hospital', features: ['internationalDepartment'] })).toMatchObject({ entries: [entries[4]], notStated: 1 });
  });

  it('counts a national curriculum as teaching in its language', () => {
    expect(matchList(entries, { kind: 'school', language: 'fr' }).entries.map((e) => e.id)).toEqual(['h']);
  });

  it('reads "a foreign language" as any language but Chinese', () => {
    const hospitals = [
      place('en', { languages: ['zh', 'en'] }, { kind: 'hospital' }),
      place('zh', { languages: ['zh'] }, { kind: 'hospital' }),
      place('unstated', {}, { kind: 'hospital' }),
    ];
    expect(matchList(hospitals, { kind: 'hospital', foreignLanguage: true })).toMatchObject({ entries: [hospitals[0]], notStated: 1 });
    expect(matchList(entries, { kind: 'school', foreignLanguage: true }).entries.map((e) => e.id)).toEqual(['h']);
  });

  it('finds nothing rather than something unrelated', () => {
    expect(matchList(entries, { kind: 'school', districts: ['pinggu'] })).toEqual({ entries: [], notStated: 1, ofKind: 6 });
  });

  it('finds a place on several sites in each of their districts', () => {
    for (const district of ['shunyi', 'chaoyang'] as const) {
      expect(matchList(entries, { kind: 'school', districts: [district], curricula: ['ib-dp'] }).entries.map((e) => e.id)).toContain('i');
    }
    expect(matchList(entries, { kind: 'school', districts: ['haidian'] }).entries.map((e) => e.id)).toEqual(['d']);
  });
});

describe('facets in the knowledge check', () => {
  const source = { url: 'https://example.org/a', retrieved: '2026-01-01' };
  it('refuses a facet no source states, a facet of another kind, and a trace to a value the entry lacks', () => {
    const untraced = makeEntry('untraced', {}, { facts: { district: 'haidian' }, facets: { kind: 'school' }, sources: [source] });
    const wrongKind = makeEntry('wrong-kind', {}, { facets: { kind: 'school', emergency24h: true }, sources: [{ ...source, states: ['emergency24h'] }] });
    const emptyTrace = makeEntry('empty-trace', {}, { sources: [{ ...source, states: ['curricula'] }] });
    const messages = checkKnowledgeBase([untraced, wrongKind, emptyTrace], '2026-12-01').map((f) => `${f.entryId}: ${f.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^untraced: district is set, but no source/),
      expect.stringMatching(/^wrong-kind: facets.emergency24h describes a hospital/),
      expect.stringMatching(/^empty-trace: a source states curricula, but the entry has no curricula/),
    ]);
  });

  it('refuses aliases on an entry that is no place, stems too short to tell, and names of a district or the city alone', () => {
    const notPlace = makeEntry('not-place', {}, { aliases: { en: ['renewal desk'] } });
    const hospital = makeEntry('a-hospital', {}, {
      facets: { kind: 'hospital' },
      aliases: { zh: ['朝阳', '朝阳医院', '和'], ru: ['чаоян*', 'больниц* + чаоян*', 'бол*'], en: ['Chaoyang Hospital', 'chaoyang hospital', 'Beijing'] },
    });
    const reserved = ['朝阳区', '朝阳', 'чаоян*', 'chaoyang', 'beijing'];
    const messages = checkKnowledgeBase([notPlace, hospital], '2026-12-01', reserved).map((f) => `${f.entryId}: ${f.message}`);
    expect(messages).toEqual([
      'not-place: aliases name a place: the entry needs a facets.kind other than hotline',
      'a-hospital: alias "朝阳" is only the name of a district or of the city, which names no one place',
      'a-hospital: alias "和" has a part shorter than 2 characters',
      'a-hospital: alias "chaoyang hospital" is listed twice in en',
      'a-hospital: alias "Beijing" is only the name of a district or of the city, which names no one place',
      'a-hospital: alias "чаоян*" is only the name of a district or of the city, which names no one place',
      'a-hospital: alias "бол*" has a word shorter than 4 letters before its "*"',
    ]);
  });

  it('accepts traced facets', () => {
    const traced = makeEntry('traced', {}, { facts: { district: 'haidian' }, facets: { kind: 'school', curricula: ['ib-dp'] }, sources: [{ ...source, states: ['district', 'curricula'] }] });
    expect(checkKnowledgeBase([traced], '2026-12-01')).toEqual([]);
  });
});
