import { localizedValues, type Entry } from '../knowledge/schema.js';
import { LANGS } from '../languages.js';
import { normalizeForMatching, PhraseList, prepareText, UNSPACED } from '../language/phrases.js';

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

/** The places a resident may name: entries of a kind lists are made of, except hotlines (numbers, not places). */
function isPlace(entry: Entry): boolean {
  return entry.facets.kind !== undefined && entry.facets.kind !== 'hotline';
}

const wordsOf = (name: string) => normalizeForMatching(name).split(' ');
const unspacedLength = (name: string) => [...normalizeForMatching(name).replace(/ /gu, '')].length;

/**
 * How a place is written: its name in each language and each title, without their parenthesis ("北京顺义国际学校");
 * the other names a name's parenthesis holds ("KISB, 북경한국국제학교"); and the abbreviations its names use. A
 * title's parenthesis describes rather than names ("24-hour emergency line"), so it is left out.
 */
function wordings(entry: Entry): { names: string[]; abbreviations: string[] } {
  const names = localizedValues(entry.facts.name);
  const titles = LANGS.map((lang) => entry.content[lang].title);
  const withoutParenthesis = (text: string) => text.replace(PARENTHESIS, ' ').trim();
  const otherNames = names
    .flatMap((name) => [...name.matchAll(PARENTHESIS)].flatMap((match) => match[1].split(SEPARATORS)))
    .filter((part) => (UNSPACED.test(part) ? unspacedLength(part) >= MIN_UNSPACED_CHARS : wordsOf(part).length >= MIN_OTHER_NAME_WORDS));
  return {
    names: [...new Set([...names, ...titles].map(withoutParenthesis).concat(otherNames).map((name) => name.trim()).filter(Boolean))],
    abbreviations: [...new Set(names.flatMap((name) => name.match(ABBREVIATION) ?? []))],
  };
}

/**
 * The names by which a message can name each place, with the place's entry id. Left out, because they read as
 * ordinary words as often as names: a name made only of words many places share ("Beijing Hospital", "Hôpital de
 * Pékin"), a short name in a script written without spaces, and an abbreviation that our texts use as a word
 * ("THIS", Tsinghua International School, is "this").
 */
export function placeNames(entries: readonly Entry[]): { name: string; entryId: string }[] {
  const places = entries.filter(isPlace).map((entry) => ({ entryId: entry.id, ...wordings(entry) }));
  const placesWithWord = new Map<string, number>();
  for (const place of places) for (const word of new Set(place.names.flatMap(wordsOf))) placesWithWord.set(word, (placesWithWord.get(word) ?? 0) + 1);
  const distinctive = (name: string) =>
    UNSPACED.test(name) ? unspacedLength(name) >= MIN_UNSPACED_CHARS : wordsOf(name).some((word) => placesWithWord.get(word)! <= MAX_DISTINCTIVE_NAMES);
  const ordinaryWords = new Set(
    entries.flatMap((entry) => LANGS.flatMap((lang) => `${entry.content[lang].answer} ${entry.content[lang].details ?? ''}`.match(/\p{Ll}+/gu) ?? [])),
  );
  const usable = (abbreviation: string) => !ordinaryWords.has(abbreviation.toLowerCase());
  return places.flatMap(({ entryId, names, abbreviations }) => [...names.filter(distinctive), ...abbreviations.filter(usable)].map((name) => ({ name, entryId })));
}

/** Which places a message names, as entry ids (names match as phrases: whole words, or substrings in unspaced scripts). */
export function namedPlaceFinder(entries: readonly Entry[]): (text: string) => string[] {
  // "+" and "*" are phrase syntax, not part of any name.
  const places = new PhraseList(placeNames(entries).map(({ name, entryId }) => ({ phrase: name.replace(/[+*]/gu, ' '), value: entryId })));
  return (text) => places.all(prepareText(text));
}
