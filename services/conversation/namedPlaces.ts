import { DISTRICTS, isPlace, localizedValues, type Entry } from '../knowledge/schema.js';
import { LANGS, type Lang } from '../languages.js';
import { normalizeForMatching, PhraseList, prepareText, UNSPACED, unspacedLength } from '../language/phrases.js';
import { atOnce, inSlices } from '../timeSlices.js';

/** The languages written without spaces between words, and those that write capitals. */
const UNSPACED_LANGS: readonly Lang[] = ['zh', 'ja', 'ko'];
const CASED_LANGS: readonly Lang[] = ['en', 'fr', 'es', 'ru', 'de'];
const PARENTHESIS = /[(（]([^)）]*)[)）]/gu;
const SEPARATORS = /[,，、;；]/u;
/** An abbreviation as names write it: "ISB", "PUMCH", "THIS-DL"; two letters ("IB", "AP") say too little. */
const ABBREVIATION = /(?<![\p{L}\p{N}])[A-Z][A-Z0-9]{2,5}(?:-[A-Z]{1,3})?(?![\p{L}\p{N}])/gu;
/**
 * A name written without spaces must be this long to be told from ordinary words: "北京医院" (Beijing Hospital) is
 * also how one writes "a Beijing hospital"; "北京儿童医院" is one place.
 */
const MIN_UNSPACED_CHARS = 5;
/** What a name's parenthesis holds is another name only when it is this long ("Island C", "3rd floor" are not). */
const MIN_OTHER_NAME_WORDS = 3;
/** A word in more place names than this says little on its own ("Beijing", "hospital", "international"). */
const MAX_DISTINCTIVE_NAMES = 2;
/**
 * A short form in words must keep a proper name: a word the place's titles write alike in this many languages
 * ("Tiantan", "Dulwich", "United Family"), unlike a translated description ("coreana", "des enfants").
 */
const MIN_PROPER_NAME_LANGUAGES = 3;
/** Joining words a name keeps at its edges once the city is dropped ("Korean International School in"). */
const EDGE_JOINERS = new Set(['of', 'in', 'at', 'the', 'de', 'du', 'des', 'la', 'le', 'l', 'del', 'el', 'en', 'à', 'a', 'der', 'die', 'das', 'в', 'при', 'في']);

const DISTRICT_NAMES: ReadonlySet<string> = new Set(DISTRICTS);

const wordsOf = (name: string) => normalizeForMatching(name).split(' ').filter(Boolean);

/**
 * How a place is written: its name in each language and each title, without their parenthesis ("北京顺义国际学校");
 * the other names a name's parenthesis holds ("KISB, 북경한국국제학교"); and the abbreviations its names use. A
 * title's parenthesis describes rather than names ("24-hour emergency line"), so it is left out.
 */
function wordings(entry: Entry): { names: string[]; abbreviations: string[]; properWords: Set<string>; aliases: string[] } {
  const names = localizedValues(entry.facts.name);
  const titles = LANGS.map((lang) => entry.content[lang].title);
  const withoutParenthesis = (text: string) => text.replace(PARENTHESIS, ' ').trim();
  const otherNames = names
    .flatMap((name) => [...name.matchAll(PARENTHESIS)].flatMap((match) => match[1].split(SEPARATORS)))
    .filter((part) => (UNSPACED.test(part) ? unspacedLength(part) >= MIN_UNSPACED_CHARS : wordsOf(part).length >= MIN_OTHER_NAME_WORDS));
  const languagesWithWord = new Map<string, number>();
  for (const title of titles) for (const word of new Set(wordsOf(title))) languagesWithWord.set(word, (languagesWithWord.get(word) ?? 0) + 1);
  // A number ("No. 55") or a district ("Shijingshan") reads alike in every language too, but names no one place.
  for (const word of languagesWithWord.keys()) if (/\d/u.test(word) || DISTRICT_NAMES.has(word)) languagesWithWord.delete(word);
  return {
    names: [...new Set([...names, ...titles].map(withoutParenthesis).concat(otherNames).map((name) => normalizeForMatching(name)).filter(Boolean))],
    abbreviations: [...new Set(names.flatMap((name) => name.match(ABBREVIATION) ?? []))],
    properWords: new Set([...languagesWithWord].filter(([, count]) => count >= MIN_PROPER_NAME_LANGUAGES).map(([word]) => word)),
    aliases: Object.values(entry.aliases ?? {}).flat(),
  };
}

