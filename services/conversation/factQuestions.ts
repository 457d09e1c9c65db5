import { OwnTopicTest } from '../language/ownTopic.js';
import { PhraseList, prepareText } from '../language/phrases.js';
import type { Lang } from '../languages.js';

/**
 * The facts of an entry a resident may ask for on their own ("what's their number?"), the more specific wordings
 * first: "哪个区" asks the district before "在哪" asks the address, "موقع إلكتروني" the website before "موقع".
 */
export const FACT_KINDS = ['district', 'website', 'languages', 'phone', 'hours', 'address'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/**
 * How residents ask for each fact, in our 9 languages (phrase syntax in services/language/phrases.ts). A message may
 * mix languages, so all lists are searched together; the first kind listed wins when a message asks for two.
 */
const PHRASES: Record<FactKind, string[]> = {
  phone: [
    'phone', 'phone number', 'telephone', 'number', 'call them', 'call', 'contact number', 'hotline',
    '电话', '号码', '联系方式', '打电话', '手机',
    'téléphone', 'numéro', 'appeler', 'joindre',
    'teléfono', 'telefono', 'número', 'numero', 'llamar',
    'телефон', 'номер', 'позвонить',
    'هاتف', 'الهاتف', 'رقم', 'الرقم', 'اتصال', 'أتصل',
    'telefon', 'telefonnummer', 'nummer', 'anrufen',
    '電話', '番号', '連絡先',
    '전화', '번호', '연락처',
  ],
  address: [
    'address', 'where is it', 'where are they', 'where exactly', 'located', 'location', 'how do i get there', 'get there',
    '地址', '在哪', '在哪里', '在哪儿', '位置', '怎么去',
    'adresse', 'où se trouve', 'où est', 'ils sont où', 'où exactement', 'situé*', 'y aller',
    'dirección', 'direccion', 'dónde está', 'donde esta', 'dónde queda', 'ubicación', 'ubicacion', 'cómo llego',
    'адрес', 'где находится', 'где это', 'где они', 'как добраться',
    'عنوان', 'العنوان', 'أين يقع', 'أين تقع', 'أين هو', 'أين هي', 'موقع', 'الموقع',
    'adresse', 'wo ist', 'wo liegt', 'wo sind', 'wo genau', 'hinkommen', 'anfahrt',
    '住所', 'どこ', '場所', '行き方',
    '주소', '어디', '위치', '가는 길',
  ],
  hours: [
    'hours', 'opening hours', 'working hours', 'business hours', 'office hours', 'what time', 'open', 'opens', 'close', 'closes', 'closed', 'saturday', 'sunday', 'weekend', 'when',
    '几点', '时间', '营业', '开门', '关门', '上班', '周末', '星期六', '周六', '周日', '开放',
    'horaires', 'horaire', 'ouvert*', 'fermé*', 'ferme', 'samedi', 'dimanche', 'week end', 'quelle heure',
    'horario', 'horarios', 'abierto', 'abren', 'cierran', 'cerrado', 'sábado', 'domingo', 'fin de semana', 'qué hora',
    'часы работы', 'время работы', 'график', 'открыт*', 'работают', 'закрыт*', 'суббот*', 'воскресен*', 'выходн*',
    'ساعات العمل', 'مواعيد العمل', 'ساعات الدوام', 'ساعات', 'مواعيد', 'مفتوح', 'يفتح', 'يغلق', 'السبت', 'الأحد', 'عطلة', 'متى',
    'öffnungszeiten', 'geöffnet', 'offen', 'öffnet', 'geschlossen', 'samstag*', 'sonntag*', 'wochenende', 'wann',
    '営業時間', '受付時間', '何時', '開いて', '土曜', '日曜', '週末', '時間',
    '시간', '영업', '운영', '몇 시', '토요일', '일요일', '주말', '열어', '문 열',
  ],
  website: [
    'website', 'web site', 'site', 'url', 'link', 'online', 'homepage',
    '网站', '网址', '官网', '链接', '网页',
    'site web', 'site internet', 'lien',
    'sitio web', 'página web', 'pagina web', 'web', 'enlace',
    'сайт', 'ссылк*', 'веб сайт',
    'موقع إلكتروني', 'الموقع الإلكتروني', 'رابط', 'الرابط',
    'webseite', 'website', 'internetseite', 'homepage',
    'ウェブサイト', 'サイト', 'ホームページ', 'url',
    '웹사이트', '홈페이지', '사이트', '링크',
  ],
  languages: [
    'speak english', 'speak french', 'speak', 'languages', 'language', 'english speaking', 'interpreter',
    '英语', '英文', '外语', '语言', '说英语', '讲英语', '能讲', '会讲', '能说', '会说', '翻译',
    'parle*', 'langue*', 'anglais', 'français',
    'hablan', 'habla', 'idioma*', 'inglés', 'ingles', 'español',
    'говорят', 'язык*', 'по английски', 'английск*', 'русск*',
    'يتحدث*', 'لغة', 'لغات', 'الإنجليزية', 'العربية',
    'sprechen', 'spricht', 'sprache*', 'englisch', 'deutsch',
    '英語', '日本語', '言語', '話せ', '話す', '通訳',
    '영어', '한국어', '언어', '통역', '말할 수',
  ],
  district: [
    'district', 'which district', 'what district', 'area',
    '哪个区', '什么区', '哪个城区', '哪一区',
    'arrondissement', 'quel quartier', 'quartier',
    'distrito', 'qué distrito', 'en qué distrito', 'barrio',
    'район', 'каком районе',
    'حي', 'منطقة', 'أي حي',
    'bezirk', 'stadtteil', 'welchem bezirk',
    'どの区', '何区', 'どこの区',
    '어느 구', '무슨 구', '몇 구', '어느 지역',
  ],
};

const PHRASE_LIST = new PhraseList(FACT_KINDS.flatMap((kind) => PHRASES[kind].map((phrase) => ({ phrase, value: kind }))));

/** The fact a message asks for, if it names one; the first kind in FACT_KINDS order wins. */
export function askedFact(text: string): FactKind | undefined {
  return PHRASE_LIST.first(prepareText(text));
}

const OWN_TOPIC = new OwnTopicTest(FACT_KINDS.flatMap((kind) => PHRASES[kind]));

/**
 * Whether a message asking a fact has a topic of its own, once its fact words are set aside. "What's their phone
 * number?", "what time do they open?" and "电话号码是多少?" have none; "what number do I call after a traffic
 * accident?" and "交通事故报警电话是多少?" have one.
 */
export function hasOwnTopic(text: string, lang: Lang): boolean {
  return OWN_TOPIC.hasOwnTopic(text, lang);
}
