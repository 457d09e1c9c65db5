/**
 * The words the redaction rules in redact.ts read around names, addresses and identifiers, in the nine languages:
 * cues that introduce a name or an address, words that say what a number is, street and building words, and words
 * that follow a cue without being a name ("I am French", "我是学生", "저는 학생입니다"). Regex sources are written
 * for the `u` and `i` flags; plain word sets are matched in lower case.
 */

const alternation = (words: string[]) => `(?:${words.join('|')})`;

// ---------------------------------------------------------------------------------------------------------------
// Names

/** Cues after which whatever follows is a name, whatever its case: "my name is john", "меня зовут анна", "我的名字是…". */
export const STRONG_NAME_CUES = [
  // en
  "(?:my|his|her|their|our|\\p{L}+['’]s) (?:full |first |last |family |given |sur)?name(?: is|['’]s)",
  'name\\s*[:：]',
  'contact(?: person)?\\s*[:：]',
  // fr
  'je m[’\']?appelle',
  'j[’\']m[’\']?appelle',
  'mon (?:nom(?: de famille)?|prénom) (?:est|c[’\']est)',
  'nom(?: complet)?\\s*[:：]',
  // es
  'me llamo',
  'mi (?:nombre(?: completo)?|apellido) es',
  'nombre\\s*[:：]',
  // de
  'ich hei(?:ß|ss)e',
  'mein (?:Vor|Nach|Familien)?[Nn]ame (?:ist|lautet)',
  // ru
  'меня зовут',
  'мо[её] (?:имя|полное имя)',
  'моя фамилия',
  '(?:имя|фамилия)\\s*[:：]',
  '(?:его|её|ее|сына|дочь|дочку|жену|мужа|ребёнка|ребенка|друга|подругу) зовут',
  // ar
  'اسمي',
  'إسمي',
  'اسمى',
  'اسمه',
  'اسمها',
  'يدعى',
  'تدعى',
  'الاسم\\s*[:：]',
  // zh ("我叫…" has a rule of its own: 叫 also means calling for a taxi)
  '(?:我的|我|孩子的|女儿的|儿子的|英文|中文)名字(?:是|叫)',
  '(?:本人)?姓名\\s*[:：是]',
  '(?:联系人|收件人|申请人|监护人)\\s*[:：是]',
  // ja
  '(?:私の|わたしの|僕の|娘の|息子の|妻の|夫の|子供の|子どもの)?名前は',
  '氏名\\s*[:：は]',
  // ko
  '(?:제|내|저의|나의|딸|아들|남편|아내|와이프|아이|엄마|아빠|친구)\\s?이름은',
  '성함은',
  '이름\\s*[:：]',
];

/** Cues after which a name follows only if it looks like one: capitalised, and not a nationality or a role. */
export const WEAK_NAME_CUES = [
  // en
  'I am',
  "I['’]m",
  "I(?: am|['’]m) called",
  'this is',
  'call me',
  '(?:full )?name',
  // fr
  'je suis',
  'moi c[’\']est',
  "s[’']appelle",
  // es
  'soy',
  'se llama',
  // de ("ich bin" has a rule of its own: German capitalises nouns, "ich bin Student")
  '(?:er|sie|es) hei(?:ß|ss)t',
  // ru
  'я',
];

/** Chinese cues for "is called": 我叫…, 她叫…, 孩子叫…. */
export const ZH_CALLED = '(?:我|他|她|孩子|女儿|儿子|妻子|老婆|丈夫|老公|朋友)叫';

