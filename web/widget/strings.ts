import type { Lang } from '../../services/languages.js';

/** The widget's UI strings are `widget.*` in locales/<lang>/translation.json; English defines the keys. */
export type WidgetKey = keyof (typeof import('../../locales/en/translation.json'))['widget'];

export interface LanguageOption {
  code: Lang;
  /** The language's name in itself: "Français", "العربية". */
  name: string;
  dir: 'ltr' | 'rtl';
}

export interface Strings {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  languages: LanguageOption[];
  t(key: WidgetKey): string;
}

interface I18nResponse {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  languages: LanguageOption[];
  strings: { widget?: Partial<Record<WidgetKey, string>> };
}

/** One language's UI strings from the server (`GET /api/i18n/:lang`), the same i18next resources the bot uses. */
export async function fetchStrings(origin: string, lang: Lang): Promise<Strings> {
  const response = await fetch(`${origin}/api/i18n/${lang}`);
  if (!response.ok) throw new Error(`GET /api/i18n/${lang} answered ${response.status}`);
  const body = (await response.json()) as I18nResponse;
  const widget = body.strings.widget ?? {};
  return { lang: body.lang, dir: body.dir, languages: body.languages, t: (key) => widget[key] ?? key };
}
