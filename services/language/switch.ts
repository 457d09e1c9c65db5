import { LANGS, type Lang } from '../languages.js';
import type { Localizer } from '../i18n.js';
import { normalizeArabic } from './analyze.js';

export type LanguageSwitchDetector = (text: string) => Lang | undefined;

/** Longer requests are questions, not requests to change language. */
const MAX_SWITCH_LENGTH = 60;
/**
 * A request may come first in a longer message, with the reason after it ("in English please, it's for my
 * coworker"); in Japanese and Korean, also last, after a reason ending in "because" or "so that"
 * ("中国人の同僚に転送したいから中国語でお願い"). Anything else before a request may be a question to answer.
 */
const MAX_MESSAGE_LENGTH = 120;
const CLAUSE_END = /[.?!;,。?!;,、؟،]/u;
const AFTER_REASON = /(?:から|ので|ために|니까|라서|려고)[\s、,]*/u;

function normalize(text: string): string {
  return normalizeArabic(text.normalize('NFKC').toLowerCase())
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .trim();
}

/**
 * Recognises an explicit request to change language: "English please", "中文", "en français", "日本語で",
 * "한국어로 해주세요". Language names come from ICU (every language's name in each of our languages) and
 * from each locale's own name and aliases; the filler words around them ("please", "请用") from the locales.
 */
export function createLanguageSwitchDetector(localizer: Localizer): LanguageSwitchDetector {
  const names: { name: string; lang: Lang }[] = [];
  for (const displayLang of LANGS) {
    const displayNames = new Intl.DisplayNames([displayLang], { type: 'language' });
    for (const lang of LANGS) names.push({ name: normalize(displayNames.of(lang) ?? lang), lang });
  }
  for (const lang of LANGS) {
    for (const name of [localizer.t(lang, 'language.name'), ...localizer.list(lang, 'language.aliases')]) {
      names.push({ name: normalize(name), lang });
    }
  }
  names.sort((a, b) => b.name.length - a.name.length);

  const fillers = [...new Set(LANGS.flatMap((lang) => localizer.list(lang, 'language.switchFillers').map(normalize)))].sort(
    (a, b) => b.length - a.length,
  );

  const requestedIn = (request: string): Lang | undefined => {
    const message = normalize(request);
    if (!message || message.length > MAX_SWITCH_LENGTH) return undefined;
    for (const { name, lang } of names) {
      if (!name || !message.includes(name)) continue;
      let rest = message.replace(name, ' ');
      // Fillers are removed as whole words, and inside unspaced scripts (请用英语回答) as substrings.
      for (const filler of fillers) {
        rest = rest.split(/\s+/).filter((word) => word !== filler).join(' ');
        if (/[^\p{Script=Latin}\p{Script=Cyrillic}\s]/u.test(filler)) rest = rest.split(filler).join(' ');
      }
      if (rest.trim() === '') return lang;
    }
    return undefined;
  };

  return (text) => {
    if (text.length > MAX_MESSAGE_LENGTH) return undefined;
    const afterReason = text.split(AFTER_REASON);
    return requestedIn(text) ?? requestedIn(text.split(CLAUSE_END)[0]) ?? (afterReason.length > 1 ? requestedIn(afterReason.at(-1)!) : undefined);
  };
}
