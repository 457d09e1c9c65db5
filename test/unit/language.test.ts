import { describe, expect, it } from 'vitest';
import { createLocalizer } from '../../services/i18n.js';
import { analyze, normalizeArabic } from '../../services/language/analyze.js';
import { resolveLanguage } from '../../services/language/detect.js';
import { createLanguageSwitchDetector } from '../../services/language/switch.js';
import { langFromLocale } from '../../services/languages.js';

describe('analyzers', () => {
  it('stems and folds English, French, Spanish and German', () => {
    expect(analyze('Appointments at the hospitals', 'en')).toEqual(analyze('appointment hospital', 'en'));
    expect(analyze('Où renouveler mon titre de séjour ?', 'fr')).toEqual(expect.arrayContaining(['renouvel', 'sejour']));
    expect(analyze('hospitales', 'es')).toEqual(analyze('hospital', 'es'));
    expect(analyze('Krankenhäuser', 'de')).toEqual(analyze('Krankenhaus', 'de'));
  });

  it('drops stopwords of the language', () => {
    expect(analyze('where is the school', 'en')).toEqual(['school']);
    expect(analyze('wo ist die Schule', 'de')).toEqual(['schul']);
  });

  it('stems Russian and folds ё', () => {
    expect(analyze('больницы', 'ru')).toEqual(analyze('больница', 'ru'));
    expect(analyze('ёлка', 'ru')).toEqual(analyze('елка', 'ru'));
  });

  it('normalizes Arabic alef forms, diacritics, tatweel and taa marbuta', () => {
    expect(normalizeArabic('إسعافٌ')).toBe('اسعاف');
    expect(normalizeArabic('مدرسـة')).toBe('مدرسه');
    expect(analyze('المستشفى', 'ar')).toEqual(analyze('مستشفى', 'ar'));
  });

  it('indexes Chinese and Japanese as words plus character bigrams, independent of segmentation', () => {
    const terms = analyze('怎么预约协和医院', 'zh');
    expect(terms).toEqual(expect.arrayContaining(['预约', '协和', '医院', '协和医院']));
    expect(analyze('協和病院の予約', 'ja')).toEqual(expect.arrayContaining(['協和', '病院', '予約']));
    expect(analyze('ビザの延長', 'ja')).toEqual(expect.arrayContaining(['ビザ', '延長']));
  });

  it('lets a Korean word with a particle match the bare word', () => {
    expect(analyze('병원에서', 'ko')).toEqual(expect.arrayContaining(['병원']));
  });

  it('analyzes each word by its own script in code-mixed text', () => {
    expect(analyze('how to 预约 PUMCH', 'en')).toEqual(expect.arrayContaining(['预约', 'pumch']));
  });
});

