import { LANGUAGE_NAMES } from '../language/languageNames.js';
import { OwnTopicTest } from '../language/ownTopic.js';
import { PhraseList, prepareText, UNSPACED, type PreparedText } from '../language/phrases.js';
import { readLocaleResources } from '../i18n.js';
import { LANGS, type Lang } from '../languages.js';
import { withWesternDigits } from '../text.js';
import { z } from 'zod';
import { CURRICULA, CURRICULUM_OF_LANGUAGE, DISTRICTS, ENTRY_KINDS, FACET_KINDS, PILOT_BATCHES, type Curriculum, type District, type EntryKind } from '../knowledge/schema.js';

/** The yes/no facets a list can require. */
export const FEATURES = ['internationalDepartment', 'emergency24h', 'pilotInstitution', 'foreignLanguageWindow', 'boarding'] as const;
export type Feature = (typeof FEATURES)[number];

type Cue = 'all' | 'plural' | 'choice' | 'question';
const CUE_STRENGTH: Cue[] = ['all', 'plural', 'choice', 'question'];
const strongest = (cues: Cue[]): Cue | undefined => CUE_STRENGTH.find((cue) => cues.includes(cue));

const FILTERED_SCHOOL_TYPES = ['embassy', 'chinese-school'] as const;

/**
 * What a list asks for: a kind of place, and the filters the resident named. A schema, because a query travels in
 * a "show more" button and comes back from the client.
 */
