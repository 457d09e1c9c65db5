import { OwnTopicTest } from '../language/ownTopic.js';
import { PhraseList, prepareText } from '../language/phrases.js';
import type { Lang } from '../languages.js';

/**
 * The facts of an entry a resident may ask for on their own ("what's their number?"). When a message holds the
 * wordings of two, the longer wording wins ("哪个区" asks the district, not "在哪" the address; "موقع إلكتروني" the
 * website, not "موقع"; "영업시간" the hours, not "영어" within it), and of equals, the first kind here.
 */
export const FACT_KINDS = ['district', 'website', 'languages', 'phone', 'hours', 'address'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/**
 * How residents ask for each fact, in our 9 languages (phrase syntax in services/language/phrases.ts), chat forms
 * included ("телефончик", "전번", "وين", "HP"). A message may mix languages, so all lists are searched together.
 */
const PHRASES: Record<FactKind, string[]> = {
  phone: [
    'phone', 'phone number', 'telephone', 'number', 'call them', 'call', 'contact number', 'hotline',
    '电话', '号码', '联系方式', '打电话', '手机',
    'téléphone', 'numéro', 'appeler', 'joindre',
    'teléfono', 'telefono', 'número', 'numero', 'llamar',
    'телефон', 'номер', 'позвонить', 'телефончик', 'дозвониться',
    'هاتف', 'الهاتف', 'رقم', 'الرقم', 'اتصال', 'أتصل', 'رقمهم', 'رقمه', 'تلفون', 'تليفون',
    'telefon', 'telefonnummer', 'nummer', 'anrufen',
    '電話', '番号', '連絡先',
    '전화', '번호', '연락처', '전번',
  ],
  address: [
    'address', 'where is it', 'where are they', 'where exactly', 'where is that', 'where is this', 'located', 'location', 'how do i get there', 'get there',
    '地址', '在哪', '在哪里', '在哪儿', '位置', '怎么去',
    'adresse', 'où se trouve', 'où est', 'ils sont où', 'où exactement', 'situé*', 'y aller',
    'dirección', 'direccion', 'dónde está', 'donde esta', 'dónde queda', 'ubicación', 'ubicacion', 'cómo llego',
    'адрес', 'где находится', 'где это', 'где они', 'как добраться', 'где находятся', 'куда ехать',
    'عنوان', 'العنوان', 'أين يقع', 'أين تقع', 'أين هو', 'أين هي', 'موقع', 'الموقع', 'وين', 'فين', 'مكانه', 'مكانهم',
    'adresse', 'wo ist', 'wo liegt', 'wo sind', 'wo genau', 'hinkommen', 'anfahrt', 'wo sitzen',
    '住所', 'どこ', '場所', '行き方',
    '주소', '어디', '어딨', '어딘가', '위치', '가는 길',
  ],
  hours: [
    'hours', 'opening hours', 'working hours', 'business hours', 'office hours', 'what time', 'open', 'opens', 'close', 'closes', 'closed', 'saturday', 'sunday', 'weekend', 'when', 'weekends', 'saturdays', 'sundays', 'at night', 'midnight', 'round the clock', '24 7', '24 hours', 'holidays',
    '几点', '时间', '营业', '开门', '关门', '上班', '周末', '星期六', '周六', '周日', '开放', '半夜', '夜里', '晚上', '24小时', '节假日', '假期',
    'horaires', 'horaire', 'ouvert*', 'fermé*', 'ferme', 'samedi', 'dimanche', 'week end', 'quelle heure', 'samedis', 'dimanches', 'la nuit', 'le soir', 'jours fériés', '24h 24',
    'horario', 'horarios', 'abierto', 'abren', 'cierran', 'cerrado', 'sábado', 'domingo', 'fin de semana', 'qué hora', 'sábados', 'domingos', 'de noche', 'entre semana', 'festivos',
    'часы работы', 'время работы', 'график', 'открыт*', 'работают', 'закрыт*', 'суббот*', 'воскресен*', 'выходн*', 'открывается', 'открываются', 'закрывается', 'до скольки', 'во сколько', 'ночью', 'круглосуточно', 'праздник*',
    'ساعات العمل', 'مواعيد العمل', 'ساعات الدوام', 'ساعات', 'مواعيد', 'مفتوح', 'يفتح', 'يغلق', 'السبت', 'الأحد', 'عطلة', 'متى', 'الدوام', 'الجمعة', 'بالليل', 'ليلا', 'على مدار الساعة',
    'öffnungszeiten', 'geöffnet', 'offen', 'öffnet', 'geschlossen', 'samstag*', 'sonntag*', 'wochenende', 'wann', 'öffnungszeit*', 'rund um die uhr', 'nachts', 'feiertag*', 'uhrzeit*',
    '営業時間', '受付時間', '何時', '開いて', '土曜', '日曜', '週末', '時間', '土日', '夜中', '夜間', '祝日', 'やってる', '開いてる',
    '시간', '영업', '운영', '몇 시', '토요일', '일요일', '주말', '열어', '문 열', '몇시', '밤에', '공휴일', '휴일',
  ],
  website: [
    'website', 'web site', 'site', 'url', 'link', 'online', 'homepage', 'webpage', 'web page',
    '网站', '网址', '官网', '链接', '网页',
    'site web', 'site internet', 'lien',
    'sitio web', 'página web', 'pagina web', 'web', 'enlace',
    'сайт', 'ссылк*', 'веб сайт',
    'موقع إلكتروني', 'الموقع الإلكتروني', 'رابط', 'الرابط', 'على النت', 'على الإنترنت', 'موقعهم على', 'ويب',
    'webseite', 'website', 'internetseite', 'homepage',
    'ウェブサイト', 'サイト', 'ホームページ', 'url', 'hp', 'ウェブ',
    '웹사이트', '홈페이지', '사이트', '링크',
  ],
  languages: [
    'speak english', 'speak french', 'speak', 'languages', 'language', 'english speaking', 'interpreter', 'in english', 'translator',
    '英语', '英文', '外语', '语言', '说英语', '讲英语', '能讲', '会讲', '能说', '会说', '翻译',
    'parle*', 'langue*', 'anglais', 'français',
    'hablan', 'habla', 'idioma*', 'inglés', 'ingles', 'español',
    'говорят', 'язык*', 'по английски', 'английск*', 'русск*', 'по китайски', 'по русски', 'переводчик*',
    'يتحدث*', 'لغة', 'لغات', 'الإنجليزية', 'العربية', 'يتكلم*', 'إنجليزي', 'انجليزي', 'بالإنجليزي', 'مترجم',
    'sprechen', 'spricht', 'sprache*', 'englisch', 'deutsch', 'dolmetscher*',
    '英語', '日本語', '言語', '話せ', '話す', '通訳',
    '영어', '한국어', '언어', '통역', '말할 수',
  ],
  district: [
    'district', 'which district', 'what district', 'area',
    '哪个区', '什么区', '哪个城区', '哪一区',
    'arrondissement', 'quel quartier', 'quartier',
    'distrito', 'qué distrito', 'en qué distrito', 'barrio',
    'район', 'каком районе', 'районе',
    'حي', 'منطقة', 'أي حي',
    'bezirk', 'stadtteil', 'welchem bezirk',
    'どの区', '何区', 'どこの区',
    '어느 구', '무슨 구', '몇 구', '어느 지역',
  ],
};

const PHRASE_LIST = new PhraseList(FACT_KINDS.flatMap((kind) => PHRASES[kind].map((phrase) => ({ phrase, value: kind }))));

/** The fact a message asks for, if it names one; of two, the one asked in the longer wording (see FACT_KINDS). */
export function askedFact(text: string): FactKind | undefined {
  return PHRASE_LIST.longest(prepareText(text));
}

const FACT_PHRASES = FACT_KINDS.flatMap((kind) => PHRASES[kind]);
const OWN_TOPIC = new OwnTopicTest(FACT_PHRASES);

/**
 * Whether a message asking a fact has a topic of its own, once its fact words are set aside. "What's their phone
 * number?", "what time do they open?" and "电话号码是多少?" have none; "what number do I call after a traffic
 * accident?" and "交通事故报警电话是多少?" have one.
 */
export function hasOwnTopic(text: string, lang: Lang): boolean {
  return OWN_TOPIC.hasOwnTopic(text, lang);
}

/**
 * Words of its own, beside its fact words, that a follow-up about the place in context does not reach: in the blind
 * development dialogues such follow-ups said at most four ("do the staff there speak english or should I bring a
 * chinese friend"), and the new questions that asked a fact five or more ("какой номер у городской горячей линии,
 * где отвечают на английском?"). Counted in spaced scripts only: Chinese, Japanese and Korean follow-ups and new
 * questions overlap in length.
 */
const NEW_QUESTION_WORDS = 5;

/** Whether a message asking a fact says so much else that it is a question of its own, whatever retrieval finds. */
export function isQuestionOfItsOwn(text: string, lang: Lang): boolean {
  return OWN_TOPIC.remainder(text, lang).words >= NEW_QUESTION_WORDS;
}

/**
 * Words residents use to say that what follows is about something else ("another question:", "换个问题", "rien à
 * voir, mais…"). Only words that announce a new topic outright: "by the way", "also" or "对了" as often lead into one
 * more question about the same place.
 */
const NEW_TOPIC_PHRASES = [
  'another question', 'different question', 'other question', 'new question', 'another thing', 'different thing',
  'something else', 'unrelated', 'different topic', 'change of topic', 'changing the subject', 'on another note',
  '换个问题', '换个话题', '另一个问题', '别的问题', '另外一个问题', '问个别的', '题外话', '无关的问题', '不相关',
  'autre chose', 'autre question', 'autre sujet', 'rien à voir', 'sans rapport', 'changement de sujet', 'changeons de sujet',
  'otra cosa', 'otra pregunta', 'otro tema', 'cambiando de tema', 'cambio de tema', 'nada que ver', 'sin relación',
  'другой вопрос', 'другая тема', 'на другую тему', 'не по теме', 'сменим тему', 'смена темы', 'вопрос не по теме',
  'سؤال آخر', 'سؤال ثاني', 'سؤال مختلف', 'موضوع آخر', 'موضوع ثاني', 'شيء آخر', 'بعيدا عن الموضوع',
  'andere sache', 'andere frage', 'anderes thema', 'themawechsel', 'was anderes', 'etwas anderes', 'ganz andere',
  '別件', '話変わ', '話は変わ', '関係ないけど', '関係ない話', '別の質問', '違う質問', '話題を変え',
  '다른 질문', '다른 얘기', '다른 이야기', '딴 얘기', '딴 질문', '별개로', '상관없는', '주제를 바꿔', '다른 건데',
];

const NEW_TOPIC = new PhraseList(NEW_TOPIC_PHRASES.map((phrase) => ({ phrase, value: true })));
/** Set aside with the fact phrases: "another question: what are their hours?" still asks about the place in context. */
const OWN_TOPIC_AFTER_ANNOUNCEMENT = new OwnTopicTest([...FACT_PHRASES, ...NEW_TOPIC_PHRASES]);

/**
 * Whether a message says it is about something else, and asks it: "autre chose : j'appelle quel numéro pour la
 * police ?" does, "another question: what are their hours?" does not.
 */
export function announcesNewTopic(text: string, lang: Lang): boolean {
  return NEW_TOPIC.first(prepareText(text)) === true && OWN_TOPIC_AFTER_ANNOUNCEMENT.hasOwnTopic(text, lang);
}