/** "my daughter", "ma femme", "mi hijo", "mein Sohn", "мой сын", followed by a capitalised name. */
export const RELATIONS = [
  `(?:my|our) ${alternation([
    'wife', 'husband', 'son', 'daughter', 'child', 'kid', 'baby', 'mother', 'mom', 'mum', 'father', 'dad', 'brother', 'sister', 'friend', 'partner',
    'boyfriend', 'girlfriend', 'fianc[ée]e?', 'colleague', 'boss', 'neighbou?r', 'landlord', 'landlady', 'nanny', 'ayi', 'grandmother',
    'grandfather', 'grandson', 'granddaughter', 'cousin', 'nephew', 'niece', 'employee', 'employer', 'roommate', 'flatmate',
  ])}`,
  `(?:mon|ma|notre) ${alternation([
    'mari', 'femme', 'épouse', 'époux', 'fils', 'fille', 'enfant', 'bébé', 'mère', 'père', 'frère', 'sœur', 'soeur', 'ami', 'amie', 'copain',
    'copine', 'compagnon', 'compagne', 'collègue', 'voisin', 'voisine', 'nounou', 'grand-mère', 'grand-père', 'cousin', 'cousine', 'neveu',
    'nièce', 'colocataire', 'propriétaire',
  ])}`,
  `(?:mi|nuestro|nuestra) ${alternation([
    'esposo', 'esposa', 'marido', 'mujer', 'hijo', 'hija', 'bebé', 'madre', 'mamá', 'padre', 'papá', 'hermano', 'hermana', 'amigo', 'amiga',
    'novio', 'novia', 'pareja', 'compañero', 'compañera', 'colega', 'jefe', 'jefa', 'vecino', 'vecina', 'abuelo', 'abuela', 'primo', 'prima',
    'sobrino', 'sobrina', 'niñera', 'casero', 'casera',
  ])}`,
  `(?:mein|meine|meinem|meiner|meinen|unser|unsere|unserem|unserer) ${alternation([
    'Mann', 'Frau', 'Ehemann', 'Ehefrau', 'Sohn', 'Tochter', 'Kind', 'Baby', 'Mutter', 'Vater', 'Bruder', 'Schwester', 'Freund', 'Freundin',
    'Partner', 'Partnerin', 'Kollege', 'Kollegin', 'Chef', 'Chefin', 'Nachbar', 'Nachbarin', 'Oma', 'Opa', 'Vermieter', 'Vermieterin', 'Cousin',
    'Cousine', 'Neffe', 'Nichte', 'Mitbewohner', 'Mitbewohnerin',
  ])}`,
  // ru, declined: "моему сыну Ивану", "у моей жены Марии"
  `(?:мо[йяеёию]\\p{L}{0,2}|наш\\p{L}{0,3}) ${alternation([
    'жен', 'муж', 'сын', 'доч', 'ребён', 'ребен', 'мам', 'мат', 'пап', 'отц', 'отец', 'брат', 'сестр', 'друг', 'подруг', 'коллег', 'сосед',
    'бабушк', 'дедушк', 'внук', 'внучк', 'нян',
  ])}\\p{L}{0,4}`,
];

/** Titles before a family name, written with a capital: "Mr Smith", "Frau Müller", "Dr. Wang". */
export const TITLES = `${alternation([
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Mme', 'Mlle', 'Mademoiselle', 'Sr', 'Sra', 'Srta', 'Señorita', 'Herr', 'Frau', 'Fräulein',
])}\\.?`;
/** Titles people also write in lower case: "monsieur Dupont", "don José", "господин Петров". */
export const TITLES_ANY_CASE = ['Monsieur', 'Madame', 'Señor', 'Señora', 'Don', 'Doña', 'Господин', 'Госпожа', 'Г-н', 'Г-жа'];

/** Chinese relations and self-introductions before a name: 我是王芳, 本人张伟, 我女儿李娜. */
export const ZH_RELATIONS = `(?:我是|本人|我的?${alternation([
  '女儿', '儿子', '妻子', '老婆', '太太', '丈夫', '老公', '孩子', '妈妈', '爸爸', '母亲', '父亲', '哥哥', '姐姐', '弟弟', '妹妹', '朋友', '同事', '室友', '房东', '阿姨',
])})`;

/** Korean relations before a name: 제 딸 …, 우리 아들 …. */
export const KO_RELATIONS = `(?:제|내|저희|우리)\\s?${alternation([
  '딸', '아들', '남편', '아내', '와이프', '아이', '엄마', '아빠', '어머니', '아버지', '친구', '동생', '형', '오빠', '누나', '언니',
])}`;

