import { normalizeArabic } from './analyze.js';

/**
 * Finding listed phrases in a message in any of our languages: emergency triggers, names of other cities.
 *
 * A phrase is one or more parts joined by " + ", all of which must occur, in any order ("knife + threat*").
 * Chinese, Japanese and Korean parts match as substrings (those scripts do not space words). Other parts match
 * whole words only, so that Spanish "llamas" (flames) does not fire on "llamar" (to call); a part ending in "*"
 * matches any word that starts with it (Russian "задыха*"), and Arabic words may carry an attached article or
 * conjunction (الإسعاف, وبالإسعاف).
 *
 * Thousands of phrases are checked on every message, so matching is plain substring search over the normalized
 * text, prepared once per message, rather than a regular expression per phrase.
 */

/** Case, accents, Arabic letter variants and punctuation do not matter to a phrase. */
export function normalizeForMatching(text: string): string {
  return normalizeArabic(text.normalize('NFKC').toLowerCase())
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const ARABIC = /\p{Script=Arabic}/u;
/** An article or conjunction Arabic attaches to the next word, longest first. */
const ARABIC_CLITIC = /^(?:وال|بال|فال|لل|ال|و|ب|ف)(?=\p{L}{2})/u;

/** A message prepared for matching: the normalized text, and the same with Arabic clitics detached. */
export interface PreparedText {
  /** " word word … " — spaces at both ends, so a word is found as " word ". */
  spaced: string;
  /** The same, each Arabic word without the clitic it starts with. */
  withoutClitics: string;
}

export function prepareText(text: string): PreparedText {
  const normalized = normalizeForMatching(text);
  return {
    spaced: ` ${normalized} `,
    withoutClitics: ` ${normalized.split(' ').map((word) => word.replace(ARABIC_CLITIC, '')).join(' ')} `,
  };
}

type PartMatcher = (text: PreparedText) => boolean;

function partMatcher(part: string): PartMatcher {
  const prefix = part.endsWith('*');
  const normalized = normalizeForMatching(prefix ? part.slice(0, -1) : part);
  if (UNSPACED.test(normalized)) return (text) => text.spaced.includes(normalized);
  const needle = prefix ? ` ${normalized}` : ` ${normalized} `;
  if (ARABIC.test(normalized)) return (text) => text.spaced.includes(needle) || text.withoutClitics.includes(needle);
  return (text) => text.spaced.includes(needle);
}

/** A compiled phrase: test it against a message prepared by `prepareText`. */
export type PhraseMatcher = (text: PreparedText) => boolean;

export function compilePhrase(phrase: string): PhraseMatcher {
  const parts = phrase.split(' + ').map((part) => part.trim()).filter(Boolean).map(partMatcher);
  return (text) => parts.every((matches) => matches(text));
}