export const ListQuerySchema = z.strictObject({
  kind: z.enum(ENTRY_KINDS),
  /** Any of these districts ("in Fengtai or Daxing"). */
  districts: z.array(z.enum(DISTRICTS)).min(1).max(DISTRICTS.length).optional(),
  /** An ISO 639-1 code: taught in (schools) or spoken there (everything else). */
  language: z.string().regex(/^[a-z]{2}$/).optional(),
  /** Any language but Chinese, as `language` reads one ("where staff speak a foreign language", "外国語が通じる"). */
  foreignLanguage: z.literal(true).optional(),
  /** Any of these curricula (a bare "IB" names all four programmes). */
  curricula: z.array(z.enum(CURRICULA)).min(1).max(CURRICULA.length).optional(),
  /** All of these ("an international department and 24-hour emergency"). */
  features: z.array(z.enum(FEATURES)).min(1).max(FEATURES.length).optional(),
  /** "International school" is how residents say "school", so only the other two types filter. */
  schoolType: z.enum(FILTERED_SCHOOL_TYPES).optional(),
  age: z.number().int().min(0).max(25).optional(),
  /** The batch of a pilot ("the first batch of talent communities"). */
  batch: z.number().int().min(1).max(PILOT_BATCHES).optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;
export type ListFilters = Omit<ListQuery, 'kind'>;

/**
 * How residents ask for several things at once, in our 9 languages (phrase syntax in services/language/phrases.ts).
 * "All" cues ("list", "all", "전부") and plural cues ("哪些", "какие") ask for several by themselves; the others
 * ("which", "is there") only with a filter or a plural kind word: "which hospital is PUMCH?" is not a list question.
 */
const ALL_CUES = [
  'list', 'all the', 'all', 'show me all', '列出', '所有', '全部',
  'liste', 'tous les', 'toutes les', 'lista', 'todos los', 'todas las',
  'список', 'все', 'перечисли*', 'قائمة', 'كل', 'اذكر', 'أذكر',
  'alle', 'auflisten', '一覧', 'リスト', 'すべて', '목록', '리스트', '모든', '전부',
  'give me all', 'lister', 'toutes', 'tous', 'todos', 'todas', 'aller', 'اعرض', '名单', '全部教えて', '전체',
  'enumerate', 'énumère*', 'énumérer', '一通り', 'enumera', 'enumere', 'enumerar', 'aufzählen', 'zähl* + auf', '명단', 'まとめて', '全部挙げ', 'اعطني كل', 'اعطوني كل',
];
const PLURAL_CUES = [
  'what are the', 'name the', 'tell me the',
  '哪些', '哪几', '有哪', '都有',
  'quels', 'quelles', 'lesquels', 'lesquelles',
  'cuáles', 'cuales', 'dime los', 'dime las',
  'какие', 'каких', 'назовите',
  'ما هي', 'ما هى',
  'nenne', 'nennen sie',
  'どれ',
  '어디어디',
  'quels sont', 'quelles sont', 'cuáles son', '几家', '几个', '몇 군데', '몇 곳', 'どこがありますか', '어디가 있', '어떤 곳', '곳들', '어떤 게', '어떤 것',
];
const CHOICE_CUES = [
  'which', 'any', 'are there', 'is there', 'recommend',
  // Asking for a recommendation, as English "recommend": in each language.
  '推荐', 'recommand*', 'conseill*', 'recomiend*', 'recomend*', 'посовету*', 'порекоменду*', 'рекоменду*', 'انصح*', 'تنصح*', 'رشح*', 'ترشح*',
  'empfehl*', 'empfiehl*', 'おすすめ', 'お勧め', 'オススメ', '추천',
  // Looking for one among several that fit: "je cherche une école qui suit le programme français à Chaoyang".
  'looking for', 'cherche*', 'busco', 'buscamos', 'ищу', 'ищем', 'suche', 'suchen', 'أبحث', 'ابحث', '探して', '찾고', '找',
  '哪家', '哪个', '哪所', '有没有', '有什么', '有 + 吗', '列一下', '帮我列',
  'quel', 'quelle', 'y a t il', 'il y a',
  'hay', 'algún', 'alguna',
  'какая', 'какой', 'какое', 'есть ли',
  'أي', 'اي', 'هل توجد', 'هل يوجد', 'هل هناك',
  'welche', 'welcher', 'welches', 'gibt es',
  'どの', 'どんな', 'ありますか', 'あります',
  '어떤', '어느', '있나요', '있어요', '있습니까', '있을까',
];
/**
 * Bare question words: with a filter they make a list question ("where can I study A-Levels?"), but after an answer
 * about one place they do not ask for others ("est-ce que le personnel parle français ?" asks that place).
 */
const QUESTION_CUES = [
  'what', 'where can', 'where', 'où', 'qué', 'que', 'dónde', 'donde', 'где', 'ما', 'أين', 'wo',
  'どこ', '教えて', '어디', '알려', '보여주세요', '보여줘',
  'want to know', 'je voudrais savoir', 'quisiera saber', 'quiero saber', 'хочу узнать', 'أريد أن أعرف', 'möchte wissen', '想知道', '知りたい', '알고 싶',
];

/** Words naming each kind of place; the first group of each is plural or a list in itself. */
const KIND_PHRASES: Record<EntryKind, { plural: string[]; singular: string[] }> = {
  school: {
    plural: [
      'schools', 'international schools', 'écoles', 'ecoles', 'lycées', 'établissements scolaires', 'escuelas', 'colegios', 'liceos',
      'школы', 'школ', 'школах', 'школами', 'гимназии', 'مدارس', 'المدارس', 'schulen', 'gymnasien', 'スクール一覧', '학교들',
    ],
    singular: [
      'school', 'kindergarten', '学校', '国际学校', '幼儿园', 'école', 'ecole', 'lycée', 'escuela', 'colegio', 'школа', 'школу', 'школе',
      'مدرسة', 'المدرسة', 'schule', 'インターナショナルスクール', 'インター校', 'インター', '学校', 'スクール', '幼稚園', '학교', '국제학교', '유치원',
    ],
  },
  hospital: {
    plural: [
      'hospitals', 'clinics', 'medical institutions', 'medical centres', 'medical centers', 'hôpitaux', 'cliniques', 'hopitaux', 'établissements médicaux', 'hospitales', 'instituciones médicas', 'centros médicos', 'clínicas',
      'больницы', 'больниц', 'больницах', 'клиники', 'клиник', 'госпитали', 'медицинск* учреждени*', 'مستشفيات', 'المستشفيات', 'المؤسسات الطبية', 'krankenhäuser', 'kliniken', 'krankenhäusern', 'pilotkrankenhäuser*', '의료 기관',
      'medizinische einrichtungen', '医疗机构', '医療機関', '의료기관', '병원들', 'госпиталей',
    ],
    singular: ['hospital', '医院', 'hôpital', 'hopital', 'больница', 'больнице', 'госпитал*', 'مستشفى', 'المستشفى', 'krankenhaus', 'klinik', '病院', '병원'],
  },
  'service-centre': {
    plural: [
      'service centres', 'service centers', 'centres de services', 'centres + service* + administrati*', 'centros de servicio*', 'centros + servicio* + gubernamental*',
      'центры обслуживания', 'центры госуслуг', 'центрах госуслуг', 'центров госуслуг', 'центр* + услуг*', 'сервисн* центр*', 'مراكز الخدمات', 'مراكز خدمات', 'مراكز الخدمة', 'مراكز + الخدمات الحكومية', 'مراكز + الخدمة الحكومية', 'servicezentren', 'bürgerservicezentren', 'behördenzentren',
    ],
    singular: [
      'service centre', 'service center', 'government service', '政务服务中心', '服务中心', '政务中心', 'centre de services', 'centre de service',
      'centro de servicio*', 'regierungsservicezentr*', 'центр обслуживания', 'центр госуслуг', 'مركز الخدمات', 'مركز خدمات', 'servicezentr*', 'verwaltungsservicezentr*', 'bürgerservice*',
      'サービスセンター', '行政サービス', '政務サービス', '서비스센터', '서비스 센터', '민원센터', '행정서비스', '정무서비스', '政务服务大厅', '服务大厅', '政务大厅', '센터들',
      // Written with Japanese kanji (務, not 务), and the Korean name with its "centre".
      '政務服務中心', '政務服務センター', '정무서비스센터', '행정서비스센터',
      'مركز خدمات حكومية', 'behördenzentrum',
    ],
  },
  'exit-entry-office': {
    plural: ['immigration offices', 'immigration bureaus', 'exit entry offices', 'exit entry halls', 'exit and entry', 'exit entry stellen', 'exit entry büros', 'salles exit entry', 'bureaux exit entry', 'oficinas de entrada y salida', 'oficinas de extranjería', 'отделени* въезд*', 'залы + миграцион*', 'залов + миграцион*', 'ein und ausreisebehörden', 'ausreisebehörden', 'مكاتب + الدخول والخروج', 'bureaux d immigration', 'oficinas de migración', 'oficinas de inmigración', 'ausländerbehörden', 'مكاتب الهجرة'],
    singular: [
      'exit entry', 'immigration office', 'immigration', '出入境', 'entrée sortie', 'entrées et sorties', 'immigration', 'entrada y salida', 'migración',
      'extranjería', 'extranjeria', 'въезд* + выезд*', 'миграцион*', 'الدخول والخروج', 'الهجرة', 'ein und ausreise', 'ausländerbehörde', 'einwanderungsbehörde', '出入国', '入国管理', '入管', '출입국', '출입경',
    ],
  },
  'talent-community': {
    plural: [
      'talent communities', 'communautés de talents', 'communaut* + talent*', 'comunidades de talento*', 'comunidad* + talento*', 'сообщества талант*',
      'сообществ* + талант*', 'сообществ* + кадров*', 'مجتمعات المواهب', 'مجمعات الكفاءات', 'مجتمعات مواهب', 'مجتمع* + المواهب', 'مجمع* + الكفاءات', 'talentgemeinschaften',
      'talent* + gemeinschaft*', 'talent communitys', '인재사회',
    ],
    singular: [
      'talent community', '人才社区', 'communauté de talents', 'communauté internationale de talents', 'comunidad de talento*', 'сообществ* талант*',
      'مجتمع المواهب', 'مجتمع للمواهب', 'talentgemeinschaft*', 'talent community', '人材コミュニティ', '인재 커뮤니티', '인재 공동체', '인재커뮤니티', '人材社区', '인재사구', '커뮤니티들',
    ],
  },
  hotline: {
    plural: [
      'hotlines', 'lignes d assistance', 'lignes directes', 'líneas de atención', 'горячие линии', 'الخطوط الساخنة', 'خطوط ساخنة', 'الخطوط الهاتفية',
      'notrufnummern', 'servicenummern', 'notruf* + servicenummer*', 'экстренн* + номер*', 'helplines', 'emergency numbers', 'hotline numbers', 'phone lines',
      'emergency phone numbers', 'emergency telephone numbers', 'números de atención', 'números de teléfono', 'números útiles', 'public hotlines', 'экстренн* телефон*', 'numéros d urgence', 'lignes téléphoniques', 'números de emergencia', 'líneas telefónicas', 'телефоны экстренных служб', 'أرقام الطوارئ', 'numéros d assistance', 'горяч* лини*', '政务服务热线', '핫라인들',
      '热线电话', '服务热线', 'ホットライン一覧', '핫라인 번호',
    ],
    singular: ['hotline', '热线', 'numéro d urgence', 'línea directa', 'горячая линия', 'خط ساخن', 'الخط الساخن', 'ホットライン', '핫라인'],
  },
};

const FEATURE_PHRASES: Record<Feature, string[]> = {
  boarding: [
    'boarding', 'boarding school*', 'dormitor*', 'live on campus', 'live at school', '寄宿', '住校', '宿舍',
    'internat', 'internats', 'pensionnat*', 'internado*', 'residencia escolar', 'интернат*', 'общежити*', 'с проживанием', 'пансион*',
    'سكن داخلي', 'مدرسة داخلية', 'مدارس داخلية', 'إقامة داخلية', 'internate', 'internatsschule*', 'wohnheim*', 'schülerwohnheim*',
    '全寮制', '寮', 'ボーディング', '기숙사', '기숙학교', '기숙 학교',
  ],
  internationalDepartment: [
    'international department', 'international medical', 'international service*', 'international clinic', 'foreigners desk', 'vip',
    '国际部', '国际医疗部', '国际医疗', '国际门诊', '涉外', 'département international', 'service international', 'services internationaux',
    'departamento internacional', 'servicio* internacional*', 'международн* отдел*', 'международн* отделени*', 'для иностранц*',
    'قسم دولي', 'القسم الدولي', 'الخدمات الطبية الدولية', 'international* abteilung*', 'internationale* station', 'auslandsabteilung', 'clinique* internationale*', 'clínica* internacional*', 'международн* клиник*', 'عيادة دولية', 'عيادات دولية', 'sprechstunde* + ausländer*', '外宾门诊', '国際外来', '국제 클리닉',
    '国際部', '国際医療', '外国人向け', '국제부', '국제진료', '국제 진료', '외국인 진료',
    // A service or department for foreigners, in so many words, and the abbreviation "dept".
    'international dept', 'service pour étrangers', 'service pour les étrangers', 'servicio para extranjeros', 'قسم للأجانب', 'قسم الأجانب', 'abteilung für ausländer',
  ],
  emergency24h: [
    '24 hour emergency', '24h emergency', '24 7 emergency', 'emergency room', 'emergency department', 'a and e', 'around the clock',
    '24 h sur 24', 'jour et nuit', 'las 24 horas', 'круглосуточн*', 'rund um die uhr',
    '24小时急诊', '急诊', 'urgences', 'urgencias', 'круглосуточн* + приём*', 'скорой помощи', 'неотложн*', 'طوارئ', 'الطوارئ',
    'notaufnahme', 'notfall*', '救急', '24時間', '응급실', '응급', '24시간', '24h er', '24 hour er', 'على مدار الساعة', 'неотложк*',
  ],
  pilotInstitution: [
    'pilot', 'pilot hospitals', '试点', '試点', 'pilote', 'piloto', 'пилотн*', 'تجريبي*', 'التجريبية', 'pilotprojekt*', 'pilot*', 'モデル', '試行', 'パイロット', '시범', '시범기관', '시범 기관',
  ],
  foreignLanguageWindow: [
    'foreign language window*', 'foreign language counter*', 'foreign language service*', 'english window', 'english counter',
    '外语窗口', '外语服务窗口', '外语服务', '外文窗口', '英文窗口', '英语窗口', '英語窓口', '英語の窓口', '日本語窓口', '日本語の窓口', '영어 창구', '한국어 창구', '중국어 창구', 'guichet* en langue* étrangère*', 'guichet* multilingue*', 'ventanilla* en idioma* extranjero*',
    'ventanilla* en otros idiomas', 'окн* на иностранн*', 'окн* для иностранц*', 'نافذة بلغات أجنبية', 'نوافذ بلغات أجنبية', 'نافذة للأجانب',
    'fremdsprachenschalter', 'fremdsprachige* schalter', 'schalter + fremdsprach*', 'guichet* + langue* étrangère*', 'окн* + иностранн* язык*', 'نافذ* + الاجنبي*', 'شباك + الاجنبي*', '外国語対応の窓口', '外国語窓口', '外国語対応窓口', '외국어 창구', '외국어 서비스 창구',
  ],
};

/** Words for "a foreign language", not naming which: a place where one is spoken, or a school teaching in one. */
const FOREIGN_LANGUAGE_PHRASES = [
  'foreign language', 'foreign languages', '外语', '外文', '外国语', '多语种', '多语言',
  'langue étrangère', 'langues étrangères', 'langue etrangere', 'langues etrangeres',
  'idioma extranjero', 'idiomas extranjeros', 'lengua extranjera', 'lenguas extranjeras',
  'иностранн* язык*',
  'لغة أجنبية', 'لغات أجنبية', 'بلغة أجنبية', 'بلغات أجنبية', 'لغة اجنبية', 'لغات اجنبية', 'بلغات اجنبية',
  'fremdsprach*',
  '外国語', '多言語', '외국어', '다국어',
];

/** The programmes a phrase names; a message naming several is read as specifically as written (see mostSpecific). */
const CURRICULUM_PHRASES: { phrase: string; curricula: Curriculum[] }[] = [
  ...['ib diploma', 'ibdp', 'ib dp', 'diploma programme', 'diploma program', 'ib文凭', '国际文凭大学预科', 'diplôme de l ib', 'diplôme du baccalauréat international', 'diploma del ib', 'diploma del bachillerato internacional', 'диплом* ib', 'دبلوم البكالوريا الدولية', 'ib diplom*', 'ib ディプロマ', 'ibディプロマ', 'ib 디플로마'].map((phrase) => ({ phrase, curricula: ['ib-dp'] as Curriculum[] })),
  ...['career related programme', 'career related program', 'ibcp', 'ib cp', 'programme à orientation professionnelle', 'programa de orientación profesional'].map((phrase) => ({ phrase, curricula: ['ib-cp'] as Curriculum[] })),
  ...['pei de l ib', 'programme d éducation intermédiaire', 'pai del ib', 'programa de los años intermedios'].map((phrase) => ({ phrase, curricula: ['ib-myp'] as Curriculum[] })),
  ...['pyp', 'primary years programme', 'primary years program'].map((phrase) => ({ phrase, curricula: ['ib-pyp'] as Curriculum[] })),
  ...['myp', 'middle years programme', 'middle years program'].map((phrase) => ({ phrase, curricula: ['ib-myp'] as Curriculum[] })),
  ...['ib', 'international baccalaureate', '国际文凭', '国际预科证书', 'baccalauréat international', 'bachillerato internacional', 'международн* бакалавриат*', 'البكالوريا الدولية', 'internationale* baccalaureate', '国際バカロレア', '국제 바칼로레아', '국제바칼로레아'].map((phrase) => ({ phrase, curricula: ['ib-pyp', 'ib-myp', 'ib-dp', 'ib-cp'] as Curriculum[] })),
  ...['a level', 'a levels', 'alevel', 'alevels', 'a レベル', 'aレベル', '에이레벨', 'a 레벨', 'a레벨'].map((phrase) => ({ phrase, curricula: ['a-level'] as Curriculum[] })),
  ...['igcse'].map((phrase) => ({ phrase, curricula: ['igcse'] as Curriculum[] })),
  ...['ap', 'advanced placement', 'ap课程', 'アドバンスト プレイスメント', 'アドバンストプレイスメント'].map((phrase) => ({ phrase, curricula: ['ap'] as Curriculum[] })),
  ...['american curriculum', 'us curriculum', 'american school*', '美国课程', '美式', 'programme américain', 'américaine', 'américaines', 'américains', 'américain', 'منهج امريكي', 'currículo estadounidense', 'americano', 'americana', 'americanos', 'americanas', 'estadounidense*', 'американск* программ*', 'المنهج الأمريكي', 'amerikanisch*', 'アメリカ式', '미국식', '미국 커리큘럼'].map((phrase) => ({ phrase, curricula: ['american'] as Curriculum[] })),
  ...['british curriculum', 'english national curriculum', 'uk curriculum', 'british school*', '英国课程', '英式', 'programme britannique', 'britannique*', 'currículo británico', 'británic*', 'britanic*', 'британск*', 'بريطاني*', 'британск* программ*', 'المنهج البريطاني', 'britisch*', 'منهج بريطاني', 'イギリス式', '영국식', '영국 커리큘럼'].map((phrase) => ({ phrase, curricula: ['british'] as Curriculum[] })),
  // National curricula, by a word for curriculum with the country: "French" alone is a language.
  ...['chinese national curriculum', 'chinese curriculum', '国家课程', '中国课程', 'programme chinois', 'currículo chino', 'китайск* программ*', 'المنهج الصيني', 'chinesische* lehrplan', '中国のカリキュラム', '중국 교육과정'].map((phrase) => ({ phrase, curricula: ['chinese-national'] as Curriculum[] })),
  ...['japanese curriculum', '日本课程', 'programme japonais', 'currículo japonés', 'японск* программ*', 'المنهج الياباني', 'japanische* lehrplan', 'japanisch* curriculum', '日本のカリキュラム', '日本の教育課程', '일본 교육과정'].map((phrase) => ({ phrase, curricula: ['japanese'] as Curriculum[] })),
  ...['korean curriculum', '韩国课程', 'programme coréen', 'currículo coreano', 'корейск* программ*', 'المنهج الكوري', 'koreanische* lehrplan', 'koreanisch* curriculum', '韓国のカリキュラム', '한국 교육과정', '한국식'].map((phrase) => ({ phrase, curricula: ['korean'] as Curriculum[] })),
  ...['french curriculum', 'french national curriculum', '法国课程', 'programme français', 'éducation nationale', 'currículo francés', 'французск* программ*', 'المنهج الفرنسي', 'französische* lehrplan', 'französisch* curriculum', 'フランスのカリキュラム', '프랑스 교육과정'].map((phrase) => ({ phrase, curricula: ['french'] as Curriculum[] })),
  ...['german curriculum', '德国课程', 'programme allemand', 'currículo alemán', 'немецк* программ*', 'المنهج الألماني', 'deutsche* lehrplan', 'deutsch* curriculum', 'ドイツのカリキュラム', '독일 교육과정'].map((phrase) => ({ phrase, curricula: ['german'] as Curriculum[] })),
  ...['canadian curriculum', '加拿大课程', 'canadien*', 'canadiense*', 'канадск*', 'المنهج الكندي', 'kanadisch*', 'カナダ', '캐나다'].map((phrase) => ({ phrase, curricula: ['canadian'] as Curriculum[] })),
  ...['swiss curriculum', '瑞士课程', 'programme suisse', 'currículo suizo', 'швейцарск* программ*', 'المنهج السويسري', 'schweizer lehrplan', 'スイスのカリキュラム', '스위스 교육과정'].map((phrase) => ({ phrase, curricula: ['swiss'] as Curriculum[] })),
  ...['pakistani curriculum', '巴基斯坦课程', 'programme pakistanais', 'currículo pakistaní', 'пакистанск*', 'المنهج الباكستاني', 'منهج باكستاني', 'pakistanisch*', 'パキスタン', '파키스탄'].map((phrase) => ({ phrase, curricula: ['pakistani'] as Curriculum[] })),
  ...['italian curriculum', '意大利课程', 'programme italien', 'currículo italiano', 'итальянск* программ*', 'المنهج الإيطالي', 'italienische* lehrplan', 'italienisch* curriculum', 'イタリアのカリキュラム', '이탈리아 교육과정'].map((phrase) => ({ phrase, curricula: ['italian'] as Curriculum[] })),
  ...['russian curriculum', '俄罗斯课程', 'programme russe', 'currículo ruso', 'российск* программ*', 'المنهج الروسي', 'russische* lehrplan', 'russisch* curriculum', 'ロシアのカリキュラム', '러시아 교육과정'].map((phrase) => ({ phrase, curricula: ['russian'] as Curriculum[] })),
];

/** The international medical services pilot by its name, in which "international medical" is not a department. */
const PILOT_NAMES = [
  'international medical + pilot*', '国际医疗 + 试点', 'médica* internacional* + piloto', 'médica* + internacional* + piloto', 'médica* internationa* + pilote*',
  'медицинск* + пилот*', 'الطبية الدولية + التجريبي*', 'internationale* medizinische* + pilot*', '国際医療 + パイロット', '国際医療 + 試行', '국제의료 + 시범',
];

/** Ages as residents write them: "5 year old", "5岁", "5歳", "5살", "5 ans", "5 años", "5 лет", "5 Jahre", "5 سنوات". */
const AGE_PATTERN = /(\d{1,2})\s*-?\s*(?:(?:years?|yrs?)(?:[\s-]*old)?|岁|歳|살|세|ans|años|anos|лет|год[а]?|jahre?n?|jährig\w*|سنوات|سنين|سنة|عام|أعوام)|(?:turns?|aged?)\s+(\d{1,2})\b/iu;

/**
 * Whether what remains of a message beside the reader's phrases says something more: leniently, two words or four
 * Chinese, Japanese or Korean characters; otherwise, one word or two characters.
 */
function saysMore({ words, unspacedChars }: { words: number; unspacedChars: number }, lenient: boolean): boolean {
  return lenient ? words >= 2 || unspacedChars >= 4 : words >= 1 || unspacedChars >= 2;
}

/** A hotline's number: three digits or more. */
const HOTLINE_NUMBER = /\d{3,}/g;

/** A message without its age ("١٠ سنوات" too), which is a filter and not another topic. */
const withoutAge = (text: string) => withWesternDigits(text).replace(AGE_PATTERN, ' ');

const SCHOOL_TYPE_PHRASES: { phrase: string; schoolType: (typeof FILTERED_SCHOOL_TYPES)[number] }[] = [
  ...['embassy school*', 'national school*', '使馆学校', '大使馆学校', '国别学校', 'école de l ambassade', 'écoles d ambassade', 'escuela* de la embajada', 'colegio* de embajada', 'escuela* de embajada', 'школ* при посольств*', 'посольск* + школ*', 'مدرسة السفارة', 'مدارس السفارات', 'botschaftsschule*', '大使館学校', '大使館系', '大使館', '대사관 학교', '대사관학교'].map((phrase) => ({ phrase, schoolType: 'embassy' as const })),
  ...['chinese school*', 'public school*', 'local school*', '公立学校', '中国学校', '本地学校', 'école* publique*', 'école* chinoise*', 'escuela* pública*', 'escuela* china*', 'colegio* público*', 'colegio* chino*', 'государственн* школ*', 'китайск* школ*', 'مدارس حكومية', 'مدرسة حكومية', 'مدارس صينية', 'öffentliche* schule*', 'chinesische* schule*', '公立校', '中国の学校', '현지 학교', '공립학교', '중국 학교', '現地校', '로컬 학교', '중국 로컬'].map((phrase) => ({ phrase, schoolType: 'chinese-school' as const })),
];

/** "The first batch", "第二批", "вторая очередь": which batch of a pilot. */
const BATCH_PHRASES: { phrase: string; batch: number }[] = [
  ...[
    'first batch', 'first round', 'first group', 'first wave', 'first phase', '第一批', '首批', '第1批',
    'premier lot', 'première vague', 'premier groupe', 'première série', 'première phase', 'primer lote', 'primera tanda', 'primer grupo', 'primera ronda', 'primera fase',
    'перв* очеред*', 'перв* парти*', 'перв* этап*', 'перв* волн*', 'الدفعة الأولى', 'المجموعة الأولى', 'المرحلة الأولى',
    'erste* charge', 'erste* runde', 'erste* gruppe', 'erste* tranche', 'erste* welle', 'erste* phase',
    '第1陣', '第一陣', '第1弾', '第一弾', '1차', '첫 번째', '첫번째', '1기', '第1期', '第一期',
  ].map((phrase) => ({ phrase, batch: 1 })),
  ...[
    'second batch', 'second round', 'second group', 'second wave', 'second phase', '第二批', '第2批',
    'deuxième lot', 'second lot', 'deuxième vague', 'seconde vague', 'deuxième groupe', 'deuxième série', 'deuxième phase', 'segundo lote', 'segunda tanda', 'segundo grupo', 'segunda ronda', 'segunda fase',
    'втор* очеред*', 'втор* парти*', 'втор* этап*', 'втор* волн*', 'الدفعة الثانية', 'المجموعة الثانية', 'المرحلة الثانية',
    'zweite* charge', 'zweite* runde', 'zweite* gruppe', 'zweite* tranche', 'zweite* welle', 'zweite* phase',
    '第2陣', '第二陣', '第2弾', '第二弾', '2차', '두 번째', '두번째', '2기', '第2期', '第二期',
  ].map((phrase) => ({ phrase, batch: 2 })),
  ...[
    'third batch', 'third round', 'third group', '第三批', '第3批', 'troisième lot', 'troisième vague', 'tercer lote', 'tercera tanda', 'трет* очеред*', 'трет* парти*',
    'الدفعة الثالثة', 'dritte* charge', 'dritte* runde', 'dritte* gruppe', '第3陣', '第三陣', '第3弾', '第三弾', '3차', '세 번째', '세번째', '3기',
  ].map((phrase) => ({ phrase, batch: 3 })),
];

/**
 * A batch named by its ordinal alone ("а во вторую?", "and the second?", "2番目は?"): only a follow-up to a list of
 * one batch says which batch it means this way, so only `refinement` reads these, and only then.
 */
const BARE_ORDINAL_PHRASES: { phrase: string; batch: number }[] = [
  ...['first', 'first one', 'premier', 'première', 'primero', 'primera', 'перв*', 'الأولى', 'erste*', '第一', '1番目', '一番目', '첫째'].map((phrase) => ({ phrase, batch: 1 })),
  ...['second', 'second one', 'deuxième', 'seconde', 'segundo', 'segunda', 'втор*', 'الثانية', 'zweite*', '第二', '2番目', '二番目', '둘째'].map((phrase) => ({ phrase, batch: 2 })),
  ...['third', 'third one', 'troisième', 'tercero', 'tercera', 'трет*', 'الثالثة', 'dritte*', '第三', '3番目', '三番目', '셋째'].map((phrase) => ({ phrase, batch: 3 })),
];

/**
 * What a kind of place is for, which says nothing beyond a list of those places ("which exit-entry offices can renew
 * my residence permit?"), though it would be a topic of its own without them ("and how do I renew my permit?").
 */
const PURPOSE_PHRASES: Partial<Record<EntryKind, string[]>> = {
  'exit-entry-office': [
    'renew*', 'extend*', 'residence permit*', 'visa', 'visas', 'renouvel*', 'prolong*', 'titre de séjour', 'renovar', 'permiso de residencia', 'продлить', 'продлени*', 'внж', 'вид* на жительство', 'виз*',
    'تجديد', 'الإقامة', 'الفيزا', 'التأشيرة', 'verlänger*', 'aufenthaltserlaubnis', 'aufenthaltsgenehmigung', 'aufenthaltstitel', 'visum', 'beantrag*', '居留许可', '居留证', '签证', '续签', '延期', 'ビザ', '在留', '更新', '비자', '연장', '거류', '거류증', '발급', '居留許可', '申請',
  ],
};

/** Words that give examples of what is meant ("hotlines, e.g. 12345, 110"). */
const EXAMPLE_MARKERS = [
  'e g', 'eg', 'for example', 'such as', 'like', 'par exemple', 'comme', 'por ejemplo', 'например', 'типа', 'вроде', 'مثل', 'مثلا', 'z b', 'zum beispiel',
  '比如', '例如', '这种', '之类', '例えば', 'みたいな', 'など', '예를 들어', '같은',
];

/**
 * Words that say nothing beyond the list itself ("in Beijing", "for foreigners", "offer", "have"): they do not make
 * a list question a question about something else.
 */
const LIST_FILLER = [
  'interpreter', 'interpreters', 'interpretation', 'translator', '翻译', 'interprète*', 'intérprete*', 'traductor*', 'переводчик*', 'مترجم*', 'الترجمة',
  'dolmetsch*', '通訳', '통역', 'bitte',
  // Politeness, searching, teaching.
  'please', 's il vous plait', 'por favor', 'пожалуйста', 'من فضلك', 'ください', '주세요', '좀', '帮我',
  'search*',
  'teach*', 'enseign*', 'enseñ*', 'преподают', 'учат', 'unterricht*', 'lehrplan', 'تدرس*', 'تدرّس*', '教える', '가르치*',
  'منطقة', 'المنطقة', 'الموجودة', 'ساعة', 'مدار',
  // Where one lives, one's children, and "options".
  'live', 'lives', 'living', 'district', 'districts', 'options', 'choices', 'son', 'daughter', 'wife', 'husband', 'partner',
  'habite', 'habitons', 'enfant*', 'fils', 'fille', 'choix', 'vivo', 'vivimos', 'hijo*', 'hija*', 'niñ*', 'opciones',
  'живу', 'живём', 'живем', 'ребён*', 'ребен*', 'дет*', 'сын*', 'доч*', 'вариант*', 'программ*',
  'أسكن', 'نسكن', 'طفل*', 'أطفال', 'ابن*', 'خيارات', 'wohne', 'wohnen', 'kind', 'kinder', 'sohn', 'tochter', 'möglichkeiten', 'optionen',
  '住在', '儿子', '女儿', '选择', '住んで', '息子', '娘', '選択肢', '살고', '아들', '딸', '선택지',
  'femme', 'mari', 'esposa', 'esposo', 'marido', 'жена', 'муж', 'زوجتي', 'زوجي', 'frau', 'mann', '妻子', '老婆', '丈夫', '爱人', '妻', '아내', '남편',
  // Speaking, staff, being located, and "of them" in a refinement ("which of them are in Shunyi?").
  'speak', 'speaks', 'spoken', 'staff', 'located', 'of them', 'among them', 'only', 'just', 'ones',
  'parle*', 'personnel', 'situé*', 'se trouve*', 'parmi eux', 'seulement', 'uniquement',
  'habla*', 'personal', 'está*', 'ubicad*', 'de ellos', 'solo', 'sólo',
  'говор*', 'персонал*', 'сотрудник*', 'находит*', 'из них', 'только',
  'يتحدث*', 'يتكلم*', 'موظف*', 'يقع', 'تقع', 'منها', 'فقط',
  'sprech*', 'spricht', 'personal', 'mitarbeiter*', 'liegt', 'liegen', 'davon', 'nur',
  '说', '讲', '工作人员', '位于', '其中', '只要', '只看',
  '話せる', '話す', 'スタッフ', 'その中', 'だけ',
  '말하', '직원', '그중', '중에', '만요', '과정',
  'accept', 'accepts', 'admit', 'admits', 'take', 'takes', 'provide', 'provides', 'study', 'nearby', 'area', 'find', 'go',
  'acceptent', 'accueillent', 'offrent', 'étudier', 'ofrecen', 'aceptan', 'admiten', 'estudiar', 'принимают', 'предлагают', 'учиться',
  'تقبل', 'توفر', 'الدراسة', 'nehmen', 'aufnehmen', 'lernen', 'studieren', '受け入れ', '通える', '받는', '다닐',
  'beijing', 'city', 'foreigners', 'foreigner', 'foreign', 'expats', 'expat', 'international', 'offer', 'offers', 'have', 'has', 'there', 'available', 'good', 'near', 'me', 'my', 'kids', 'children', 'child', 'patients', 'speaking', 'teach', 'teaching', 'curriculum', 'programme', 'program', 'please',
  '北京', '外国人', '外国', '外籍', '国际', '提供', '可以', '开设', '课程', '孩子', '招收', '收', '学生',
  'pékin', 'pekin', 'étrangers', 'etrangers', 'internationale', 'internationales', 'international', 'propose', 'proposent', 'enfants',
  'pekín', 'pekin', 'extranjeros', 'internacional', 'internacionales', 'ofrecen', 'tienen', 'niños', 'hijos',
  'пекин', 'пекине', 'иностранц*', 'международн*', 'есть', 'детей',
  'بكين', 'للأجانب', 'الأجانب', 'الدولية', 'دولية', 'تقدم', 'توجد', 'يوجد', 'لدى', 'للأطفال',
  'peking', 'ausländer', 'internationale', 'internationalen', 'bieten', 'haben', 'kinder',
  '北京', '外国人', 'インターナショナル', '国際', 'ある', '子ども', '子供', '外国語',
  '베이징', '북경', '외국인', '국제', '있는', '아이', '진료', '받을 수 있는', '할 수 있는', '수 있는',
  // Useful and available: what every place listed is, not another topic ("useful hotline numbers").
  'useful', 'utile', 'utiles', 'útil', 'útiles', 'полезн*', 'مفيد*', 'المفيدة', 'nützlich*', '常用', '有用', '役立つ', '유용한',
  'disponible', 'disponibles', 'доступн*', 'المتاحة', 'متاحة', 'verfügbar*',
  // Belonging to a programme or a group ("which hospitals are part of the pilot?").
  'belong*', 'include', 'included', 'part of', 'font partie', 'fait partie', 'forman parte', 'pertenecen', 'входят', 'входит', 'пекинск*',
  'تنتمي', 'ضمن', 'gehören', 'gehört', 'dazu', '属于', '包括', '入选', '含まれ*', '속하*', '포함*',
  // Offices and their counters: the kind of place, not another topic.
  'window', 'windows', 'counter', 'counters', 'office', 'offices', 'hall', 'halls',
  '窗口', '办事处', 'guichet*', 'bureau*', 'ventanilla*', 'oficina*', 'окн*', 'офис*', 'نافذة', 'نوافذ', 'مكتب', 'مكاتب',
  'schalter', 'büro*', '窓口', '事務所', '창구', '사무소', '사무실', '관리',
  '대청', 'дайте', '分别',
  ...EXAMPLE_MARKERS,
  // Words of need and request.
  'need', 'needed', 'pls', 'plz', 'ideally', 'нужна', 'нужен', 'вообще', 'ممكن', 'ابغى', 'أبغى', 'ابي', 'وش', 'شو', 'الموجود', 'الموجودة',
  '求', '这边', '那边', '附近', '各区', '필요한', '부탁드려요', '부탁드립니다', '부탁해요', '정리해', '있습니다', '쪽', '쪽에', '쪽으로', '데가', '만한', '번호들', '手続き',
  // The word "district" itself, as 'district' above: "im Bezirk Xicheng", "dans l'arrondissement de Xicheng", "в районе".
  // Not "district-level" (区级, auf Bezirksebene): it would ask to leave out the municipal centres, which no filter does.
  'bezirk', 'bezirke', 'arrondissement*', 'distrito*', 'район', 'района', 'районе', 'районах', 'حي',
  // Grammar and service words the second development set used: Korean "or", German "für" (unaccented by matching),
  // word stems shorter than the phrases that cover them, dialectal Arabic, and the parents one asks for.
  '이나', '또는', '공공', 'administr*', 'für', 'dienste', 'versorgung', 'teilnehm*', 'обучени*', 'идёт', 'идет', 'обычн*', 'иностран*', 'habl*',
  'اللي', 'عايز', 'بدي', 'وين', 'عندها', 'فيه', 'بقدر', 'أعرف', 'اعرف',
  'father', 'mother', 'parents', 'elderly', 'père', 'mère', 'padre', 'madre', 'padres', 'отец', 'мать', 'родител*', 'أبي', 'أمي', 'والدي*', 'vater', 'mutter', 'eltern',
  '父亲', '母亲', '父母', '爸爸', '妈妈', '両親', '아버지', '어머니', '부모님',
  // Lead-ins and grammar around a list request: moving here, asking, doctors, "supported", "available".
  'just moved', 'moved', 'new here', 'doctors', 'numbers', 'answer', 'give me', 'administration',
  'pourriez', 'pouvez', 'donner', 'svp', 'montrez', 'montrer', 'prepar*', 'suivent', 'cursus', 'medecins', 'coin', 'maintenant', 'appeler', 'peux',
  'médicos', 'tengan', 'tienen', 'имеют', 'поддержк*', 'язык*', 'врач*', 'вошли', 'обслуживани*',
  'المناسبة', 'برنامج', 'لطالب', 'عمره', 'المشاركة', 'المشروع', 'فيها', 'لديها', 'الخدمة', 'باللغة', 'إدارة', 'اداره', 'أطباء', 'الطبية',
  'ärzte', 'kursen', 'kurse', 'medizinisch*', 'dienstleistung*', 'gesprochen', 'wird', 'hilfe', 'bekommt', 'man', 'behörden', 'in frage', 'gezogen',
  '我们', '刚', '搬到', '适合', '大厅', '设', '接待', '办证', '都在', '哪儿', '公共', '常用', '政务', '都行',
  'プログラム', 'コース', 'カリキュラム', '勉強', 'できる', 'います', '入れる', 'サービス', '両方', '受付', 'ホール', '対応', '相談', '関係', '管理', '引っ越し', '引越',
  '학생', '받아주는', '있을까요', '이사', '수업', '곳', '교육과정', '운영하는', '커리큘럼', '하는', '있고', '되는', '가능한', '업무', '보는', '접수', '홀', '지정된', '예요', '상담', '지원되는', '민원', '공공서비스', '에서', '으로', '을까요', '는데요', '인데', '나요',
];

function phraseList<T>(items: { phrase: string; value: T }[]): PhraseList<T> {
  return new PhraseList(items);
}

/** The district names a resident may write: each locale's name, without its 区/구 suffix too, and the pinyin id. */
export type DistrictNames = Record<District, string[]>;

/**
 * The forms of a district name to look for: without its 区/구 suffix too, and in Russian with any case ending
 * ("в Чаояне").
 */
export function districtNameForms(name: string): string[] {
  if (/\p{Script=Cyrillic}/u.test(name)) return [`${name.replace(/(?<=.{3})[ьйаяеоыиу]$/u, '')}*`];
  const bare = name.replace(/(区|구|District|district)$/u, '').trim();
  return bare !== name && bare.length >= 2 ? [name, bare] : [name];
}

/**
 * District names without the short forms written inside another district's name, which would read both: Korean
 * "핑구" (Pinggu without 구) is inside "창핑구" (Changping). The full name still reads the district.
 */
function withoutNamesInsideOthers(items: { phrase: string; value: District }[]): { phrase: string; value: District }[] {
  return items.filter(({ phrase, value }) => !UNSPACED.test(phrase) || !items.some((other) => other.value !== value && other.phrase.includes(phrase)));
}

/** What a message says about a list, when it says anything: its kind word, list cue, and filters. */
interface ListSignals {
  kind?: EntryKind;
  plural: boolean;
  /** The strongest cue: one asking for all, one asking for several, a choice, or a bare question word. */
  cue?: Cue;
  filters: ListFilters;
}

/**
 * Reads list questions: "which hospitals have an international department?", "IB schools in Shunyi", "哪些医院有国际部",
 * "какие школы в Чаояне?". A message is a list question when it names a kind of place, asks for several (see
 * PLURAL_CUES), and says nothing else: after its kind, cue, filter and filler words, at most one word (or three
 * Chinese, Japanese or Korean content characters) may remain, so "which hospital treats snake bites at night?"
 * stays a question for retrieval.
 */
export class ListQuestionReader {
  private readonly kinds: PhraseList<{ kind: EntryKind; plural: boolean }>;
  private readonly cues: PhraseList<Cue>;
  private readonly districts: PhraseList<District>;
  private readonly languages: PhraseList<string>;
  private readonly foreignLanguages: PhraseList<true>;
  private readonly curricula: PhraseList<Curriculum[]>;
  private readonly features: PhraseList<Feature>;
  private readonly schoolTypes: PhraseList<(typeof FILTERED_SCHOOL_TYPES)[number]>;
  private readonly batches: PhraseList<number>;
  private readonly bareOrdinals: PhraseList<number>;
  /** The pilot's own name, which says "international medical" without asking for an international department. */
  private readonly pilotNames: PhraseList<true>;
  private readonly exampleMarkers: PhraseList<true>;
  /** Every phrase this reader knows is set aside when judging whether a message says anything else. */
  private readonly ownTopic: OwnTopicTest;
  /** The same, with what a kind of place is for, for a message naming that kind. */
  private readonly ownTopicOfKind: Map<EntryKind, OwnTopicTest>;
  /** The same, with bare ordinals, for a follow-up to a list of one batch. */
  private readonly ownTopicAfterBatch: OwnTopicTest;

  constructor(districtNames: DistrictNames) {
    const kindItems = (Object.entries(KIND_PHRASES) as [EntryKind, { plural: string[]; singular: string[] }][]).flatMap(([kind, { plural, singular }]) => [
      ...plural.map((phrase) => ({ phrase, value: { kind, plural: true } })),
      ...singular.map((phrase) => ({ phrase, value: { kind, plural: false } })),
    ]);
    // Longer phrases first, so "国际学校" is not read as a bare "学校" and "service centres" beats "service centre".
    kindItems.sort((a, b) => b.phrase.length - a.phrase.length);
    this.kinds = phraseList(kindItems);
    this.cues = phraseList([
      ...ALL_CUES.map((phrase) => ({ phrase, value: 'all' as const })),
      ...PLURAL_CUES.map((phrase) => ({ phrase, value: 'plural' as const })),
      ...CHOICE_CUES.map((phrase) => ({ phrase, value: 'choice' as const })),
      ...QUESTION_CUES.map((phrase) => ({ phrase, value: 'question' as const })),
    ]);
    const districtItems = withoutNamesInsideOthers(
      (Object.entries(districtNames) as [District, string[]][]).flatMap(([district, names]) =>
        [district, ...names].flatMap(districtNameForms).map((phrase) => ({ phrase, value: district })),
      ),
    );
    this.districts = phraseList(districtItems);
    const languageItems = Object.entries(LANGUAGE_NAMES).flatMap(([code, phrases]) => phrases.map((phrase) => ({ phrase, value: code })));
    this.languages = phraseList(languageItems);
    this.foreignLanguages = phraseList(FOREIGN_LANGUAGE_PHRASES.map((phrase) => ({ phrase, value: true as const })));
    this.curricula = phraseList(CURRICULUM_PHRASES.map(({ phrase, curricula }) => ({ phrase, value: curricula })));
    const featureItems = (Object.entries(FEATURE_PHRASES) as [Feature, string[]][]).flatMap(([feature, phrases]) => phrases.map((phrase) => ({ phrase, value: feature })));
    this.features = phraseList(featureItems);
    this.schoolTypes = phraseList(SCHOOL_TYPE_PHRASES.map(({ phrase, schoolType }) => ({ phrase, value: schoolType })));
    this.batches = phraseList(BATCH_PHRASES.map(({ phrase, batch }) => ({ phrase, value: batch })));
    this.bareOrdinals = phraseList(BARE_ORDINAL_PHRASES.map(({ phrase, batch }) => ({ phrase, value: batch })));
    this.pilotNames = phraseList(PILOT_NAMES.map((phrase) => ({ phrase, value: true as const })));
    this.exampleMarkers = phraseList(EXAMPLE_MARKERS.map((phrase) => ({ phrase, value: true as const })));
    const known = [
      ...kindItems, ...districtItems, ...languageItems, ...featureItems,
      ...[...ALL_CUES, ...PLURAL_CUES, ...CHOICE_CUES, ...QUESTION_CUES].map((phrase) => ({ phrase })), ...CURRICULUM_PHRASES, ...SCHOOL_TYPE_PHRASES, ...BATCH_PHRASES, ...[...FOREIGN_LANGUAGE_PHRASES, ...LIST_FILLER].map((phrase) => ({ phrase })),
    ].map(({ phrase }) => phrase);
    this.ownTopic = new OwnTopicTest(known);
    this.ownTopicAfterBatch = new OwnTopicTest([...known, ...BARE_ORDINAL_PHRASES.map(({ phrase }) => phrase)]);
    this.ownTopicOfKind = new Map((Object.entries(PURPOSE_PHRASES) as [EntryKind, string[]][]).map(([kind, purposes]) => [kind, new OwnTopicTest([...known, ...purposes])]));
  }

  /** The filters a message names (district, language, curriculum, feature, school type, age, batch), whatever else it says. */
  private filters(prepared: PreparedText, text: string): ListFilters {
    const curricula = mostSpecific(this.curricula.all(prepared));
    const schoolType = this.schoolTypes.first(prepared);
    const ageMatch = AGE_PATTERN.exec(withWesternDigits(text));
    const age = ageMatch?.[1] ?? ageMatch?.[2];
    const features = this.features.all(prepared);
    const language = languageBesides(this.languages.first(prepared), curricula, schoolType);
    return onlySet({
      districts: nonEmpty(this.districts.all(prepared)),
      language,
      // A language named says more than "a foreign language" ("a foreign language, English if possible").
      foreignLanguage: language === undefined && this.foreignLanguages.first(prepared) ? true : undefined,
      curricula: nonEmpty(curricula),
      features: nonEmpty(this.pilotNames.first(prepared) ? features.filter((f) => f !== 'internationalDepartment') : features),
      schoolType,
      age: age === undefined ? undefined : Number(age),
      batch: this.batches.first(prepared),
    });
  }

  private signals(text: string): ListSignals {
    const prepared = prepareText(text);
    const kind = this.kinds.first(prepared);
    return { kind: kind?.kind, plural: kind?.plural ?? false, cue: strongest(this.cues.all(prepared)), filters: this.filters(prepared, text) };
  }

  /**
   * The list a message asks for, or undefined when it is not a list question. A curriculum or a hospital's feature
   * implies the kind of place ("where can I study A-Levels?"). A list with no filter must say nothing else at all:
   * "which schools have boarding?" asks a facet we do not know, and every school is not its answer.
   */
  read(text: string, lang: Lang): ListQuery | undefined {
    const { kind: named, plural, cue, filters } = this.signals(text);
    const kind = named ?? impliedKind(filters);
    const filtered = Object.keys(filters).length > 0;
    const asksForSeveral = cue === 'all' || cue === 'plural' || (filtered ? plural || asksAmongFiltered(cue, named !== undefined, lang) : plural);
    if (!kind || !asksForSeveral) return undefined;
    const asked = kind === 'hotline' && this.givesExampleNumbers(text) ? withoutAge(text).replace(HOTLINE_NUMBER, ' ') : withoutAge(text);
    // A filtered list may come with a few words of its own; without a cue or plural word, only with none.
    const lenient = filtered && (cue !== undefined || plural);
    return saysMore((this.ownTopicOfKind.get(kind) ?? this.ownTopic).remainder(asked, lang), lenient) ? undefined : { kind, ...filtersFor(kind, filters) };
  }

  /**
   * Whether hotline numbers in a message are examples of the hotlines asked for ("hotlines, e.g. 12345", "比如12345、
   * 110这种"): several of them, or one after a word giving examples. One number alone names the hotline asked about
   * ("12345热线可以说英语吗?").
   */
  private givesExampleNumbers(text: string): boolean {
    return (text.match(HOTLINE_NUMBER) ?? []).length >= 2 || this.exampleMarkers.first(prepareText(text)) !== undefined;
  }

  /**
   * A list asked for in a message that says more besides ("we need residence permits: list all the exit-entry
   * halls"): a named kind of place and a cue asking for all of them ("which new hospitals…" asks for some, by what
   * we do not know). The rest of the message may be the real question, so this is only the answer when retrieval
   * finds nothing sure.
   */
  readAmidOther(text: string): ListQuery | undefined {
    const { kind, cue, filters } = this.signals(text);
    return kind && cue === 'all' ? { kind, ...filtersFor(kind, filters) } : undefined;
  }

  /**
   * A place named by its kind and where it is ("the exit-entry hall in Chaoyang", "통저우 출입경 서비스홀"), whatever
   * else the message says: the kind and the districts, when it names both.
   */
  readKindInDistrict(text: string): ListQuery | undefined {
    const { kind, filters } = this.signals(text);
    return kind && filters.districts ? { kind, districts: filters.districts } : undefined;
  }

  /**
   * Whether a message asks for several ("any", "which", "哪些"), not just a question ("what", "que"): after an answer
   * about one place, only such a message lists others.
   */
  asksForSeveral(text: string): boolean {
    const cue = strongest(this.cues.all(prepareText(text)));
    return cue !== undefined && cue !== 'question';
  }

  /**
   * A follow-up that only changes or adds filters ("and in Haidian?", "any with French?", "只要朝阳的"): its filters,
   * or undefined when it names a kind of place of its own or says anything else. `inContext` are the filters of the
   * list in context, if any.
   */
  refinement(text: string, lang: Lang, inContext?: ListFilters): ListFilters | undefined {
    const { kind, filters } = this.signals(text);
    if (kind) return undefined;
    if (Object.keys(filters).length === 0) return inContext?.batch === undefined ? undefined : this.otherBatch(text, lang);
    return this.hasOtherWords(text, lang) ? undefined : filters;
  }

  /** After a list of one batch, a message that names another by its ordinal alone ("а во вторую?"). */
  private otherBatch(text: string, lang: Lang): ListFilters | undefined {
    const batch = this.bareOrdinals.first(prepareText(text));
    if (batch === undefined) return undefined;
    // An ordinal alone is a weak sign, so nothing else may be said, not even one word.
    return saysMore(this.ownTopicAfterBatch.remainder(text, lang), false) ? undefined : { batch };
  }

  private hasOtherWords(text: string, lang: Lang): boolean {
    return this.ownTopic.hasOwnTopic(withoutAge(text), lang);
  }
}

/** The facet each filter of one kind of place reads; districts and languages are facts any place may have. */
export const FILTER_FACETS = { curricula: 'curricula', schoolType: 'schoolType', age: 'ages', batch: 'pilotBatch' } as const;
type FacetFilter = keyof typeof FILTER_FACETS;

/**
 * The filters that describe a kind of place (FACET_KINDS): "国际部" in a question about schools is not a hospital's
 * department, and "в первую очередь" ("first of all") is a batch only of talent communities.
 */
export function filtersFor(kind: EntryKind, filters: ListFilters): ListFilters {
  const { features, foreignLanguage, ...others } = filters;
  const describes = (facet: keyof typeof FACET_KINDS) => FACET_KINDS[facet].includes(kind);
  const kept = Object.entries(others).filter(([key]) => !(key in FILTER_FACETS) || describes(FILTER_FACETS[key as FacetFilter]));
  const keptFeatures = (features ?? []).filter(describes);
  // A foreign-language window ("外语窗口") is what the resident asked for; its words are not a second filter.
  const asksForWindow = keptFeatures.includes('foreignLanguageWindow');
  // Only the filters set: a refinement is spread over the list in context, and must not unset its other filters.
  return onlySet({ ...Object.fromEntries(kept), foreignLanguage: asksForWindow ? undefined : foreignLanguage, features: nonEmpty(keptFeatures) });
}

/** The filters that have a value: an unset key would overwrite a set one when filters are spread together. */
function onlySet(filters: ListFilters): ListFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as ListFilters;
}

const nonEmpty = <T>(values: T[]): T[] | undefined => (values.length > 0 ? values : undefined);

const UNMARKED_PLURAL = new Set<Lang>(['zh', 'ja', 'ko']);

/**
 * With a filter, whether a message naming no plural kind word still asks for several. Chinese, Japanese and Korean
 * nouns carry no plural, so there a filtered kind word is enough ("朝阳区的国际学校", "Haidianの病院"). Elsewhere a
 * choice ("which hospital in Chaoyang…") is enough, and a bare question word only without a kind word ("where can I
 * study A-Levels?"): "where is the Haidian service centre?" asks about one place.
 */
function asksAmongFiltered(cue: Cue | undefined, namesKind: boolean, lang: Lang): boolean {
  if (UNMARKED_PLURAL.has(lang)) return namesKind || cue !== undefined;
  return cue === 'choice' || (cue === 'question' && !namesKind);
}

/**
 * Every curriculum named, read as specifically as it was written: "IB Diploma" also contains "IB", which names all
 * four programmes, so a match that contains another is dropped; "A-levels and IGCSE" names both.
 */
function mostSpecific(matches: Curriculum[][]): Curriculum[] {
  const kept = matches.filter((match) => !matches.some((other) => other !== match && other.length < match.length && other.every((c) => match.includes(c))));
  return [...new Set(kept.flat())];
}

/**
 * The language filter, unless the word naming it belongs to a curriculum or school type also named: in "the
 * German curriculum" or "Chinese schools that take foreign children", German and Chinese name a country's school.
 */
function languageBesides(language: string | undefined, curricula: Curriculum[], schoolType: string | undefined): string | undefined {
  if (language === undefined) return undefined;
  const curriculum = CURRICULUM_OF_LANGUAGE[language];
  const namedByCurriculum = curriculum !== undefined && curricula.includes(curriculum);
  const namedBySchoolType = language === 'zh' && schoolType === 'chinese-school';
  return namedByCurriculum || namedBySchoolType ? undefined : language;
}

/** The kind of place a filter belongs to, when only one kind has it. */
function impliedKind(filters: ListFilters): EntryKind | undefined {
  if (filters.curricula || filters.schoolType) return 'school';
  const [feature] = filters.features ?? [];
  return feature && FACET_KINDS[feature][0];
}

/**
 * Korean residents also write districts by the Korean reading of their Chinese characters (朝阳 조양, 海淀 해전), beside
 * the transliteration the Korean locale displays (차오양구).
 */
const SINO_KOREAN_DISTRICT_NAMES: Record<District, string> = {
  dongcheng: '동성구', xicheng: '서성구', chaoyang: '조양구', haidian: '해전구', fengtai: '풍대구', shijingshan: '석경산구',
  mentougou: '문두구구', fangshan: '방산구', tongzhou: '통주구', shunyi: '순의구', changping: '창평구', daxing: '대흥구',
  huairou: '회유구', pinggu: '평곡구', miyun: '밀운구', yanqing: '연경구',
};

/** The district names of every locale in `localesDir`, and their Sino-Korean readings. */
export function districtNames(localesDir: string): DistrictNames {
  const resources = readLocaleResources(localesDir);
  const names = Object.fromEntries(DISTRICTS.map((district) => [district, [] as string[]])) as DistrictNames;
  for (const lang of LANGS) {
    const localized = (resources[lang].translation as { district: Record<District, string> }).district;
    for (const district of DISTRICTS) names[district].push(localized[district]);
  }
  for (const district of DISTRICTS) names[district].push(SINO_KOREAN_DISTRICT_NAMES[district]);
  return names;
}

/** A reader knowing the district names of every locale in `localesDir`, and their Sino-Korean readings. */
export function listQuestionReader(localesDir: string): ListQuestionReader {
  return new ListQuestionReader(districtNames(localesDir));
}