/** Arabic relation words: زوجتي (my wife), ابني (my son), … */
export const ARABIC_RELATIONS = alternation([
  'زوجتي', 'زوجي', 'ابني', 'إبني', 'ابنتي', 'بنتي', 'أمي', 'امي', 'أبي', 'ابي', 'والدتي', 'والدي', 'أخي', 'اخي', 'أختي', 'اختي', 'صديقي', 'صديقتي',
  'طفلي', 'طفلتي',
]);

/** Capitalised words that follow "I am", "je suis", "мой сын" without being names: function words, places, nationalities, roles. */
export const NOT_NAMES = new Set([
  'i', 'im', 'a', 'an', 'the', 'in', 'at', 'on', 'from', 'to', 'for', 'with', 'of', 'and', 'or', 'but', 'not', 'no', 'yes', 'here', 'there', 'also',
  'very', 'so', 'just', 'now', 'still', 'currently', 'already', 'new', 'going', 'looking', 'trying', 'living', 'working', 'staying', 'studying',
  'please', 'thanks', 'thank', 'sorry', 'hello', 'hi', 'ok', 'okay', 'confused', 'lost', 'pregnant', 'sick', 'ill', 'married', 'single', 'retired',
  'de', 'du', 'des', 'la', 'le', 'les', 'un', 'une', 'en', 'et', 'ou', 'el', 'los', 'las', 'una', 'y', 'o', 'der', 'die', 'das', 'ein', 'eine', 'und',
  'вы', 'вам', 'вас', 'ваш', 'ваша', 'ваши', 'вашего', 'вашей', 'не', 'в', 'из', 'и', 'а', 'уже', 'здесь',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'us', 'usa', 'uk', 'eu', 'vip', 'phd', 'md', 'ceo', 'hr', 'it',
  // places
  'beijing', 'china', 'shanghai', 'tianjin', 'hong', 'macau', 'taiwan', 'pékin', 'pekín', 'peking', 'пекин', 'китай', 'chine', 'españa', 'france',
  'deutschland', 'chaoyang', 'haidian', 'dongcheng', 'xicheng', 'fengtai', 'shijingshan', 'tongzhou', 'shunyi', 'changping', 'daxing', 'fangshan',
  'mentougou', 'huairou', 'pinggu', 'miyun', 'yanqing', 'sanlitun', 'wangjing', 'guomao', 'wudaokou', 'zhongguancun', 'yizhuang', 'shuangjing',
  // nationalities, religions, roles (en)
  'american', 'british', 'english', 'french', 'german', 'spanish', 'italian', 'russian', 'chinese', 'japanese', 'korean', 'arab', 'arabic', 'canadian',
  'australian', 'indian', 'pakistani', 'brazilian', 'mexican', 'egyptian', 'moroccan', 'syrian', 'iraqi', 'saudi', 'emirati', 'turkish', 'iranian',
  'ukrainian', 'kazakh', 'mongolian', 'vietnamese', 'thai', 'filipino', 'indonesian', 'malaysian', 'singaporean', 'nigerian', 'kenyan', 'african',
  'european', 'asian', 'dutch', 'swiss', 'swedish', 'polish', 'portuguese', 'irish', 'scottish', 'belgian', 'austrian', 'greek', 'israeli',
  'uzbek', 'tajik', 'kyrgyz', 'turkmen', 'afghan', 'bangladeshi', 'nepali', 'nepalese', 'lankan', 'cambodian', 'lao', 'laotian', 'burmese', 'georgian',
  'armenian', 'azerbaijani', 'belarusian', 'serbian', 'croatian', 'czech', 'slovak', 'hungarian', 'romanian', 'bulgarian', 'finnish', 'norwegian',
  'danish', 'icelandic', 'chilean', 'argentinian', 'argentine', 'colombian', 'peruvian', 'venezuelan', 'cuban', 'ecuadorian', 'bolivian', 'uruguayan',
  'ethiopian', 'ghanaian', 'cameroonian', 'senegalese', 'sudanese', 'tunisian', 'algerian', 'libyan', 'jordanian', 'lebanese', 'palestinian',
  'yemeni', 'omani', 'qatari', 'kuwaiti', 'bahraini', 'zimbabwean', 'zambian', 'tanzanian', 'ugandan', 'rwandan', 'congolese', 'angolan', 'taiwanese',
  'muslim', 'christian', 'catholic', 'jewish', 'buddhist', 'hindu', 'student', 'teacher', 'doctor', 'engineer', 'foreigner', 'expat', 'tourist',
  'south', 'north', 'east', 'west', 'latin', 'zealander', 'kiwi',
  // fr
  'français', 'française', 'chinois', 'chinoise', 'allemand', 'allemande', 'américain', 'américaine', 'anglais', 'anglaise', 'espagnol', 'espagnole',
  'italien', 'italienne', 'russe', 'japonais', 'japonaise', 'coréen', 'coréenne', 'canadien', 'canadienne', 'belge', 'suisse', 'marocain', 'marocaine',
  'algérien', 'algérienne', 'tunisien', 'tunisienne', 'sénégalais', 'sénégalaise', 'ivoirien', 'ivoirienne', 'camerounais', 'camerounaise',
  'libanais', 'libanaise', 'africain', 'africaine', 'européen', 'européenne', 'étudiant', 'étudiante', 'enseignant', 'enseignante', 'médecin',
  'enceinte', 'étranger', 'étrangère',
  // es
  'español', 'española', 'mexicano', 'mexicana', 'argentino', 'argentina', 'colombiano', 'colombiana', 'chileno', 'chilena', 'peruano', 'peruana',
  'venezolano', 'venezolana', 'cubano', 'cubana', 'chino', 'francés', 'francesa', 'alemán', 'alemana', 'americano', 'americana', 'estadounidense',
  'ruso', 'rusa', 'japonés', 'japonesa', 'coreano', 'coreana', 'inglés', 'inglesa', 'italiano', 'italiana', 'estudiante', 'profesor', 'profesora',
  'extranjero', 'extranjera', 'embarazada',
  // de
  'deutscher', 'deutsche', 'chinesin', 'amerikaner', 'amerikanerin', 'franzose', 'französin', 'österreicher', 'österreicherin', 'schweizer',
  'schweizerin', 'ausländer', 'ausländerin', 'studentin', 'lehrer', 'lehrerin', 'arzt', 'ärztin', 'schwanger',
]);

