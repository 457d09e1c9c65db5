import { normalizeArabic } from './analyze.js';

/**
 * Finding listed phrases in a message in any of our languages: emergency triggers, names of other cities.
 *
 * A phrase is one or more parts joined by " + ", all of which must occur, in any order ("knife + threat*").
 * Chinese, Japanese and Korean parts match as substrings (those scripts do not space words). Other parts match
 * whole words only, so that Spanish "llamas" (flames) does not fire on "llamar" (to call); a word ending in "*"
 * matches any word that starts with it (Russian "задыха*", "перв* очеред*"), and Arabic words may carry an attached
 * article or conjunction (الإسعاف, وبالإسعاف).
 *
 * Thousands of phrases are checked on every message, so matching is plain substring search over the normalized
 * text, prepared once per message, rather than a regular expression per phrase; and a `PhraseList` tests only
 * the phrases that can occur.
 */

const LATIN_NEXT_TO_UNSPACED = /(?<=\p{Script=Latin})(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])(?=\p{Script=Latin})/gu;

/** Case, accents, Arabic letter variants and punctuation do not matter to a phrase. */
export function normalizeForMatching(text: string): string {
  return normalizeArabic(text.normalize('NFKC').toLowerCase())
    // A Latin word written against Chinese, Japanese or Korean ("IB课程", "A레벨") is still a word of its own.
    .replace(LATIN_NEXT_TO_UNSPACED, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

/** Scripts written without spaces between words: their phrases match as substrings. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** How many characters a text in those scripts has once normalized: matching decomposes Hangul syllables into letters, a length counts them whole. */
export const unspacedLength = (text: string) => [...normalizeForMatching(text).normalize('NFC').replace(/ /gu, '')].length;

const ARABIC = /\p{Script=Arabic}/u;
/** An article or conjunction Arabic attaches to the next word, longest first. */
const ARABIC_CLITIC = /^(?:وال|بال|فال|لل|ال|و|ب|ف)(?=\p{L}{2})/u;

/** Needles are looked up by their first KEY_LENGTH characters (or all of a shorter one). */
const KEY_LENGTH = 3;

/** Every substring of up to KEY_LENGTH characters: the keys under which a needle found in `text` is indexed. */
function keysIn(forms: string[]): Set<string> {
  const keys = new Set<string>();
  for (const form of forms) {
    for (let start = 0; start < form.length; start++) {
      for (let length = 1; length <= KEY_LENGTH && start + length <= form.length; length++) keys.add(form.slice(start, start + length));
    }
  }
  return keys;
}

/** A message prepared for matching: the normalized text, and the same with Arabic clitics detached. */
export interface PreparedText {
  /** " word word … " — spaces at both ends, so a word is found as " word ". */
  readonly spaced: string;
  /** The same, each Arabic word without the clitic it starts with. */
  readonly withoutClitics: string;
  /** Every substring of up to KEY_LENGTH characters of either form: the keys of the phrases that can occur. */
  readonly keys: ReadonlySet<string>;
}

/**
 * The message last prepared. Answering one message asks a dozen phrase lists in several modules about it (emergency,
 * other places, facts, lists), each preparing it again; for a long message, the keys alone cost a millisecond.
 */
let lastPrepared: { text: string; prepared: PreparedText } | undefined;

export function prepareText(text: string): PreparedText {
  if (lastPrepared?.text === text) return lastPrepared.prepared;
  const normalized = normalizeForMatching(text);
  const spaced = ` ${normalized} `;
  const withoutClitics = ` ${normalized.split(' ').map((word) => word.replace(ARABIC_CLITIC, '')).join(' ')} `;
  const prepared = { spaced, withoutClitics, keys: keysIn(spaced === withoutClitics ? [spaced] : [spaced, withoutClitics]) };
  lastPrepared = { text, prepared };
  return prepared;
}

interface CompiledPart {
  /** What must occur in the prepared text (in `spaced`, or for an Arabic part in either form). */
  needle: string;
  /** The part's length once normalized: how specific it is. */
  length: number;
  matches: (text: PreparedText) => boolean;
}

/**
 * Matching sees Hangul syllables as letters, so a phrase whose last syllable ends in a vowel would also be found in a
 * syllable that closes it with a consonant: "영어" (English) in "영업" (business), "전화" (phone) in "전환"
 * (conversion). Such a phrase matches only where no closing consonant follows.
 */
const HANGUL_OPEN_END = /[\u1161-\u1175]$/u;
const HANGUL_CLOSING = /^[\u11A8-\u11C2]/u;

function occursUnclosed(text: string, needle: string): boolean {
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (!HANGUL_CLOSING.test(text.slice(at + needle.length, at + needle.length + 1))) return true;
  }
  return false;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compilePart(part: string): CompiledPart {
  const prefix = part.endsWith('*');
  const normalized = normalizeForMatching(prefix ? part.slice(0, -1) : part);
  if (UNSPACED.test(normalized)) {
    const found = HANGUL_OPEN_END.test(normalized) ? (form: string) => occursUnclosed(form, normalized) : (form: string) => form.includes(normalized);
    return { needle: normalized, length: normalized.length, matches: (text) => found(text.spaced) };
  }
  const needle = prefix ? ` ${normalized}` : ` ${normalized} `;
  const words = part.split(/\s+/);
  // A "*" inside a part ("перв* очеред*", "tombé* du + étage") makes that word a prefix too: a pattern, not a needle.
  const inner = words.slice(0, -1).some((word) => word.endsWith('*'));
  const pattern = inner
    ? new RegExp(` ${words.map((word) => escapeRegExp(normalizeForMatching(word)) + (word.endsWith('*') ? '\\S*' : '')).join(' ')}${prefix ? '' : ' '}`, 'u')
    : undefined;
  const found = pattern ? (form: string) => pattern.test(form) : (form: string) => form.includes(needle);
  // The index key must occur whenever the part does: with a pattern, that is its first word's start.
  const key = pattern ? ` ${normalizeForMatching(words[0])}` : needle;
  if (ARABIC.test(normalized)) return { needle: key, length: normalized.length, matches: (text) => found(text.spaced) || found(text.withoutClitics) };
  return { needle: key, length: normalized.length, matches: (text) => found(text.spaced) };
}

function compileParts(phrase: string): CompiledPart[] {
  return phrase.split(' + ').map((part) => part.trim()).filter(Boolean).map(compilePart);
}

/**
 * A list of phrases, each with a value, that answers "which is the first phrase in the list this message
 * contains?" without testing them all: each phrase is indexed under the start of its longest part, and only the
 * phrases whose key occurs in the message are tested, in list order. The result is the same as testing every
 * phrase in order.
 */
export class PhraseList<T> {
  private readonly phrases: { parts: CompiledPart[]; value: T }[];
  private readonly byKey = new Map<string, number[]>();

  constructor(items: readonly { phrase: string; value: T }[]) {
    this.phrases = items.map(({ phrase, value }) => ({ parts: compileParts(phrase), value }));
    this.phrases.forEach(({ parts }, index) => {
      const longest = parts.reduce((best, part) => (part.needle.length > best.length ? part.needle : best), '');
      const key = longest.slice(0, KEY_LENGTH);
      const indices = this.byKey.get(key);
      if (indices) indices.push(index);
      else this.byKey.set(key, [index]);
    });
  }

  first(text: PreparedText): T | undefined {
    for (const index of this.candidates(text)) {
      const { parts, value } = this.phrases[index];
      if (parts.every((part) => part.matches(text))) return value;
    }
    return undefined;
  }

  /**
   * The value of the longest phrase the message contains (its parts' lengths added), the earliest of equals: the
   * most specific wording wins, as "office hours" over "call" in "can I call at 2am or only in office hours?".
   */
  longest(text: PreparedText): T | undefined {
    let best: { length: number; value: T } | undefined;
    for (const index of this.candidates(text)) {
      const { parts, value } = this.phrases[index];
      const length = parts.reduce((sum, part) => sum + part.length, 0);
      if ((!best || length > best.length) && parts.every((part) => part.matches(text))) best = { length, value };
    }
    return best?.value;
  }

  /** The values of every phrase the message contains, each once, in list order. */
  all(text: PreparedText): T[] {
    const values = new Set<T>();
    for (const index of this.candidates(text)) {
      const { parts, value } = this.phrases[index];
      if (parts.every((part) => part.matches(text))) values.add(value);
    }
    return [...values];
  }

  /** The phrases whose key occurs in the message, in list order. */
  private candidates(text: PreparedText): number[] {
    const candidates: number[] = [...(this.byKey.get('') ?? [])]; // a phrase with no part matches anything
    for (const key of text.keys) {
      const indices = this.byKey.get(key);
      if (indices) candidates.push(...indices);
    }
    return [...new Set(candidates)].sort((a, b) => a - b);
  }
}
