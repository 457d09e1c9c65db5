import { stemmer as stemArabic } from '@orama/stemmers/arabic';
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stemmer as stemGerman } from '@orama/stemmers/german';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { stemmer as stemSpanish } from '@orama/stemmers/spanish';
import { stopwords as arabicStopwords } from '@orama/stopwords/arabic';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import { stopwords as germanStopwords } from '@orama/stopwords/german';
import { stopwords as japaneseStopwords } from '@orama/stopwords/japanese';
import { stopwords as chineseStopwords } from '@orama/stopwords/mandarin';
import { stopwords as russianStopwords } from '@orama/stopwords/russian';
import { stopwords as spanishStopwords } from '@orama/stopwords/spanish';
import type { Lang } from '../languages.js';
import { scriptOf, wordScript } from './script.js';

type Stemmer = (word: string) => string;

/** Latin-script words in a text of another language (PUMCH in a Chinese question) are treated as English. */
const LATIN_STEMMER: Partial<Record<Lang, Stemmer>> = { en: stemEnglish, fr: stemFrench, es: stemSpanish, de: stemGerman };
const LATIN_STOPWORDS: Partial<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(englishStopwords),
  fr: new Set(frenchStopwords),
  es: new Set(spanishStopwords),
  de: new Set(germanStopwords),
};
const RUSSIAN_STOPWORDS = new Set(russianStopwords);
const ARABIC_STOPWORDS = new Set(arabicStopwords.map(normalizeArabic));
const CJK_STOPWORDS: ReadonlySet<string> = new Set([...chineseStopwords, ...japaneseStopwords]);

const segmenters = new Map<Lang, Intl.Segmenter>();
/** Intl's word segmenter for a language, made once (building one costs far more than using it). */
export function segmenterFor(lang: Lang): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/** Arabic: drop diacritics and tatweel, unify alef forms, taa marbuta and alef maqsura. */
export function normalizeArabic(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي');
}

function stripLatinDiacritics(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
}

/** Han and katakana carry the content of Chinese and Japanese text; hiragana is mostly grammar. */
function isCjkContentChar(char: string): boolean {
  const script = scriptOf(char);
  return script === 'han' || (script === 'kana' && /[\p{Script=Katakana}ー]/u.test(char));
}

/** Character bigrams over runs of Han/katakana, so matching does not depend on word segmentation. */
function cjkNgrams(text: string): string[] {
  const grams: string[] = [];
  const runs = text.match(/[\p{Script=Han}\p{Script=Katakana}ー]+/gu) ?? [];
  for (const run of runs) {
    const chars = [...run].filter(isCjkContentChar);
    if (chars.length === 1) grams.push(chars[0]);
    for (let i = 0; i < chars.length - 1; i++) grams.push(chars[i] + chars[i + 1]);
  }
  return grams;
}

/**
 * One word of a text: its index terms, and how to judge whether an entry matches it. The word counts as fully
 * matched when any of `whole` is matched; otherwise by the share of `parts` matched (a Chinese word by its
 * character bigrams, a Korean compound by the bigrams of its stem).
 */
export interface AnalyzedWord {
  terms: string[];
  match: { whole: string[]; parts: string[] };
}

function bigramsOf(chars: string[]): string[] {
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

function analyzeWord(word: string, lang: Lang): AnalyzedWord | undefined {
  const single = (term: string): AnalyzedWord => ({ terms: [term], match: { whole: [term], parts: [] } });
  switch (wordScript(word)) {
    case 'latin': {
      const stopwords = LATIN_STOPWORDS[lang] ?? LATIN_STOPWORDS.en!;
      if (stopwords.has(word)) return undefined;
      return single(stripLatinDiacritics((LATIN_STEMMER[lang] ?? stemEnglish)(word)));
    }
    case 'cyrillic': {
      const folded = word.replace(/ё/g, 'е');
      return RUSSIAN_STOPWORDS.has(folded) ? undefined : single(stemRussian(folded));
    }
    case 'arabic':
      return ARABIC_STOPWORDS.has(word) ? undefined : single(normalizeArabic(stemArabic(word)));
    case 'hangul': {
      // Korean attaches particles to words (병원에서 = at the hospital, 학교가 = school + subject marker). The
      // word minus one or two final syllables is indexed as a stem candidate, so 학교가 meets 학교는 on 학교;
      // bigrams let a compound (한국국제학교) still match its parts.
      const chars = [...word];
      const stems = [1, 2].filter((cut) => chars.length - cut >= 2).map((cut) => chars.slice(0, -cut).join(''));
      const grams = chars.length > 2 ? bigramsOf(chars) : [];
      const stemGrams = bigramsOf(chars.length > 2 ? chars.slice(0, -1) : chars);
      return { terms: [word, ...stems, ...grams], match: { whole: [word, ...stems], parts: stemGrams } };
    }
    case 'han':
    case 'kana': {
      // Hiragana is grammar; Han and katakana carry the meaning, and their bigrams are indexed separately.
      const content = [...word].filter(isCjkContentChar);
      if (content.length < 2 || CJK_STOPWORDS.has(word)) return undefined;
      const grams = bigramsOf(content);
      return { terms: content.length > 2 ? [content.join('')] : [], match: { whole: [], parts: grams } };
    }
    case 'digit':
      return single(word);
    default:
      return undefined;
  }
}

function normalizeText(text: string): string {
  return normalizeArabic(text.normalize('NFKC').toLowerCase());
}

export interface AnalyzedText {
  /** The words that carry meaning, analyzed: what lexical coverage is measured over. */
  words: AnalyzedWord[];
  /** Every index term: the words' terms plus character bigrams across Han/katakana runs. */
  terms: string[];
}

/**
 * Turns a text into index terms for one language. The same function analyzes knowledge entries and questions,
 * so both sides meet on the same terms. Each word is analyzed by its own script: a Latin abbreviation inside a
 * Chinese question is still matched, and a Chinese word inside an English question still gets its bigrams.
 */
export function analyzeText(text: string, lang: Lang): AnalyzedText {
  const normalized = normalizeText(text);
  const words: AnalyzedWord[] = [];
  // A text repeats its words (an entry its subject, a pasted message anything): each is analyzed once.
  const analyzed = new Map<string, AnalyzedWord | undefined>();
  for (const { segment, isWordLike } of segmenterFor(lang).segment(normalized)) {
    if (!isWordLike) continue;
    // "12345에" and "12345热线" are a number and a word: analyze them apart.
    for (const part of segment.match(/\p{Nd}+|\P{Nd}+/gu) ?? []) {
      if (!analyzed.has(part)) analyzed.set(part, analyzeWord(part, lang));
      const word = analyzed.get(part);
      if (word) words.push(word);
    }
  }
  return { words, terms: [...words.flatMap((word) => word.terms), ...cjkNgrams(normalized)] };
}

/** The index terms of a text (see `analyzeText`). */
export function analyze(text: string, lang: Lang): string[] {
  return analyzeText(text, lang).terms;
}