/** Words that end a name after a strong cue, where case does not mark the end: "my name is john and I need …", "اسمي خالد من …". */
export const FUNCTION_WORDS = new Set([
  'and', 'i', 'im', "i'm", 'from', 'am', 'is', 'are', 'the', 'a', 'an', 'in', 'on', 'at', 'not', 'but', 'so', 'my', 'me', 'how', 'what', 'can', 'could',
  'need', 'want', 'would', 'please', 'hi', 'hello', 'who', 'also', 'wrong', 'spelled', 'written', 'missing', 'different', 'same', 'correct', 'still',
  'et', 'je', 'j', 'suis', 'mais', 'est', 'de', 'du', 'le', 'la', 'les', 'comment', 'pourquoi', 'y', 'yo', 'soy', 'pero', 'es', 'el', 'los', 'cómo',
  'und', 'ich', 'bin', 'aber', 'der', 'die', 'das', 'wie', 'и', 'я', 'а', 'но', 'как', 'что', 'мне', 'у', 'меня', 'в',
  'و', 'أنا', 'انا', 'وأنا', 'وانا', 'من', 'في', 'أريد', 'اريد', 'وأريد', 'واريد', 'أود', 'وأود', 'هل', 'كيف', 'عمري', 'أعيش', 'أسكن', 'أعمل', 'مع', 'على',
  'إلى', 'الى', 'عن', 'لدي', 'ولدي', 'عندي', 'وعندي', 'ما', 'ماذا', 'متى', 'أين', 'اين', 'لا', 'نعم', 'غير', 'ليس', 'ليست', 'لم', 'لن', 'قد', 'كان',
  'مكتوب', 'خطأ', 'رقم', 'ورقم', 'لكن', 'ولكن', 'ثم', 'أو', 'وهو', 'وهي', 'هو', 'هي',
]);

