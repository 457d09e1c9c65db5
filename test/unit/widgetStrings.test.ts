import { describe, expect, it } from 'vitest';
import { readLocaleResources } from '../../services/i18n.js';
import { LANGS } from '../../services/languages.js';

// Key parity and interpolation variables across languages are checked for every string in i18n.test.ts.
const resources = readLocaleResources('locales');
const widgetStrings = (lang: string) => (resources[lang].translation as { widget: Record<string, string> }).widget;

const SCRIPTS: Record<string, RegExp> = {
  zh: /\p{Script=Han}/u,
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
  ko: /\p{Script=Hangul}/u,
  ar: /\p{Script=Arabic}/u,
  ru: /\p{Script=Cyrillic}/u,
};

describe('the widget\'s UI strings', () => {
  it.each(LANGS)('%s has every widget string, not empty', (lang) => {
    for (const [key, text] of Object.entries(widgetStrings(lang))) expect(text.trim(), `${lang}:widget.${key}`).not.toBe('');
  });

  it.each(Object.keys(SCRIPTS))('%s writes its UI strings in its own script', (lang) => {
    for (const [key, text] of Object.entries(widgetStrings(lang))) expect(text, `${lang}:widget.${key}`).toMatch(SCRIPTS[lang]);
  });
});
