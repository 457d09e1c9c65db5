import { DEFAULT_LANG, isLang, langFromLocale, type Lang } from '../../services/languages.js';

/**
 * The language the widget opens in: the visitor's choice earlier in this tab, then the portal's `data-lang`,
 * then the browser's preferred languages in order, then English.
 */
export function chooseLanguage(saved: string | undefined, requested: string | undefined, browser: readonly string[]): Lang {
  if (isLang(saved)) return saved;
  return langFromLocale(requested) ?? browser.map(langFromLocale).find(isLang) ?? DEFAULT_LANG;
}