/** Words that make a capitalised phrase a place or an institution, not a person: "I am Chaoyang Hospital staff" (not "park": Linda Park). */
export const INSTITUTION_WORDS = new Set([
  'hospital', 'clinic', 'school', 'university', 'college', 'kindergarten', 'district', 'road', 'street', 'avenue', 'center', 'centre', 'office',
  'bureau', 'station', 'airport', 'embassy', 'consulate', 'police', 'bank', 'hotel', 'mall', 'market', 'company', 'ltd', 'hôpital', 'école',
  'université', 'ambassade', 'escuela', 'universidad', 'embajada', 'krankenhaus', 'schule', 'universität', 'botschaft', 'больница', 'школа',
  'университет', 'посольство',
]);

/** The commonest Chinese family names: weak cues ("我是…", "我女儿…", "…先生") need one to call what follows a name. */
export const ZH_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

/** Characters that end a Chinese name after a cue: verbs, particles and punctuation ("我叫王芳想问…"). */
export const ZH_NAME_STOPS = '我你他她您想要是在的了请问能可会和今住来从需有也就还都把被给对说去到吗呢吧啊什怎哪啥，。、！？';

/** Common words that begin with a family-name character: "我是高中生", "我女儿周末…", "我是韩国人". */
export const ZH_NOT_NAMES = [
  '高中', '高兴', '高烧', '马上', '周末', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '钱包', '安全', '方便', '许多', '何时', '于是', '白天', '夏天',
  '金额', '常常', '程序', '万一', '黄疸', '石头', '江西', '江苏', '韩国', '龙年', '史上', '高考', '周岁', '武汉', '沈阳', '郑州', '石家庄', '苏州', '徐州',
  '唐山', '黄山', '秦皇岛', '马来', '毛里', '孟加拉', '万达', '金融', '安徽', '吴江', '林业', '程度', '方面', '方法', '何况',
];


/** Last characters of role nouns in Chinese and Japanese: 学生, 外国人, 会社員, 医者, 教師, 大丈夫, 妊娠中. */
export const HAN_ROLE_ENDINGS = '人生员員者师師家手士业業族中婦妇夫职職身住民工长長友客';

/** Places a Chinese or Japanese cue may be followed by: 私は北京です. */
export const HAN_PLACES = ['北京', '中国', '日本', '東京', '上海', '韓国'];

/** Japanese words before さん/様 that are not names: 皆さん, 大家さん, お医者さん, 息子さん. */
export const JA_NOT_NAMES = ['皆', '大家', '医者', '看護師', '運転手', '店員', '駅員', '息子', '娘', '奥', '旦那', '子供', '子ども', '赤ちゃん', '警察', '先生', '客', '相手', '担当', '受付'];

/** The commonest Korean family names: "김민수 씨", "제 딸 이지은이". */
export const KO_SURNAMES = '김이박최정강조윤장임한오서신권황안송류전홍유고문양손배백허남심노하곽성차주우구민나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉';

/** Korean words a cue may be followed by that are not names: question words, roles, nationalities, "this time". */
export const KO_NOT_NAMES = [
  '어떻게', '뭐', '무엇', '뭔가요', '뭐예요', '영어로', '한국어로', '중국어로', '학생', '유학생', '외국인', '회사원', '직장인', '주부', '교수', '의사', '간호사', '선생님',
  '처음', '한국인', '미국인', '중국인', '일본인', '엄마', '아빠', '임산부', '환자', '관광객', '이름', '이번', '이제', '이사', '정말', '정도', '지금', '한국', '중국',
  '미국', '일본',
];

/** Last syllables of Korean role nouns: 외국인, 학생, 회사원, 사람, 처음, 주부, 간호사, 선생님, 근로자. */
export const KO_ROLE_ENDINGS = '인생원람음부사님객자';