/**
 * The shorter forms residents use: without the city ("Beijing Tiantan Hospital" → "tiantan hospital", "北京顺义国际
 * 学校" → "顺义国际学校"), and for a name in words, also without the words many places share at its edges
 * ("united family", "dulwich college"). A form of one word is not kept: "Tiantan" is also a park, "Canadian" a
 * nationality.
 */
function shortForms(name: string, city: ReadonlySet<string>, unspacedCity: readonly string[], isGeneric: (word: string) => boolean): { withoutCity: string; core?: string; unspaced: boolean } {
  if (UNSPACED.test(name) && !name.includes(' ')) {
    const prefix = unspacedCity.find((c) => name.startsWith(c) && name.length > c.length);
    return { withoutCity: prefix ? name.slice(prefix.length) : name, unspaced: true };
  }
  const trimEdges = (words: string[], drop: (word: string) => boolean) => {
    let [start, end] = [0, words.length];
    while (start < end && drop(words[start])) start++;
    while (end > start && drop(words[end - 1])) end--;
    return words.slice(start, end);
  };
  const withoutCity = trimEdges(
    name.split(' ').filter((word) => !city.has(word)),
    (word) => EDGE_JOINERS.has(word),
  );
  const core = trimEdges(withoutCity, (word) => EDGE_JOINERS.has(word) || isGeneric(word));
  return { withoutCity: withoutCity.join(' '), core: core.length > 0 && core.length < withoutCity.length ? core.join(' ') : undefined, unspaced: false };
}

/**
 * The names by which a message can name each place, with the place's entry id: those derived from its names and
 * titles, and the names residents use that the editors list in its `aliases` ("和睦家", "дульвич*"). Derived
 * names are left out when they read as ordinary words as often as names: a name made only of words many places
 * share ("Beijing Hospital", "Hôpital de Pékin"), a short name in a script written without spaces, a short form in
 * words without a proper name in it ("coreana", "hôpital des enfants") or inside another place's name, and an
 * abbreviation that our texts use as a word ("THIS", Tsinghua International School, is "this").
 *
 * Reading every entry's texts takes some hundreds of ms, so the work yields between entries (see timeSlices.ts).
 * @param cityNames Beijing's names in our languages (scope/places.yaml): residents leave them out.
 */
