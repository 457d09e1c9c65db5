/**
 * Language names as residents write them, in our 9 languages (phrase syntax in phrases.ts), by ISO 639-1 code: for
 * "hospitals in Arabic" and "do they speak Japanese?".
 */
export const LANGUAGE_NAMES: Record<string, string[]> = {
  en: ['english', 'anglais', 'inglés', 'ingles', 'английск*', 'по английски', 'الإنجليزية', 'الانجليزية', 'إنجليزية', 'إنجليزي*', 'englisch*', '英语', '英文', '英語', '영어', 'anglophone*', 'anglófon*', 'англоговорящ*', 'англоязычн*'],
  fr: ['french', 'français', 'francais', 'francés', 'frances', 'французск*', 'الفرنسية', 'فرنسية', 'französisch*', '法语', '法文', 'フランス語', '프랑스어', 'francophone*', 'francófon*', 'франкоговорящ*', 'франкоязычн*'],
  es: ['spanish', 'espagnol', 'español', 'espanol', 'испанск*', 'الإسبانية', 'إسبانية', 'spanisch*', '西班牙语', 'スペイン語', '스페인어', 'hispanophone*', 'hispanohablante*', 'испаноязычн*'],
  ru: ['russian', 'russe', 'ruso', 'русск*', 'الروسية', 'روسية', 'russisch*', '俄语', 'ロシア語', '러시아어', 'russophone*', 'русскоязычн*', 'русскоговорящ*'],
  ar: ['arabic', 'arabe', 'árabe', 'арабск*', 'العربية', 'عربية', 'عربي', 'arabisch*', '阿拉伯语', 'アラビア語', '아랍어'],
  de: ['german', 'allemand', 'alemán', 'aleman', 'немецк*', 'الألمانية', 'ألمانية', 'deutsch*', '德语', 'ドイツ語', '독일어', 'germanophone*', 'немецкоязычн*', 'немецкоговорящ*'],
  ja: ['japanese', 'japonais', 'japonés', 'japones', 'японск*', 'اليابانية', 'يابانية', 'japanisch*', '日语', '日本语', '日本語', '일본어'],
  ko: ['korean', 'coréen', 'coreen', 'coreano', 'корейск*', 'الكورية', 'كورية', 'koreanisch*', '韩语', '韩国语', '韓国語', '한국어'],
  zh: ['chinese', 'mandarin', 'chinois', 'chino', 'китайск*', 'الصينية', 'صينية', 'chinesisch*', '汉语', '中文', '中国語', '중국어'],
  it: ['italian', 'italien', 'italiano', 'итальянск*', 'الإيطالية', 'italienisch*', '意大利语', 'イタリア語', '이탈리아어'],
};