/** Common Arabic given names: after a relation or "أنا" (Arabic has no capitals to go by) only these start a name. */
export const ARABIC_NAMES = new Set([
  'محمد', 'أحمد', 'احمد', 'محمود', 'مصطفى', 'علي', 'عمر', 'خالد', 'يوسف', 'إبراهيم', 'ابراهيم', 'حسن', 'حسين', 'عبد', 'عبدالله', 'عبدالرحمن', 'سعيد', 'سعد',
  'فهد', 'ناصر', 'سلمان', 'سلطان', 'فيصل', 'طارق', 'كريم', 'ياسين', 'آدم', 'ادم', 'زياد', 'وليد', 'هشام', 'عمرو', 'مراد', 'رامي', 'سامي', 'حمزة', 'أنس', 'انس',
  'فاطمة', 'عائشة', 'مريم', 'خديجة', 'زينب', 'نور', 'سارة', 'ساره', 'ليلى', 'هدى', 'أمل', 'امل', 'رنا', 'ريم', 'سلمى', 'ياسمين', 'منى', 'هند', 'دينا',
  'لينا', 'جنى', 'جنا', 'ملك', 'رقية', 'حلا', 'لمى', 'شهد', 'آية', 'اية', 'نادية', 'سمية', 'أسماء', 'اسماء',
]);

// ---------------------------------------------------------------------------------------------------------------
// Identifiers

/** Words that introduce an identifier: passport, ID card, residence permit. */
export const ID_WORDS = alternation([
  'passport', 'passeport', 'pasaporte', 'загранпаспорт\\p{L}{0,3}', 'паспорт\\p{L}{0,3}', 'reisepass', 'pass(?:nummer)?', 'personalausweis',
  'ausweis\\p{L}{0,8}', 'aufenthaltstitel', '护照', '護照', '身份证', '身份證', '证件', '證件', '居留许可', '居留证', '居留卡', '永居证', '永久居留身份证',
  '永久居留证', 'パスポート', '旅券', '在留カード', '여권', '외국인\\s?등록증?', '신분증', 'جواز(?: السفر)?', 'الجواز', 'الهوية', 'رقم الهوية', 'بطاقة الإقامة',
  'الإقامة', 'id(?: card)?', 'identity card', 'residence permit', 'permit', 'dni', 'nie', 'pièce d[\'’]identité', 'carte d[\'’]identité',
  'titre de séjour', 'carte de séjour', 'documento(?: de identidad)?', 'tarjeta de residencia', 'удостоверени\\p{L}{0,3}', 'внж', 'вид на жительство',
]);

/** Words that introduce a bank card or account number. */
export const CARD_WORDS = alternation([
  'card', 'carte', 'tarjeta', 'karte', 'kreditkarte', 'карт\\p{L}*', '卡', 'カード', '카드', 'بطاقة', 'iban', 'account', 'compte', 'cuenta', 'konto',
  'сч[её]т\\p{L}*', '账号', '账户', '帳戶', '口座', '계좌', 'حساب',
]);

/** Words that introduce a phone number. */
export const PHONE_WORDS = alternation([
  'phone', 'tel', 'téléphone', 'portable', 'teléfono', 'móvil', 'celular', 'telefon', 'handy', 'mobile', 'cell', 'whatsapp', 'телефон\\p{L}*', 'тел',
  'мобильн\\p{L}*', '电话', '電話', '手机', '手機', '携帯', '전화', '휴대폰', '핸드폰', 'هاتف', 'جوال', 'موبايل', 'رقمي',
]);

/** Between such a word and the identifier: "number", "No.", "n°", "серия", "номер", "号码", "番号", "번호", "رقم", "is", ":". */
export const NUMBER_FILLER = `(?:\\s*${alternation([
  'number', 'num', 'no\\.?', 'nr\\.?', 'n[°º]\\.?', 'num[ée]ro', 'número', 'nummer', 'номер', 'серия', 'серии', 'series', 'série', 'serie', '#', '番号',
  '号码', '號碼', '号', '번호', 'رقم', 'is', 'est', 'es', 'ist', 'lautet', ':', '：', '是', 'は', '는', '은', '-',
])})*\\s*`;

/** Messaging apps whose handle follows: "WeChat: wxid_abc123", "微信号 zhang_88", "카톡 아이디 kim123". Case-sensitive ("LINE", not "line 10"). */
export const MESSENGERS = alternation([
  '[Ww]e[Cc]hat', 'WECHAT', '[Ww]eixin', '微信号?', 'wx', 'WX', 'QQ号?', 'qq号?', 'LINE', 'Line ID', '[Kk]akao[Tt]alk', '카톡', '카카오톡', '[Tt]elegram',
  '[Ss]kype', '[Ww]hats[Aa]pp',
]);

