import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../web/widget/language.js';

describe('the widget\'s first language', () => {
  it('keeps the visitor\'s earlier choice over everything else', () => {
    expect(chooseLanguage('ar', 'fr', ['ja-JP'])).toBe('ar');
  });

  it('then takes the portal\'s data-lang, regional variants included', () => {
    expect(chooseLanguage(undefined, 'fr', ['ja-JP'])).toBe('fr');
    expect(chooseLanguage(undefined, 'zh-Hans-CN', ['ja-JP'])).toBe('zh');
  });

  it('then the first browser language it speaks', () => {
    expect(chooseLanguage(undefined, undefined, ['pt-BR', 'ko-KR', 'en'])).toBe('ko');
    expect(chooseLanguage(undefined, 'klingon', ['de-AT'])).toBe('de');
  });

  it('falls back to English, and ignores a saved value that is not a language', () => {
    expect(chooseLanguage(undefined, undefined, ['pt-BR', 'it'])).toBe('en');
    expect(chooseLanguage('xx', undefined, [])).toBe('en');
  });
});
