/** The nine languages the product speaks. Chinese is the source language of the knowledge base. */
export const LANGS = ['zh', 'en', 'fr', 'es', 'ru', 'ar', 'de', 'ja', 'ko'] as const;
export type Lang = (typeof LANGS)[number];

export const SOURCE_LANG: Lang = 'zh';
export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag such as `fr-CA` or `zh-Hans-CN` to one of our languages, if any. */
export function langFromLocale(locale: string | undefined | null): Lang | undefined {
  if (!locale) return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  return isLang(primary) ? primary : undefined;
}

export function textDirection(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}