/** Service and hotline numbers that stay even when several are written in a row: "110 119 120". */
export const SERVICE_NUMBERS = new Set([
  '110', '112', '114', '119', '120', '122', '911', '999', '12306', '12315', '12320', '12333', '12345', '12348', '12355', '12356', '12367', '12369', '10086',
  '10010', '10000', '95555', '95588', '95566',
]);

/** ISO currency codes, which look like the letters of a passport number: "RMB100000". */
export const CURRENCY_CODES = new Set(['RMB', 'CNY', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'RUB', 'HKD', 'AUD', 'CAD', 'CHF', 'SGD', 'AED', 'SAR']);

/** A currency just after an amount: "800 yuan", "1 000 000 ₽", "500元". */
export const CURRENCY_AFTER = /^\s?(?:yuan|rmb|cny|元|块|萬|万|€|eur|euros?|\$|usd|dollars?|руб|₽|юан|yen|yenes|円|원|won|ريال|جنيه|درهم|يوان|francs?|pesos?)/iu;
/** A currency just before an amount: "¥ 12000000", "RMB 1500000". */
export const CURRENCY_BEFORE = /(?:¥|\$|€|₽|£|rmb|cny|usd|eur)\s?$/iu;

// ---------------------------------------------------------------------------------------------------------------
// Addresses

/** Cues after which the rest of the clause is an address: "my address is …", "мой адрес …", "住所は…", "我的地址是…". */
export const ADDRESS_CUES = alternation([
  'my (?:home |current |residential |full )?address(?: is|\\s*:)',
  '(?:home |full )?address\\s*:',
  'I live at',
  'mon adresse(?: est|\\s*:)',
  'adresse\\s*:',
  'j[\'’]habite (?:au|à l[\'’]adresse)',
  'mi (?:dirección|domicilio)(?: es|\\s*:)',
  'dirección\\s*:',
  'meine (?:Adresse|Anschrift)(?: ist| lautet|\\s*:)',
  'anschrift\\s*:',
  'мой адрес(?:\\s*[:—-])?',
  'адрес\\s*:',
  'я живу по адресу',
  'адрес проживания:?',
  'عنواني(?: هو)?',
  'عنوان سكني',
  'العنوان\\s*:',
  '住所は',
  '住所[:：]',
  '주소는',
  '주소\\s*[:：]',
  '我(?:的|家)?(?:地址|住址)(?:是|[:：])',
  '(?:家庭)?(?:地址|住址)[:：]',
]);

export const LATIN_STREET_TYPES = [
  'Road', 'Rd.', 'Rd', 'Street', 'St.', 'St', 'Avenue', 'Ave.', 'Ave', 'Lane', 'Boulevard', 'Blvd', 'Drive', 'Way', 'Place', 'Square', 'Hutong', 'Lu', 'Jie',
  'Dajie', 'Dadao', 'Beilu', 'Nanlu', 'Xilu', 'Donglu', 'Zhonglu', 'Court', 'Terrace', 'Highway',
];
export const FRENCH_STREET_TYPES = ['Rue', 'Avenue', 'Av.', 'Boulevard', 'Bd', 'Place', 'Allée', 'Chemin', 'Impasse', 'Quai', 'Route', 'Cours', 'Square'];
export const SPANISH_STREET_TYPES = ['Calle', 'C/', 'Avenida', 'Avda.', 'Avda', 'Paseo', 'Plaza', 'Camino', 'Carrera', 'Ronda'];
export const RUSSIAN_STREET_TYPES = [
  'ул.', 'улица', 'улице', 'улицу', 'пр-т', 'пр.', 'просп.', 'проспект', 'проспекте', 'пер.', 'переулок', 'переулке', 'бульвар', 'бульваре', 'б-р', 'шоссе',
  'наб.', 'набережная', 'набережной', 'пл.', 'площадь', 'площади',
];
/** German street endings, written into the name: Hauptstraße, Goethestr., Lindenweg. */
export const GERMAN_STREET_ENDINGS = alternation(['straße', 'strasse', 'str\\.', 'weg', 'platz', 'allee', 'gasse', 'ring', 'damm', 'ufer']);
/** The same as words of their own: "Berliner Straße 5". */
export const GERMAN_STREET_WORDS = alternation(['Straße', 'Strasse', 'Str\\.', 'Weg', 'Platz', 'Allee', 'Gasse', 'Ring', 'Damm']);
/** What follows a Russian street and house number: "корп. 2", "кв. 15". */
export const RUSSIAN_HOUSE_PARTS = alternation(['корп\\.', 'корпус', 'к\\.', 'стр\\.', 'строение', 'кв\\.', 'квартира', 'подъезд', 'под\\.', 'эт\\.', 'этаж']);