function* placeNamesInSteps(entries: readonly Entry[], cityNames: readonly string[]): Generator<void, PlaceName[]> {
  const places: (ReturnType<typeof wordings> & { entryId: string })[] = [];
  for (const entry of entries.filter(isPlace)) {
    places.push({ entryId: entry.id, ...wordings(entry) });
    yield;
  }
  const placesWithWord = new Map<string, number>();
  for (const place of places) for (const word of new Set(place.names.flatMap(wordsOf))) placesWithWord.set(word, (placesWithWord.get(word) ?? 0) + 1);
  const isGeneric = (word: string) => (placesWithWord.get(word) ?? 0) > MAX_DISTINCTIVE_NAMES;
  const normalizedCity = cityNames.map(normalizeForMatching);
  const city = new Set(normalizedCity);
  const unspacedCity = normalizedCity.filter((name) => UNSPACED.test(name)).sort((a, b) => b.length - a.length);

  // A short form inside another place's name ("儿童医院" is also in the Capital Institute of Pediatrics') is not this one.
  const allNames = places.map((place) => ` ${place.names.join(' | ')} `);
  const inOtherName = (form: string, entryId: string) =>
    places.some((place, i) => place.entryId !== entryId && allNames[i].includes(UNSPACED.test(form) ? form : ` ${form} `));
  const distinctive = (name: string) =>
    UNSPACED.test(name) ? unspacedLength(name) >= MIN_UNSPACED_CHARS : wordsOf(name).some((word) => !isGeneric(word));

  // Words our texts write in lower case are ordinary words ("this", "western"); a proper name is capitalised.
  // Unspaced scripts have no capitals: a short form other entries' texts use ("在妇幼保健院出生") is a description.
  const textOf = (entry: Entry, langs: readonly Lang[]) => langs.map((lang) => `${entry.content[lang].answer} ${entry.content[lang].details ?? ''}`).join(' ');
  const lowerCaseWords = new Set<string>();
  const ordinaryWords = new Set<string>();
  const unspacedTexts: string[] = [];
  for (const entry of entries) {
    for (const word of textOf(entry, CASED_LANGS).match(/(?<!\p{L})\p{Ll}+(?!\p{L})/gu) ?? []) {
      if (lowerCaseWords.has(word)) continue;
      lowerCaseWords.add(word);
      ordinaryWords.add(normalizeForMatching(word));
    }
    unspacedTexts.push(normalizeForMatching(textOf(entry, UNSPACED_LANGS)));
    yield;
  }
  // Other entries name the place in full ("北京顺义国际学校"), which says nothing about its short form on its own.
  const inOtherText = (form: string, entryId: string, fullNames: readonly string[]) =>
    unspacedTexts.some((text, i) => entries[i].id !== entryId && text.includes(form) && fullNames.reduce((rest, name) => rest.replaceAll(name, ' '), text).includes(form));

  const names: PlaceName[] = [];
  for (const { entryId, names: wordingsOfPlace, abbreviations, properWords, aliases } of places) {
    const forms = new Set(wordingsOfPlace.filter(distinctive));
    for (const name of wordingsOfPlace) {
      const { withoutCity, core, unspaced } = shortForms(name, city, unspacedCity, isGeneric);
      for (const form of [withoutCity, core]) {
        if (!form || forms.has(form) || !distinctive(form) || inOtherName(form, entryId)) continue;
        if (!unspaced && !form.includes(' ')) continue;
        // A name written with spaces keeps a proper name when shortened ("베이징 산부인과병원" is a description without the city).
        const named = unspaced
          ? !inOtherText(form, entryId, wordingsOfPlace.filter((wording) => wording.length > form.length && wording.includes(form)))
          : wordsOf(form).some((word) => properWords.has(word) && !isGeneric(word) && !ordinaryWords.has(word));
        if (named) forms.add(form);
      }
    }
    // "+" and "*" are phrase syntax, not part of any name; the editors' aliases are phrases, and are taken as written.
    for (const name of [...forms, ...abbreviations.filter((abbreviation) => !ordinaryWords.has(abbreviation.toLowerCase()))]) {
      names.push({ phrase: name.replace(/[+*]/gu, ' '), entryId });
    }
    for (const alias of aliases) names.push({ phrase: alias, entryId });
    yield;
  }
  return names;
}

export interface PlaceName {
  /** A name as a phrase (services/language/phrases.ts). */
  phrase: string;
  entryId: string;
}

export function placeNames(entries: readonly Entry[], cityNames: readonly string[] = []): PlaceName[] {
  return atOnce(placeNamesInSteps(entries, cityNames));
}

/** Which places a message names, as entry ids (names match as phrases: whole words, or substrings in unspaced scripts). */
export type NamedPlaceFinder = (text: string) => string[];

function finderOf(names: readonly PlaceName[]): NamedPlaceFinder {
  const places = new PhraseList(names.map(({ phrase, entryId }) => ({ phrase, value: entryId })));
  return (text) => places.all(prepareText(text));
}

/** Builds the finder at once: for tests and scripts. A server builds it with `buildNamedPlaceFinder`. */
export function namedPlaceFinder(entries: readonly Entry[], cityNames: readonly string[] = []): NamedPlaceFinder {
  return finderOf(placeNames(entries, cityNames));
}

/** The same finder, built in time slices, so a start or a reload never holds requests for long. */
export async function buildNamedPlaceFinder(entries: readonly Entry[], cityNames: readonly string[]): Promise<NamedPlaceFinder> {
  return finderOf(await inSlices(placeNamesInSteps(entries, cityNames)));
}
