import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type Resource } from 'i18next';
import { LANGS, type Lang } from './languages.js';

export type Translate = (lang: Lang, key: string, values?: Record<string, unknown>) => string;

export interface Localizer {
  t: Translate;
  /** Arrays and objects stored under a key (starter questions, switch fillers). */
  list: (lang: Lang, key: string) => string[];
  /** The whole resource bundle of one language, as served to the browser widget. */
  bundle: (lang: Lang) => Record<string, unknown>;
}

/** Reads `locales/<lng>/translation.json` for each of the nine languages. */
export function readLocaleResources(localesDir: string): Resource {
  return Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      { translation: JSON.parse(readFileSync(join(localesDir, lang, 'translation.json'), 'utf8')) as Record<string, unknown> },
    ]),
  );
}

/**
 * An i18next instance of its own (not the global one), initialised synchronously from the bundled resources.
 * A missing key falls back to English, then shows the key itself, which the key-parity test prevents.
 */
export function createLocalizer(localesDir: string): Localizer {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources: readLocaleResources(localesDir),
    supportedLngs: [...LANGS],
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return {
    t: (lang, key, values) => instance.t(key, { lng: lang, ...values }) as string,
    list: (lang, key) => {
      const value: unknown = instance.t(key, { lng: lang, returnObjects: true });
      return Array.isArray(value) ? value.map(String) : [];
    },
    bundle: (lang) => instance.getResourceBundle(lang, 'translation') as Record<string, unknown>,
  };
}
