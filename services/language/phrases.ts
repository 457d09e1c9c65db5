import { normalizeArabic } from './analyze.js';

/**
 * Finding listed phrases in a message in any of our languages: emergency triggers, names of other cities.
 *
 * A phrase is one or more parts joined by " + ", all of which must occur, in any order ("knife + threat*").
 * Chinese, Japanese and Korean parts match as substrings (those scripts do not space words). Other parts match
 * whole words only, so that Spanish "llamas" (flames) does not fire on "llamar" (to call); a part ending in "*"
 * matches any word that starts with it (Russian "задыха*"), and Arabic words may carry an attached article or
 * conjunction (الإسعاف, وبالإسعاف).
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
const ARABIC_CLITICS = '(?:وال|بال|فال|لل|ال|و|ب|ف)?';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type PartMatcher = string | RegExp;

function partMatcher(part: string): PartMatcher {
  const prefix = part.endsWith('*');
  const normalized = normalizeForMatching(prefix ? part.slice(0, -1) : part);
  if (UNSPACED.test(normalized)) return normalized;
  const clitics = /\p{Script=Arabic}/u.test(normalized) ? ARABIC_CLITICS : '';
  const end = prefix ? '' : '(?=$|[^\\p{L}])';
  return new RegExp(`(?:^|[^\\p{L}])${clitics}${escapeRegExp(normalized)}${end}`, 'u');
}

/** A compiled phrase: test it against text that went through `normalizeForMatching`. */
export type PhraseMatcher = (normalizedText: string) => boolean;

export function compilePhrase(phrase: string): PhraseMatcher {
  const parts = phrase.split(' + ').map((part) => part.trim()).filter(Boolean).map(partMatcher);
  return (text) => parts.every((part) => (typeof part === 'string' ? text.includes(part) : part.test(text)));
}
