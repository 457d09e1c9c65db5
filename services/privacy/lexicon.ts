/**
 * The words the redaction rules in redact.ts read around names, addresses and identifiers, in the nine languages:
 * cues that introduce a name or an address, words that say what a number is, street, estate and building words, words
 * that follow a cue without being a name ("I am French", "我是学生", "저는 학생입니다", "娘の学校"), common given and
 * family names that make a name of a word nothing introduces ("Anna needs a visa"), and the domain's and the message's
 * own capitalised words, which never do ("Chaoyang", "Thanks"). Regex sources are written for the `u` and `i` flags;
 * plain word sets are matched in lower case.
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

/** Chinese cues inside a sentence after which a name follows: "我儿子名叫阿里", "我的中文名是柯立安". */
export const ZH_NAME_CUES = '(?:名叫|(?:中文|英文)名字?(?:是|叫|[:：]))';

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
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Mme', 'Mlle', 'Mademoiselle', 'Sr', 'Sra', 'Srta', 'Señorita', 'Herrn?', 'Frau', 'Fräulein',
])}\\.?`;
/** Titles people also write in lower case: "monsieur Dupont", "don José", "господин Петров". */
export const TITLES_ANY_CASE = ['Monsieur', 'Madame', 'Señor', 'Señora', 'Don', 'Doña', 'Господин', 'Госпожа', 'Г-н', 'Г-жа'];

/** Chinese relations and self-introductions before a name: 我是王芳, 本人张伟, 我女儿李娜. */
export const ZH_RELATIONS = `(?:我是|本人|(?:我|我们)的?${alternation([
  '女儿', '儿子', '妻子', '老婆', '太太', '丈夫', '老公', '爱人', '先生', '媳妇', '孩子', '妈妈', '爸爸', '母亲', '父亲', '哥哥', '姐姐', '弟弟', '妹妹', '朋友', '同事',
  '室友', '房东', '阿姨', '男朋友', '女朋友', '未婚夫', '未婚妻', '同学', '老板', '外婆', '奶奶', '爷爷', '外公', '孙子', '孙女',
])})`;

/** Korean relations before a name: 제 딸 …, 우리 아들 …, 남편 … (형, 아이, 친구 only after 제/우리: "B형" is a blood type). */
export const KO_RELATIONS = `(?:(?<![가-힣])(?:(?:제|내|저희|우리)\\s?)?${alternation([
  '딸', '아들', '남편', '아내', '와이프', '어머니', '아버지', '동생', '오빠', '누나', '언니',
])}|(?<![가-힣])(?:제|내|저희|우리)\\s?${alternation(['아이', '엄마', '아빠', '친구', '형'])})`;

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
  // places named after people: "Marco Polo Bridge", "Julia's Bakery", "Maria Montessori school"
  'bridge', 'temple', 'palace', 'museum', 'gate', 'lake', 'square', 'bakery', 'café', 'cafe', 'restaurant', 'shop', 'store', 'pharmacy', 'church',
  'mosque', 'library', 'zoo', 'stadium', 'theatre', 'theater', 'cinema', 'academy', 'institute', 'foundation', 'montessori', 'kita',
]);

/** The commonest Chinese family names: weak cues ("我是…", "…先生") need one to call what follows a name. */
export const ZH_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
/**
 * Less common family names, for what follows a relation ("我母亲蔺秀兰…"), where a name is likelier: characters that
 * seldom start an ordinary word after "我女儿" (not 申, 包, 房, 查, 毕, 居, 施, 温: 申请, 包括, 房东, 查询, 毕业, 居留, 施工, 温州).
 */
export const ZH_RARE_SURNAMES =
  '乔闵佟鲍柯蔺裴霍岳牛党兰鲁葛伍庞樊殷翟聂凌骆倪焦祝甘欧郎阎邢洪柴耿穆滕艾麦隋瞿卓蒙苗纪邬詹褚郁邝卞祁晏屈卜桂茅芮储靳宓栾厉戎蒲邰鄂胥姬扶濮冀扈燕阙晁敖訾阚逯竺蒯荆岑晋谌巩芦柳符闻莘童舒章左季谷盛戚宫仲';
/** Doubled characters after a relation that are not a child's pet name (宁宁, 乐乐): 常常, 刚刚, 天天, 好好. */
export const ZH_DOUBLED_WORDS = ['常常', '刚刚', '慢慢', '天天', '偏偏', '往往', '渐渐', '稍稍', '谢谢', '宝宝', '星星', '人人', '个个', '样样', '处处', '时时', '默默', '轻轻', '好好', '早早', '久久', '明明', '仅仅', '多多', '看看', '想想', '试试', '问问'];

/** Characters of foreign names written in Chinese: 安娜, 大卫, 安德烈, 玛丽亚, 穆罕默德; a name after a relation may be made of these only. */
export const ZH_FOREIGN_NAME_CHARS =
  '阿艾埃爱安奥巴芭贝本彼波伯布查达大黛丹得德迪蒂杜朵多厄恩尔法菲费芬弗福盖格哈海汉翰赫亨华霍基吉佳加杰捷金卡凯坎康柯科克肯库拉莱兰劳雷蕾黎里莉丽利莲琳林卢鲁路露伦罗洛玛马迈麦曼梅蒙米密姆莫默穆娜纳奈内妮尼诺欧帕佩皮珀普奇琪乔琼茜萨塞赛桑森莎珊尚舍史斯松苏索塔泰坦汤唐特提图托瓦万威韦维卫温沃乌西希锡夏肖歇谢辛欣雅亚扬耶叶伊依易尤约詹珍朱兹卓佐娅薇芙茨斐恺撒瑟茱烈山保治罕迪';

/** Characters that end a Chinese name after a cue: verbs, particles and punctuation ("我叫王芳想问…"). */
export const ZH_NAME_STOPS = '我你他她您想要是在的了请问能可会和今住来从需有也就还都把被给对说去到吗呢吧啊什怎哪啥，。、！？';

/** Common words that begin with a family-name character: "我是高中生", "我女儿周末…", "我是韩国人". */
export const ZH_NOT_NAMES = [
  '高中', '高兴', '高烧', '马上', '周末', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '钱包', '安全', '方便', '许多', '何时', '于是', '白天', '夏天',
  '金额', '常常', '程序', '万一', '黄疸', '石头', '江西', '江苏', '韩国', '龙年', '史上', '高考', '周岁', '武汉', '沈阳', '郑州', '石家庄', '苏州', '徐州',
  '唐山', '黄山', '秦皇岛', '马来', '毛里', '孟加拉', '万达', '金融', '安徽', '吴江', '林业', '程度', '方面', '方法', '何况',
  // after a relation: 我女儿大学毕业, 我妻子西安人, 我先生加班
  '大学', '大使', '大概', '大约', '西安', '拉萨', '巴黎', '加班', '加拿大', '马来西亚', '亚洲', '欧洲', '美国', '法国', '德国', '俄罗斯', '意大利', '西班牙', '英国',
  '日本', '中国', '北京', '上海', '天津', '香港', '澳门', '台湾', '牙科', '卡号', '卡片', '海关', '海外', '海淀', '朝阳', '通州', '丰台', '顺义', '大兴',
  '昌平', '怀柔', '密云', '延庆', '平谷', '房山', '门头沟', '石景山', '东城', '西城', '尼泊尔', '伊朗', '土耳其', '埃及', '乌克兰', '巴西', '墨西哥', '阿根廷', '新加坡',
  '泰国', '越南', '印度', '澳大利亚', '新西兰', '荷兰', '瑞士', '瑞典', '比利时', '葡萄牙', '希腊', '波兰', '奥地利', '丹麦', '挪威', '芬兰', '爱尔兰', '苏格兰',
  '保险', '保姆', '保安', '治疗', '普通', '特别', '利用', '卫生', '多大', '多少', '一直',
  // common words that start with a family name: 我母亲高血压, 我女儿严重过敏, 我儿子夏令营
  '高血压', '高血糖', '高龄', '高铁', '高级', '高温', '高度', '高校', '高速', '叶酸', '任职', '任何', '任务', '于上', '于下', '于今', '常规', '常用', '常住', '方案',
  '方式', '方向', '毛病', '毛衣', '金卡', '石膏', '白血病', '白班', '黄金', '严重', '严格', '夏令营', '夏季', '韩语', '韩文', '钟点', '余额', '熊猫', '顾问', '顾客', '范围',
  '董事', '田径', '陶瓷', '贺卡', '孔子', '龙舟', '温度', '温州', '章程', '左右', '季度', '盛大', '宫颈', '童年', '闻到', '谷歌',
];


/** Last characters of role nouns in Chinese and Japanese: 学生, 外国人, 会社員, 医者, 教師, 大丈夫, 妊娠中. */
export const HAN_ROLE_ENDINGS = '人生员員者师師家手士业業族中婦妇夫职職身住民工长長友客';

/** Places a Chinese or Japanese cue may be followed by: 私は北京です. */
export const HAN_PLACES = ['北京', '中国', '日本', '東京', '上海', '韓国'];

/** Japanese words before さん/様 that are not names: 皆さん, 大家さん, お医者さん, 息子さん, 赤ちゃん, 同様. */
export const JA_NOT_NAMES = ['皆', '赤', '同', '模', '仕', '異', '大家', '医者', '看護師', '運転手', '店員', '駅員', '息子', '娘', '奥', '旦那', '子供', '子ども', '赤ちゃん', '警察', '先生', '客', '相手', '担当', '受付'];

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
  'تامر', 'هاني', 'ماجد', 'باسم', 'وائل', 'عماد', 'جمال', 'كمال', 'عادل', 'نبيل', 'شريف', 'أيمن', 'ايمن', 'أشرف', 'اشرف', 'إسلام', 'اسلام', 'معاذ', 'بلال', 'جابر',
  'عثمان', 'صالح', 'صلاح', 'منصور', 'نايف', 'بدر', 'راشد', 'حمد', 'حامد', 'ماهر', 'مازن', 'نزار', 'غسان', 'فادي', 'فراس', 'قاسم', 'مهدي', 'عباس', 'جعفر', 'رضا',
  'يحيى', 'زكريا', 'إسماعيل', 'اسماعيل', 'موسى', 'عيسى', 'هارون', 'سليمان', 'داود', 'إلياس', 'الياس', 'أيوب', 'ايوب', 'لؤي', 'أسامة', 'اسامة', 'حازم', 'عمار', 'ياسر',
  'رغد', 'غادة', 'رهف', 'دعاء', 'إيمان', 'ايمان', 'هبة', 'رشا', 'سماح', 'نوال', 'وفاء', 'سعاد', 'حنان', 'بسمة', 'جميلة', 'لبنى', 'ندى', 'روان', 'رزان', 'تسنيم', 'بشرى',
  'سهى', 'عبير', 'إسراء', 'اسراء', 'آلاء', 'الاء', 'شيماء', 'صفاء', 'مروة', 'منار', 'ميار', 'يارا', 'جود', 'تالا', 'لانا', 'حياة', 'خلود', 'أميرة', 'اميرة', 'نسرين',
  // foreign names in Arabic script
  'جون', 'ماريا', 'ماري', 'ديفيد', 'دافيد', 'مايكل', 'آنا', 'آنّا', 'صوفي', 'بيتر', 'توماس', 'أليكس', 'اليكس', 'إيفان', 'ايفان', 'ناتاشا', 'أولغا', 'اولغا',
  'جيمس', 'روبرت', 'ويليام', 'دانيال', 'إيما', 'ايما', 'أوليفيا', 'اوليفيا', 'لوكاس', 'ماركو', 'كارلوس', 'خوسيه', 'بيير', 'جان', 'هانز', 'إيلينا', 'ايلينا',
]);

/** Japanese relations before の and a name: 夫のジョンが…, 娘の美咲は…. */
export const JA_RELATIONS = alternation([
  '夫', '妻', '主人', '娘', '息子', '子供', '子ども', '長男', '長女', '次男', '次女', '母', '父', '兄', '姉', '弟', '妹', '友人', '友達', '同僚', '上司', '彼氏', '彼女', '婚約者',
]);
/** Words after "娘の", "夫の" that are not names: 娘の学校, 夫のビザ, 息子の予防接種. */
export const JA_RELATION_NOT_NAMES = [
  'ビザ', 'パスポート', 'ワクチン', 'アルバイト', 'クラス', 'ママ', 'パパ', 'ベビー', 'ベビーカー', 'ミルク', 'オムツ', 'アレルギー', 'インフルエンザ', 'ピアノ', 'サッカー', 'スクール',
  'カード', 'ケア', 'チケット', 'ホテル', 'マンション', 'アパート', 'ビジネス', 'オフィス', 'スマホ', 'メール', 'サイン', 'データ', 'ID', 'フライト', 'ペット', 'ケガ', 'ピル',
  '学校', '幼稚園', '保育園', '病院', '会社', '仕事', '名前', '保険', '手続き', '予防接種', '誕生日', '健康', '体調', '病気', '入学', '国籍', '年齢', '部屋', '友達', '先生', '両親',
  '家族', '様子', '調子', '出生', '出産', '妊娠', '在留', '就労', '勤務', '転勤', '転校', '通院', '入院', '治療', '手術', '検査', '分', '方', '件', '代わり', '代理', '面倒',
  '分娩', '赤ちゃん', '実家', '担任', '手帳', '接種手帳', '母子手帳', '場合', '学費', '割引', '体温', '職場', '勉強', '通訳', '翻訳', '住所', '連絡先', '電話', '携帯', '口座', '写真', '書類', '証明', '成績', '宿題', '通学', '送迎', '給料', '収入', '日本人', '外国人',
];
/** Last characters of Japanese nouns after a relation: 学校, 病院, 会社, 証明書, 保険料, 日本語. */
export const JA_NOUN_ENDINGS = '校園院社証書券科費料局所館式類険続種気期日語業金話号票籍齢事務理録届査験診状先国手字室間時年月週薬熱病明歳人員者場温任地宅療費帳';

/** Korean nouns after a relation that are not names: 딸 학교가, 남편 비자가, 아내 여권을. */
export const KO_RELATION_NOT_NAMES = [
  '학교', '비자', '여권', '회사', '직장', '병원', '유치원', '어린이집', '생일', '나이', '국적', '보험', '서류', '일', '친구', '가족', '이름', '외국인등록증', '등록증', '건강', '상태',
  '때문', '담임', '선생님', '숙제', '공부', '학원', '취업', '취업비자', '일자리', '월급', '출생', '출생신고', '예방접종', '접종', '수술', '검사', '진료', '치료', '입원', '임신', '출산',
  '전화', '번호', '주소', '계좌', '카드', '사진', '거류증', '거류허가', '체류', '신분증', '것', '거', '게', '분', '쪽', '집', '방', '차', '돈', '옷', '밥', '약', '열', '감기', '기침',
  '둘', '셋', '넷', '하나', '두', '세', '모두', '다', '혼자', '같이', '또', '도', '역시', '지금', '이번', '내일', '오늘', '어제', '요즘', '아직', '벌써', '정말', '너무', '많이',
  '직원', '공무원', '회원', '비용', '외국', '중국', '한국', '미국', '일본', '성적', '키', '몸', '눈', '얼굴', '머리', '배', '이', '피부', '기분',
  '직업', '동료', '상사', '부모', '엄마', '아빠', '가게', '사업', '차량', '운전', '면허', '시험', '결과', '휴가', '여행', '방학', '나라', '고향', '언어', '영어', '중국어', '한국어',
];
/** Last syllables of Korean nouns after a relation: 학교, 비자, 여권, 회사, 병원, 보험. */
export const KO_NOUN_ENDINGS = '교권사험증료금장실과청관표류비자일강님제부학업약';

/** Arabic cues before a given name on the telephone or in a greeting: "معكم أحمد" (Ahmed speaking). */
export const ARABIC_NAME_CUES = alternation(['معكم', 'معك', 'معاكم', 'معاك', 'أنا اسمي', 'انا اسمي']);

/**
 * Common given names in Latin script, in lower case, across the languages residents write in: a capitalised one
 * starts a name even when nothing introduces it ("Anna needs a visa"), and after a weak cue it may be in lower case
 * ("i am anna"). Names that are also ordinary words (Will, May, Mark, Ella "she", Christian) are left out or listed
 * in NAMES_ALSO_WORDS.
 */
export const GIVEN_NAMES = new Set(
  `aaron abdul abdullah abel abigail ada adam adrian adriana agnes ahmad ahmed ahmet aidan aiko aisha akira alan alba albert alberto aleksandr
  aleksandra alejandra alejandro alessandra alessandro alex alexander alexandra alexandre alexei alexey alfonso alfred ali alice alicia alina alison
  amanda amara amelia amelie amélie amina amir amit amy ana anastasia ananya andre andrea andreas andrei andres andrés andrew andrey andy angela
  angelika angelo anika anil anita ann anna annabelle anne annette annika anton antoine antonio antonia ariana arjun arnaud arthur astrid audrey axel
  ayşe aylin ayumi baptiste barbara bastian beatrice beatriz beatrix benedikt benjamin benoît benoit bernd bettina bianca birgit björn boris brandon
  brian brigitte bruno camila camille carla carlos carmen carolina caroline cassandra catalina catherine cecilia cédric celine céline charlotte chiara
  chinedu chloe chloé chris christina christine christoph christophe christopher claire clara claudia clément clement colin constance corinne cristina
  cristian daniel daniela daniele danielle daria darya david debora deborah deepak denis denise diana diego dieter dimitri dmitri dmitry dominik
  dominique dora dorothea edgar eduardo edward elena eleonora elias elif elisa elisabeth eliza elizabeth ellen eloise élodie elodie emil emilia emilie
  émilie emily emma emmanuel emre enrique eric erik erika ernesto esteban esther ethan étienne etienne eugene eva evelyn fabian fabien fabio fatima
  fatma fatou federica federico felipe felix félix fernanda fernando filip florian francesca francesco francisco françois francois franziska frederic
  frédéric frederik gabriel gabriela gabriele gabrielle gaël georg george georges gerald gerhard giorgio giovanni giulia giuseppe gonzalo gregor gregory
  guillaume gustavo hamza hana hannah hanna hans harald harry haruto hassan heike heinrich helen helena helga henri henrik henry hiroshi hugo ian
  ibrahim ibrahima ignacio igor ilya ines inés ingrid irene irina isaac isabel isabella isabelle ivan ivana jack jacob jacqueline jacques jakob jamal
  james jana jane janet jasmin javier jean jeanne jennifer jens jérôme jerome jessica joachim joan joanna joaquín joaquin joe johann johanna johannes
  john jonas jonathan jordi jorge josé jose josef joseph josephine joshua juan judith julia julian julián julie julien juliette jürgen jurgen justin
  karen karin karina karim karl karolina kate katharina katherine kathrin katja katrin kazuki keiko kenji kenta kevin khalid kim klaus kristina kwame
  lara laura lauren laurent layla lea léa leila lena leo léo leon léon leonardo leonie leyla lisa liam linda lorena lorenzo louis louise luca lucas
  lucía lucia lucie luis luisa lukas luke magdalena mamadou manon manuel manuela marc marcel marcela marco marcos margaret margarita maria maría
  mariam marie marina mario marion marisol markus marta martha martin martina mary maryam mateo mathias mathieu matilda matteo matthew matthias mattia
  maurice maxim maxime maximilian mehmet melanie mélanie melissa mia michael michaela michel michelle miguel mikhail minjun min-jun miriam mohamed
  mohammad mohammed monica mónica monika moussa mustafa nadia nadine naoko natalia natalie nataliya natasha nathalie nathan neha ngozi nicolás nicolas
  nicole niklas nikita nikolai nina noah noemi noémie nora norbert nour oleg olga oliver olivia oluwaseun omar oscar óscar pablo pamela paola pascal
  patricia patrick paul paula paulina pauline pavel pedro peter petra philipp philippe pierre pietro pooja priya priyanka rachel rafael rahul rainer
  raj ralf ramón ramon rania raphael raphaël raquel ravi rebecca renate rené rene ricardo richard rita robert roberto rodrigo roland romain rosalie
  ruben rubén rudolf ruth sabine sabrina sacha sakura salma samantha samir samuel sandra sara sarah sasha sebastian sébastien sebastien sergei sergey
  sergio silvia simon simona simone sophia sophie stefan stefanie stéphane stephanie stéphanie steven sunil susanne sven sylvie takeshi tamara tanja
  tariq tatiana tatyana teresa théo theo thierry thomas tim timo timothy tobias tomás tomas tom tomoko torsten ulrich ursula valentin valentina
  valeria valérie valerie vanessa victor víctor vincent viktor viktoria vladimir walter werner william wolfgang xavier yann yasmin youssef yousef yuki
  yuri yusuf yuto yves zoe zoé charles sam ben nick lily ashley megan jake ryan tyler ava isla freya harriet finn lars nils anders mikael amira yara
  dalia rami tarek hussein yuna jihoon seojun minseo jiwoo haruka yui hina riku sota takumi daiki shota yuka misaki aya linh minh huong`.split(/\s+/),
);
/** Given names that are also words or places ("Max. 3 days", "Ella necesita", "Santiago de Chile"): a name only with a surname or after a cue. */
export const NAMES_ALSO_WORDS = new Set(['max', 'ella', 'dan', 'kai', 'milan', 'santiago', 'sofia', 'sofía', 'victoria', 'jan', 'rosa', 'luna']);

/** Common Russian given names in the nominative; "Максиму", "Елену", "Алексея" are found by their case endings. */
export const RU_GIVEN_NAMES = new Set(
  `александр алексей анатолий андрей антон аркадий арсений артём артем борис вадим валентин валерий василий виктор виталий владимир владислав
  вячеслав геннадий георгий герман глеб григорий даниил денис дмитрий евгений егор иван игорь илья кирилл константин леонид максим марк матвей
  михаил никита николай олег павел пётр петр руслан семён семен сергей станислав степан тимофей тимур фёдор федор юрий ярослав эдуард эмиль
  альберт ренат богдан тарас давид марат рустам азамат нурлан ержан фарид анастасия алёна алена александра алина алла анна антонина валентина
  валерия варвара вероника виктория галина дарья диана екатерина елена елизавета жанна зоя инна ирина карина кира кристина ксения лариса лидия
  людмила маргарита марина мария милана наталья наталия нина оксана ольга полина раиса светлана софия софья таисия тамара татьяна ульяна юлия
  яна олеся эльвира снежана асель айгуль`.split(/\s+/),
);
/** Russian given names that are also words (вера "faith", роман "novel", Германии "Germany"): a name only with a surname. */
export const RU_NAMES_ALSO_WORDS = new Set(['герман', 'вера', 'надежда', 'любовь', 'роман', 'лев', 'ян', 'слава', 'майя', 'роза', 'лилия']);
/** A Russian surname in any case: Орлов, Орлову, Волкова, Волковой, Соколовым, Кузнецов, Ильин, Достоевский, Шевченко. */
export const RU_SURNAME_ENDING = /(?:[оеё]в|[иы]н)(?:а|у|ой|ым|ом|е|ых|ым|ой)?$|(?:ск|цк)(?:ий|ая|ого|ому|им|ом|ой|ую|ие|их)$|(?:енко|ук|юк|ич|вич|ян|дзе|швили)$/u;

/** Chinese family names in pinyin, before a given name in pinyin: "Zhang Wei", "Li Na" (not "He", which is English). */
export const PINYIN_SURNAMES = new Set(
  `wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo gao lin luo zheng liang xie song tang han feng deng cao peng zeng xiao tian
  dong yuan pan jiang cai yu du ye cheng su wei lü lv ding ren shen yao lu cui zhong tan fan jin shi liao jia xia fu fang bai zou meng xiong qin
  qiu yin xue yan duan lei hou long tao gu mao hao gong shao wan qian dai mo kong xiang ouyang sima zhuge shangguan`.split(/\s+/),
);

/**
 * Capitalised words that are the product's domain, not a person, when they stand next to a name candidate: Beijing's
 * districts and areas, estates, landmarks, institutions' qualifiers, apps, greetings. The caller may add the knowledge
 * base's own vocabulary with the `knownWords` option of redactPersonalData.
 */
export const DOMAIN_WORDS = new Set(
  `international academy lycée lycee français francais école ecole college institute institut union united family medical peking capital
  national municipal public security exit entry administration service services centre center saint st san santa sankt sainte
  sanlitun wangjing guomao wudaokou zhongguancun yizhuang shuangjing liangmaqiao yansha dongzhimen jianguomen chaoyangmen andingmen xizhimen
  fuxingmen qianmen wangfujing xidan dongdan tiananmen gongti taikoo tuanjiehu jinsong jianwai hepingli huajiadi shunyi houshayu tianzhu
  liuliqiao lido yayuncun wukesong haidian chaoyang dongcheng xicheng fengtai shijingshan tongzhou changping daxing fangshan mentougou huairou
  pinggu miyun yanqing beijing pékin pekín pechino china chine soho plaza tower towers garden gardens park mansion apartments
  terminal airport metro subway line road street avenue lu jie hutong dajie beili nanli xili dongli jiayuan huayuan xiaoqu alipay wechat weixin
  didi meituan taobao jd unionpay visa mastercard amex apple google baidu gaode amap ctrip mobile unicom telecom ikea starbucks
  dulwich harrow keystone daystar wab isb biss bsb yew chung oasis bupa cigna allianz pumch tsinghua renmin beida hsk igcse
  bezirk straße strasse krankenhaus botschaft пекин пекине пекина китай китае посольство work permit residence insurance health social card
  passport certificate registration license licence tax police immigration customs hotline form application appointment check exam test report
  department office branch east west south north central inner outer middle upper lower ring city wall nest cube hall market hill mountain
  river great forbidden summer water silk pearl olympic temple palace gate lake bridge museum tianjin shanghai hong kong macau`.split(/\s+/),
);

/** Words before a given name in the name of a place or school: "Saint Paul American School", "Lycée Français International Charles de Gaulle". */
export const NAMED_AFTER_PEOPLE = new Set([
  'saint', 'st', 'st.', 'san', 'santa', 'sankt', 'sainte', 'international', 'internacional', 'internationale', 'lycée', 'lycee', 'école', 'ecole', 'collège',
  'colegio', 'rue', 'avenue', 'calle', 'via', 'place', 'plaza', 'boulevard', 'queen', 'king', 'prince', 'princess', 'lady', 'lord', 'fort', 'port',
  'français', 'francais', 'française', 'american', 'british', 'german', 'deutsche', 'canadian', 'australian', 'japanese', 'korean', 'russian',
]);

/** Capitalised words of a message's frame, never a signature or a name: greetings, days, months, addressees. */
export const MESSAGE_WORDS = new Set(
  `happy merry christmas easter holidays spring festival golden week new year monday tuesday wednesday thursday friday saturday sunday january
  february march april may june july august september october november december good morning afternoon evening night dear sir madam madame
  monsieur señor señora herr frau team everyone all anyone someone somebody anybody everybody nobody who hello hi hey thanks thank regards best
  kind cheers sincerely greetings bonjour bonsoir merci cordialement salut hola gracias saludos buenos buenas días dias tardes hallo danke grüße
  gruß liebe lieber guten tag moin jemand niemand alle quelqu personne alguien nadie todos кто все привет здравствуйте добрый день спасибо
  help please sorry urgent question ok okay yes no day holiday very much many warm wishes yours truly beaucoup bien vous bonne journée muchas cordiales un
  atentamente schön sehr voraus vielen dank viele beste freundliche freundlichen mit lg mfg заранее большое уважением всего доброго luck any
  advice ideas asap`.split(/\s+/),
);

/** Words that close a message before a signature: "Thanks, Anna", "Merci. Julien Moreau", "Спасибо, Ирина Соколова". */
export const CLOSINGS = alternation([
  'thanks(?: a lot| so much| in advance)?', 'thank you(?: very much| so much| in advance)?', 'many thanks', '(?:best|kind|warm)(?: regards| wishes)?', 'regards', 'cheers',
  'sincerely', 'yours(?: sincerely| truly)?', 'merci(?: beaucoup| d[\'’]avance)?', 'cordialement', 'bien à vous', 'bonne journée', 'gracias(?: de antemano)?', 'muchas gracias',
  'saludos(?: cordiales)?', 'un saludo', 'atentamente', 'danke(?: schön| sehr| im Voraus)?', 'vielen dank', '(?:viele|liebe|beste|freundliche) grüße', 'mit freundlichen grüßen',
  'lg', 'mfg', 'спасибо(?: заранее| большое)?', 'с уважением', 'всего доброго', 'شكرا', 'شكراً', 'مع التحية', 'تحياتي',
]);
/** Words after or before a name that gives itself at the start of a message: "Anna Schmidt here", "ici Marie", "aquí Carlos". */
export const HERE_AFTER = alternation(['here', 'speaking', 'hier', 'ici', 'aquí', 'aqui', 'здесь', 'на связи']);
export const HERE_BEFORE = alternation(['ici', 'aquí', 'aqui', 'hier ist', 'hier spricht', 'это']);
/** After a name: "Lukas Weber mein Name", "Dupont, c'est mon nom", "Anna Lee is my name". */
export const NAME_AFTER = alternation(['is my name', '(?:ist )?mein (?:Vor|Nach)?[Nn]ame', 'es mi nombre', "c['’]est mon nom", 'est mon nom', '— моё имя', '- моё имя']);

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
/** Estates and compounds before a building number: "Jinsong Nanli 12", "Wangjing Garden 3", "Tuanjiehu Beili 5". */
export const ESTATE_WORDS = [
  'Beili', 'Nanli', 'Xili', 'Dongli', 'Zhongli', 'Beiyuan', 'Xiyuan', 'Dongyuan', 'Jiayuan', 'Huayuan', 'Xiaoqu', 'Shequ', 'Garden', 'Gardens', 'Apartments',
  'Residence', 'Residences', 'Mansion', 'Mansions', 'Villas', 'Compound', 'Estate', 'Court', 'SOHO', 'Soho',
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
  'bâtiment', 'bât\\.?', 'tour', 'appartement', 'appart\\.?', 'appt\\.?', 'escalier', 'esc\\.?', 'étage', 'porte', 'edificio', 'edif\\.?', 'torre', 'bloque',
  'piso', 'apartamento', 'apto\\.?', 'puerta', 'portal', 'unidad', 'escalera', 'bloc', 'gebäude', 'haus', 'wohnung', 'whg\\.?', 'stock', 'etage', 'zimmer',
  'aufgang', 'einheit', 'eingang', 'секция', 'корпус',
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