describe('language resolution', () => {
  it('decides non-Latin scripts by script', () => {
    expect(resolveLanguage('怎么预约协和医院').lang).toBe('zh');
    expect(resolveLanguage('予約はどうすればいいですか').lang).toBe('ja');
    expect(resolveLanguage('병원 예약').lang).toBe('ko');
    expect(resolveLanguage('أين المستشفى؟').lang).toBe('ar');
    expect(resolveLanguage('Где больница?').lang).toBe('ru');
  });

  it('detects Latin-script languages in full sentences', () => {
    expect(resolveLanguage('How do I renew my residence permit?')).toEqual({ lang: 'en', source: 'detector' });
    expect(resolveLanguage('Comment renouveler mon titre de séjour ?').lang).toBe('fr');
    expect(resolveLanguage('¿Dónde puedo renovar mi permiso de residencia?').lang).toBe('es');
    expect(resolveLanguage('Wo kann ich meinen Aufenthaltstitel verlängern?').lang).toBe('de');
  });

  it('keeps the conversation language for short or ambiguous messages', () => {
    expect(resolveLanguage('PUMCH?', { conversationLang: 'zh' })).toEqual({ lang: 'zh', source: 'conversation' });
    expect(resolveLanguage('ok', { conversationLang: 'ar' }).lang).toBe('ar');
    expect(resolveLanguage('visa extension', { conversationLang: 'fr' }).lang).toBe('fr');
    expect(resolveLanguage('病院予約', { conversationLang: 'ja' }).lang).toBe('ja');
  });

  it('falls back to the channel locale, then English', () => {
    expect(resolveLanguage('PUMCH?', { locale: 'de-DE' })).toEqual({ lang: 'de', source: 'locale' });
    expect(resolveLanguage('PUMCH?', { locale: 'pt-BR' })).toEqual({ lang: 'en', source: 'default' });
    expect(langFromLocale('zh-Hans-CN')).toBe('zh');
  });

  it('reads a sentence in a non-Latin script with Latin names or Chinese terms in it as that script\'s language', () => {
    expect(resolveLanguage('كيف أحجز موعداً في PUMCH International Medical Services؟').lang).toBe('ar');
    expect(resolveLanguage('где сделать 工作许可 и 居留许可 вместе за 5 дней').lang).toBe('ru');
    expect(resolveLanguage('居留许可 renewal 在哪里办').lang).toBe('zh');
  });

  it('lets a clear sentence in another language win over the conversation language', () => {
    expect(resolveLanguage('How do I book an appointment at PUMCH?', { conversationLang: 'zh' }).lang).toBe('en');
  });
});

describe('languages we do not speak', () => {
  it.each([
    ['Dove posso rinnovare il permesso di soggiorno a Pechino?', 'it'],
    ['Tôi có thể gia hạn giấy phép cư trú ở đâu?', 'vi'],
    ['Onde posso renovar minha autorização de residência em Pequim?', 'pt'],
    ['کجا می‌توانم اجازه اقامتم را تمدید کنم؟', 'fa'],
    ['ฉันจะต่ออายุวีซ่าได้ที่ไหน', 'und'],
  ])('%s is recognised as %s and answered in the conversation language', (text, code) => {
    expect(resolveLanguage(text, { conversationLang: 'fr' })).toMatchObject({ lang: 'fr', unsupported: code });
    expect(resolveLanguage(text)).toMatchObject({ lang: 'en', unsupported: code });
  });

  it.each(['How do I renew my residence permit?', 'Comment renouveler mon titre de séjour ?', 'visa extension', 'PUMCH international department booking', 'أين يمكنني تجديد تصريح الإقامة؟'])(
    'does not take %s for a language we lack',
    (text) => {
      expect(resolveLanguage(text).unsupported).toBeUndefined();
    },
  );
});

describe('explicit language switches', () => {
  const detect = createLanguageSwitchDetector(createLocalizer('locales'));
  it.each([
    ['English please', 'en'], ['中文', 'zh'], ['请用英语回答', 'en'], ['en français svp', 'fr'], ['Español', 'es'],
    ['по-русски пожалуйста', 'ru'], ['بالعربية من فضلك', 'ar'], ['Deutsch bitte', 'de'], ['日本語で', 'ja'], ['한국어로 해주세요', 'ko'],
    // With the reason after the request, or in Japanese and Korean before it.
    ['Kannst du das bitte auf Chinesisch schreiben? Will das unserer HR zeigen', 'zh'],
    ['중국어로 알려줘요. 중국 친구한테 보여주게', 'zh'],
    ['영어로 다시 말해줄 수 있어요?', 'en'],
    ['中国人の同僚に転送したいから中国語でお願い！', 'zh'],
  ])('%s switches to %s', (text, lang) => {
    expect(detect(text)).toBe(lang);
  });

  it.each(['French school near Chaoyang', 'ok', '120', 'How do I learn Chinese in Beijing?', 'How do I renew my visa? In English please', '日本語が通じる病院を探しているから教えて'])('%s is not a switch', (text) => {
    expect(detect(text)).toBeUndefined();
  });
});
