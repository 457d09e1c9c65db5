import { eld } from 'eld/medium';
import { isLang, langFromLocale, type Lang } from '../languages.js';
import { countScripts, scriptOf } from './script.js';

const LATIN_LANGS = ['en', 'fr', 'es', 'de'] as const satisfies readonly Lang[];

/** Below this, a Latin-script message is too short to tell English from French ("ok", "PUMCH?", "visa"). */
const MIN_LATIN_LETTERS = 12;
const MIN_LATIN_WORDS = 2;
/** A detector lead smaller than this is a tie: the language the conversation already has wins it. */
const MIN_LEAD = 0.04;
/**
 * A message is in a language we do not speak (Italian, Vietnamese, Persian...) only on clear evidence: enough
 * letters, and the detector's best language well ahead of all of ours. A short or mixed message gets the benefit
 * of the doubt.
 */
const MIN_UNSUPPORTED_LETTERS = 16;
const MIN_UNSUPPORTED_LEAD = 0.1;

export type LanguageSource = 'script' | 'detector' | 'conversation' | 'locale' | 'default';

export interface ResolvedLanguage {
  lang: Lang;
  /** What decided it. Only `script` and `detector` are evidence from the message itself. */
  source: LanguageSource;
  /** The message is in a language we do not speak (its ISO 639-1 code, or `und` for a script we do not read). */
  unsupported?: string;
}

export interface LanguageHints {
  /** The language the conversation has been using, or that the user chose. */
  conversationLang?: Lang;
  /** The channel's locale (`activity.locale`), e.g. the browser language. */
  locale?: string;
}

function prior(hints: LanguageHints): ResolvedLanguage {
  if (hints.conversationLang) return { lang: hints.conversationLang, source: 'conversation' };
  const fromLocale = langFromLocale(hints.locale);
  if (fromLocale) return { lang: fromLocale, source: 'locale' };
  return { lang: 'en', source: 'default' };
}

/** The language eld finds when it is none of `ours` and clearly ahead of them; undefined otherwise. */
function unsupportedLanguage(scores: [string, number][], ours: readonly string[], letters: number): string | undefined {
  if (letters < MIN_UNSUPPORTED_LETTERS) return undefined;
  const [best] = scores;
  const bestOfOurs = scores.find(([lang]) => ours.includes(lang))?.[1] ?? 0;
  return best && !ours.includes(best[0]) && best[1] - bestOfOurs >= MIN_UNSUPPORTED_LEAD ? best[0] : undefined;
}

function scoresOf(text: string): [string, number][] {
  return Object.entries(eld.detect(text).getScores()).sort((a, b) => b[1] - a[1]);
}

function detectLatin(text: string, fallback: ResolvedLanguage): ResolvedLanguage {
  const words = text.match(/\p{L}+/gu) ?? [];
  const letters = words.join('').length;
  if (words.length < MIN_LATIN_WORDS || letters < MIN_LATIN_LETTERS) return fallback;

  const allScores = scoresOf(text);
  const unsupported = unsupportedLanguage(allScores, LATIN_LANGS, letters);
  if (unsupported) return { ...fallback, unsupported };
  const scores = allScores.filter(([lang]) => (LATIN_LANGS as readonly string[]).includes(lang));
  const [best, second] = scores;
  if (!best || !isLang(best[0])) return fallback;
  // "visa extension" is English and French alike: a near tie is no evidence, so the language we have wins it.
  const fallbackScore = scores.find(([lang]) => lang === fallback.lang)?.[1];
  const tiesWithFallback = fallback.lang !== best[0] && fallbackScore !== undefined && best[1] - fallbackScore < MIN_LEAD;
  const lead = best[1] - (second?.[1] ?? 0);
  if (tiesWithFallback || lead < MIN_LEAD) return fallback.source === 'default' ? { lang: best[0], source: 'default' } : fallback;
  return { lang: best[0], source: 'detector' };
}

/**
 * Decides which language to answer a message in. The writing system settles most cases (kana is Japanese,
 * hangul Korean, Arabic script Arabic, Cyrillic Russian, Han alone Chinese); Latin script goes to a
 * detector restricted to our four Latin-script languages. Short or ambiguous messages ("ok", "PUMCH?")
 * keep the conversation's language, then the channel locale, then English.
 */
export function resolveLanguage(text: string, hints: LanguageHints = {}): ResolvedLanguage {
  const fallback = prior(hints);
  const counts = countScripts(text);
  const script = (lang: Lang): ResolvedLanguage => ({ lang, source: 'script' });

  if (counts.kana > 0) return script('ja');
  if (counts.hangul > 0) return script('ko');
  // Kanji-only Japanese ("病院予約") looks like Chinese: a Japanese conversation keeps Japanese.
  if (counts.han > 0 && fallback.lang === 'ja') return fallback;

  // Residents drop Latin names and terms (PUMCH, work permit) into sentences of their own script far more often
  // than the reverse, and a Han character carries about a word: non-Latin scripts weigh three times a Latin letter.
  const weights: [Lang | 'latin', number][] = [
    ['zh', counts.han * 3],
    ['ar', counts.arabic * 3],
    ['ru', counts.cyrillic * 3],
    ['latin', counts.latin],
  ];
  const present = weights.filter(([, weight]) => weight > 0);
  const otherLetters = [...text].filter((char) => scriptOf(char) === 'other' && /\p{L}/u.test(char)).length;
  // Thai, Devanagari, Hebrew, Greek...: a script none of our languages is written in.
  if (otherLetters >= MIN_UNSUPPORTED_LETTERS / 2 && otherLetters * 3 > present.reduce((sum, [, weight]) => sum + weight, 0)) {
    return { ...fallback, unsupported: 'und' };
  }
  if (present.length === 0) return fallback;
  // In a code-mixed message ("how to 预约 PUMCH"), a conversation language that fits one of its scripts wins.
  const fitsFallback = present.some(([key]) =>
    key === 'latin' ? (LATIN_LANGS as readonly Lang[]).includes(fallback.lang) : key === fallback.lang,
  );
  if (present.length > 1 && fitsFallback && fallback.source !== 'default') return fallback;

  const [dominant] = present.sort((a, b) => b[1] - a[1])[0];
  if (dominant === 'latin') return detectLatin(text, fallback);
  // Persian and Urdu share the Arabic script.
  const unsupported = dominant === 'ar' ? unsupportedLanguage(scoresOf(text), ['ar'], counts.arabic) : undefined;
  return unsupported ? { ...fallback, unsupported } : script(dominant);
}
