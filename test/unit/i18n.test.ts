import { describe, expect, it } from 'vitest';
import { createLocalizer, readLocaleResources } from '../../services/i18n.js';
import { DISTRICTS, PHONE_KINDS } from '../../services/knowledge/schema.js';
import { LANGS } from '../../services/languages.js';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function interpolations(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort() : [];
}

const resources = readLocaleResources('locales');
const english = resources.en.translation as Record<string, unknown>;

describe('locales', () => {
  it.each(LANGS)('%s has exactly the English keys', (lang) => {
    expect(keyPaths(resources[lang].translation).sort()).toEqual(keyPaths(english).sort());
  });

  it.each(LANGS)('%s uses the same interpolation variables as English in every string', (lang) => {
    const localizer = createLocalizer('locales');
    for (const key of keyPaths(english)) {
      expect(interpolations(localizer.t(lang, key)), `${lang}:${key}`).toEqual(interpolations(localizer.t('en', key)));
    }
  });

  it('labels every district and phone kind the schema allows', () => {
    const localizer = createLocalizer('locales');
    for (const lang of LANGS) {
      for (const district of DISTRICTS) expect(localizer.t(lang, `district.${district}`)).not.toMatch(/^district\./);
      for (const kind of PHONE_KINDS) expect(localizer.t(lang, `phoneKind.${kind}`)).not.toMatch(/^phoneKind\./);
    }
  });

  it('offers three starter questions in every language, and only the Latin alphabet where it belongs', () => {
    const localizer = createLocalizer('locales');
    for (const lang of LANGS) expect(localizer.list(lang, 'welcome.starters')).toHaveLength(3);
    expect(localizer.t('ar', 'fallback.noMatch')).toMatch(/12345/);
    expect(localizer.t('ar', 'district.miyun')).not.toMatch(/[a-z]/i);
  });

  it('gives the emergency numbers with every "I don\'t know", in every language', () => {
    const localizer = createLocalizer('locales');
    for (const lang of LANGS) {
      const noMatch = localizer.t(lang, 'fallback.noMatch');
      for (const number of ['12345', '110', '120', '119']) expect(noMatch).toContain(number);
      expect(noMatch).not.toContain('$t(');
    }
  });
});