/** Building, flat, floor… in Latin, Cyrillic and Arabic script; two in a row are an address ("Building 3, Apt 1502"). */
export const BUILDING_WORDS = alternation([
  'building', 'bldg\\.?', 'block', 'blk\\.?', 'tower', 'apt\\.?', 'apartment', 'unit', 'room', 'rm\\.?', 'flat', 'suite', 'floor', 'fl\\.?', 'entrance',
  'bâtiment', 'bât\\.?', 'appartement', 'appart\\.?', 'appt\\.?', 'escalier', 'esc\\.?', 'étage', 'porte', 'edificio', 'edif\\.?', 'torre', 'bloque',
  'piso', 'apartamento', 'apto\\.?', 'puerta', 'portal', 'gebäude', 'haus', 'wohnung', 'whg\\.?', 'stock', 'etage', 'zimmer', 'aufgang', 'корпус',
  'корп\\.?', 'строение', 'стр\\.?', 'квартира', 'кв\\.?', 'подъезд', 'этаж', 'дом', 'д\\.', 'عمارة', 'العمارة', 'مبنى', 'المبنى', 'بناية', 'برج', 'شقة',
  'الشقة', 'الطابق', 'طابق',
]);
/** A flat alone is an address: "Apt 1502", "кв. 15", "شقة 12". */
export const HOME_WORDS = alternation([
  'apt\\.?', 'apartment', 'flat', 'appartement', 'appart\\.?', 'appt\\.?', 'apartamento', 'apto\\.?', 'wohnung', 'whg\\.?', 'квартира', 'кв\\.', 'شقة', 'الشقة',
]);

/** Chinese street words before a house number: 建国路88号, 东四十条甲22号, 南锣鼓巷. */
export const ZH_STREETS = alternation(['大街', '大道', '胡同', '路', '街', '道', '巷', '里', '条', '弄']);
/** Chinese compound names before a building: 望京花园, 团结湖小区, 国贸公寓. */
export const ZH_COMPOUNDS = alternation(['小区', '社区', '花园', '公寓', '大厦', '家园', '公馆', '苑', '园', '里', '村', '府', '庭', '湾']);
/** Han characters that end a place name on the left: "我住在|朝阳区…", "请问|建国路…". */
export const ZH_ADDRESS_STOPS = '我你他她您住在是的到去从址于请问找往离近和跟对给把被要想叫这那哪';

/** Where an address given after a cue ends: a clause starting after a comma ("…, how do I …"). */
export const CLAUSE_START = new RegExp(
  `^${alternation([
    'how', 'what', 'can', 'could', 'where', 'when', 'do', 'does', 'is', 'am', 'should', 'i', 'and', 'but', 'please', 'so', 'comment', 'est-ce', 'puis-je',
    'pouvez', 'où', 'quand', 'cómo', 'dónde', 'puedo', 'qué', 'y', 'wie', 'kann', 'wo', 'was', 'und', 'как', 'где', 'могу', 'что', 'и', 'كيف', 'أين', 'هل', 'و',
  ])}(?![\\p{L}])`,
  'iu',
);
/** Abbreviations whose full stop does not end an address: "No.", "St.", "Apt.", "ул.", "д.", "кв.". */
export const ABBREVIATION_DOT = new RegExp(
  `(?:^|[\\s,])${alternation([
    'no', 'st', 'apt', 'rd', 'ave', 'bldg', 'rm', 'blvd', 'nr', 'str', 'av', 'bd', 'dr', 'ул', 'д', 'кв', 'корп', 'стр', 'пр', 'пер', 'n°', 'appt', 'bât',
  ])}\\.$`,

  'iu',
);
