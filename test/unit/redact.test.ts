import { describe, expect, it } from 'vitest';
import { knownWordsFrom, normaliseForStorage, redactForStorage, redactPersonalData, type PiiKind } from '../../services/privacy/redact.js';

/** A question with personal data: what must not survive redaction, and the kind of mask it should get. */
type Sample = [text: string, secrets: string[], kind: PiiKind];

const samples: Record<string, Sample[]> = {
  en: [
    ['Hi, my name is Emma Wilson and I lost my passport', ['Emma', 'Wilson'], 'name'],
    ['My passport number is 533123456, how do I report it lost?', ['533123456'], 'id-number'],
    ['Call me back on +1 (415) 555-0132 please', ['415', '555-0132'], 'phone'],
    ['my daughter Olivia Brown needs a residence permit, we live at Building 3, Apt 1502, Sanlitun Soho', ['Olivia', 'Brown', '1502'], 'address'],
    ["I'm David, my email is david.miller@example.com", ['David', 'david.miller'], 'email'],
    ['I live at 88 Jianguo Road, Chaoyang District', ['88 Jianguo'], 'address'],
    ['My bank card 6222 0212 3456 7890 123 was swallowed by the ATM', ['6222 0212 3456 7890 123'], 'card-number'],
    ['Mr. Thompson from T3 1201 wants to register his address', ['Thompson', 'T3 1201'], 'address'],
    ["My US passport is A12345678 and my wife's is 987654321", ['A12345678', '987654321'], 'id-number'],
    ['whatsapp me at 0044 7700 900123', ['7700 900123'], 'phone'],
    ['my wechat is wxid_abc12345', ['wxid_abc12345'], 'account'],
    ["hello, I am Sarah O'Connor, passport no. 123456789, lost it yesterday", ["O'Connor", '123456789'], 'name'],
    ['You can reach me at (+86) 186-0101-2233 anytime', ['186-0101-2233'], 'phone'],
    ["my husband's name is Kenji Watanabe", ['Kenji', 'Watanabe'], 'name'],
    ['Contact: sarah.oconnor+visa@outlook.com', ['sarah.oconnor', 'outlook'], 'email'],
    ['Address: Room 2103, Tower B, Jianwai SOHO, 39 East Third Ring Road', ['2103', 'Jianwai SOHO', '39 East'], 'address'],
    ['my son Leo Martin, born 2019, needs vaccinations', ['Leo', 'Martin'], 'name'],
    ["I'm Priya Sharma and my Indian passport is Z1234567", ['Priya', 'Sharma', 'Z1234567'], 'id-number'],
    ['ID card 11010519850612002X', ['11010519850612002X'], 'id-number'],
    ['please text 130 0000 1111', ['130 0000 1111'], 'phone'],
    ["I'm staying at Apartment 12B, Block 3, Wangjing Garden", ['12B'], 'address'],
    ['My card number is 4532015112830366', ['4532015112830366'], 'card-number'],
    ['old permanent residence card CAN110012345678', ['CAN110012345678'], 'id-number'],
    ['my KR passport is M98765432', ['M98765432'], 'id-number'],
    ['JP passport TK7654321, name Yamada Hanako', ['TK7654321', 'Yamada', 'Hanako'], 'name'],
    ['My phone: 139 1012 3456. My name: Anna Ivanova.', ['139 1012 3456', 'Anna', 'Ivanova'], 'phone'],
    ['email me at john (at) example (dot) com', ['john', 'example'], 'email'],
    ["Hello I'm Michael Brown, I need help with my work permit", ['Michael', 'Brown'], 'name'],
    ['My passport is G 1234 5678, is it still valid?', ['1234 5678'], 'id-number'],
    ['Reach me at +86-10-8888 6666 or tel. 010 8765 4321', ['8888 6666', '8765 4321'], 'phone'],
    ['E-mail: JOHN.DOE@GMAIL.COM', ['JOHN.DOE'], 'email'],
    ['I live in No. 5 Dongzhimen South Street, Dongcheng', ['5 Dongzhimen'], 'address'],
    ['We moved to Unit 1, Building 12, Wangjing Xiyuan', ['Building 12'], 'address'],
    ['my friend Ahmed Khan lost his residence permit', ['Ahmed', 'Khan'], 'name'],
    ['passport number: 123456789 (UK)', ['123456789'], 'id-number'],
    ['my phone number is 1 3 8 1 2 3 4 5 6 7 8', ['1 3 8 1 2 3 4 5 6 7 8'], 'phone'],
    ["I'm called Anna Lee", ['Anna', 'Lee'], 'name'],
    ['I am LI Na, my passport is E98765432', ['LI Na', 'E98765432'], 'name'],
    ['My IBAN is DE89 3704 0044 0532 0130 00', ['DE89', '3704 0044'], 'card-number'],
    ['Chaoyang Park Plaza, Tower 3, 1201', ['Tower 3, 1201'], 'address'],
    ['Apt. 3B, 25 Liangmaqiao Road', ['3B', '25 Liangmaqiao'], 'address'],
    ['Good morning, this is Linda Park, my residence permit number is 110105198703150028', ['Linda', 'Park', '110105198703150028'], 'name'],
    ['Contact Mr Li on 186 0000 9999', ['Li', '186 0000 9999'], 'phone'],
    ['My Korean passport number is M12398745, and I live at 101동 302호', ['M12398745', '302호'], 'address'],
    // Second round: names nothing introduces, weak cues, relations, oblique cases, estate and office addresses.
    ['Anna needs a visa extension, which documents do I bring?', ['Anna'], 'name'],
    ['i am anna and my visa expires next week', ['anna'], 'name'],
    ['im david smith, where do i get a work permit', ['david', 'smith'], 'name'],
    ['Anna Schmidt here, I have a question about health insurance', ['Anna', 'Schmidt'], 'name'],
    ['Can you help me renew my residence permit? Thanks, Michael Johnson', ['Michael', 'Johnson'], 'name'],
    ['Where do I register the birth of my baby?\nEmily', ['Emily'], 'name'],
    ['Please tell Sarah Connor that the appointment moved to Monday', ['Sarah', 'Connor'], 'name'],
    ['Does Zhang Wei need a new residence permit after changing jobs?', ['Zhang Wei'], 'name'],
    ['We rent Building 5, Room 302, Tuanjiehu Beili, is the landlord responsible for repairs?', ['302', 'Tuanjiehu Beili'], 'address'],
    ['Our office is Wangjing SOHO T3 1201, where do we register?', ['Wangjing SOHO', '1201'], 'address'],
    ['My flat is Wangjing Huajiadi 3-2-1104', ['Huajiadi', '3-2-1104'], 'address'],
    ['Please send it to Chaoyang District, 12 Guanghua Road', ['Chaoyang District', '12 Guanghua'], 'address'],
    ['I moved to Jinsong Nanli 12, how do I update my registration?', ['Jinsong Nanli 12'], 'address'],
    ['Best regards,\nNgozi Okafor', ['Ngozi', 'Okafor'], 'name'],
    ['Emma and Noah need vaccinations, where?', ['Emma', 'Noah'], 'name'],
    ['Priya Patel here - what is the fee for a work permit?', ['Priya', 'Patel'], 'name'],
    ['Where is the nearest hospital? - Laura Bianchi', ['Laura', 'Bianchi'], 'name'],
    ['Thanks a lot!\nOlivia', ['Olivia'], 'name'],
    ['Wang Fang here, how do I apply for a residence permit?', ['Wang Fang'], 'name'],
    ['Please deliver to Sanlitun SOHO Building 3, 1502', ['Sanlitun SOHO', '1502'], 'address'],
  ],
  fr: [
    ["Bonjour, je m'appelle Claire Martin, mon numéro de passeport est 18CV45678", ['Claire', 'Martin', '18CV45678'], 'id-number'],
    ['Mon téléphone : +33 6 12 34 56 78', ['6 12 34 56 78'], 'phone'],
    ['ma femme Sophie a perdu sa carte de séjour', ['Sophie'], 'name'],
    ["J'habite au 12 rue de la Paix, appartement 5", ['12 rue de la Paix'], 'address'],
    ['Mon adresse est Bâtiment 2, Appartement 1803, Wangjing', ['1803'], 'address'],
    ['mon fils Lucas Bernard a 8 ans', ['Lucas', 'Bernard'], 'name'],
    ['Écrivez-moi à claire.m@orange.fr', ['claire.m@orange.fr'], 'email'],
    ['Je suis Pierre Lefèvre, numéro １３８１２３４５６７８', ['Pierre', 'Lefèvre', '13812345678'], 'phone'],
    ['Mon nom est Dubois, mon portable est le 06 12 34 56 78', ['Dubois', '06 12 34 56 78'], 'phone'],
    ["Je m'appelle jean-pierre et j'habite 5 avenue Foch", ['jean-pierre', 'Foch'], 'address'],
    ["ma fille Chloé Petit a besoin d'un certificat", ['Chloé', 'Petit'], 'name'],
    ["Je m'appelle Amélie Laurent et mon numéro est 07 89 12 34 56", ['Amélie', 'Laurent', '07 89 12 34 56'], 'phone'],
    ['Mon mari Jean Dupont travaille à Pékin', ['Jean', 'Dupont'], 'name'],
    // Second round: names nothing introduces, weak cues, relations, oblique cases, estate and office addresses.
    ['Bonjour, ici Marie Dubois, je cherche un pédiatre', ['Marie', 'Dubois'], 'name'],
    ['je suis camille et je dois renouveler mon visa', ['camille'], 'name'],
    ['Comment prolonger mon visa ? Merci beaucoup. Julien Moreau', ['Julien', 'Moreau'], 'name'],
    ['Envoyez le colis à Jianwai SOHO, tour 9, 2105', ['Jianwai SOHO', '2105'], 'address'],
    ['Nathalie a perdu son passeport à Sanlitun', ['Nathalie'], 'name'],
  ],
  es: [
    ['Hola, me llamo Carlos García López y necesito renovar mi visa', ['Carlos', 'García', 'López'], 'name'],
    ['Mi número de pasaporte es PAA123456', ['PAA123456'], 'id-number'],
    ['mi teléfono es 612 345 678', ['612 345 678'], 'phone'],
    ['Vivo en Calle Mayor 5, piso 3', ['Calle Mayor 5'], 'address'],
    ['mi hija Sofía necesita una vacuna', ['Sofía'], 'name'],
    ['Soy Lucía Fernández, mi correo es lucia.fernandez@gmail.com', ['Lucía', 'Fernández', 'lucia.fernandez'], 'email'],
    ['Mi nombre es Javier y mi DNI es 12345678Z', ['Javier', '12345678'], 'id-number'],
    ['Mi tarjeta 4111 1111 1111 1111 no funciona en el metro', ['4111 1111 1111 1111'], 'card-number'],
    ['Mi apellido es Rodríguez y mi móvil +34 612 34 56 78', ['Rodríguez', '612 34 56 78'], 'phone'],
    ['mi esposa Laura y yo vivimos en Avenida de la Constitución, 12', ['Laura', 'Constitución, 12'], 'address'],
    ['Me llamo María José Torres, mi pasaporte es XDA654321', ['María', 'José', 'Torres', 'XDA654321'], 'id-number'],
    ['Mi número es +52 55 1234 5678', ['55 1234 5678'], 'phone'],
    ['Mi NIE es X1234567L', ['X1234567L'], 'id-number'],
    // Second round: names nothing introduces, weak cues, relations, oblique cases, estate and office addresses.
    ['Hola, aquí Carlos Ruiz, ¿cómo pido cita en el hospital?', ['Carlos', 'Ruiz'], 'name'],
    ['soy ana y necesito un certificado médico', ['ana'], 'name'],
    ['Diego Hernández necesita renovar su permiso de residencia', ['Diego', 'Hernández'], 'name'],
    ['¿Puede Valentina Rossi recoger mi pasaporte? Gracias, Marco', ['Valentina', 'Rossi', 'Marco'], 'name'],
    ['Vivo en Chaoyang, Jinsong Nanli 5-3-401', ['Jinsong Nanli', '5-3-401'], 'address'],
  ],
  ru: [
    ['Здравствуйте, меня зовут Иван Петров', ['Иван', 'Петров'], 'name'],
    ['Мой загранпаспорт 72 1234567, как продлить визу?', ['72 1234567'], 'id-number'],
    ['мой телефон +7 (916) 123-45-67', ['(916) 123-45-67'], 'phone'],
    ['Я живу по адресу ул. Тверская, д. 7, кв. 15', ['Тверская', 'д. 7', 'кв. 15'], 'address'],
    ['моя дочь Анна Смирнова заболела', ['Анна', 'Смирнова'], 'name'],
    ['Паспорт 45 09 123456, срок истёк', ['45 09 123456'], 'id-number'],
    ['Моя почта ivan_petrov@mail.ru', ['ivan_petrov@mail.ru'], 'email'],
    ['Я Алексей, мой номер 8 916 123 45 67', ['Алексей', '8 916 123 45 67'], 'phone'],
    ['Меня зовут ольга, телефон 8-926-555-44-33', ['ольга', '8-926-555-44-33'], 'phone'],
    ['мой муж Сергей Иванов потерял паспорт 75 1234567', ['Сергей', 'Иванов', '75 1234567'], 'id-number'],
    ['Меня зовут Дмитрий Соколов, паспорт 4510 123456', ['Дмитрий', 'Соколов', '4510 123456'], 'id-number'],
    ['Моя жена Екатерина не может получить визу', ['Екатерина'], 'name'],
    ['паспорт серии 4509 № 123456', ['4509', '123456'], 'id-number'],
    ['Моё имя — Ольга Кузнецова', ['Ольга', 'Кузнецова'], 'name'],
    // Second round: names nothing introduces, weak cues, relations, oblique cases, estate and office addresses.
    ['Нужно передать документы Максиму Орлову', ['Максиму', 'Орлову'], 'name'],
    ['Я хочу записать Елену Волкову к врачу', ['Елену', 'Волкову'], 'name'],
    ['Алексей Морозов, нужна ли мне регистрация?', ['Алексей', 'Морозов'], 'name'],
    ['Как продлить визу? Спасибо, Ирина Соколова', ['Ирина', 'Соколова'], 'name'],
    ['Сергей Кузнецов здесь, вопрос про визу', ['Сергей', 'Кузнецов'], 'name'],
    ['я ольга, как продлить визу', ['ольга'], 'name'],
    ['Передайте, пожалуйста, Виктору Павлову', ['Виктору', 'Павлову'], 'name'],
    ['Здравствуйте, это Ольга Петрова, вопрос про ВНЖ', ['Ольга', 'Петрова'], 'name'],
  ],
  ar: [
    ['مرحبا، اسمي محمد أحمد وأريد تجديد التأشيرة', ['محمد', 'أحمد'], 'name'],
    ['رقم جوازي A12345678', ['A12345678'], 'id-number'],
    ['رقم هاتفي ١٣٨١٢٣٤٥٦٧٨', ['13812345678'], 'phone'],
    ['ابني يوسف يحتاج إلى تطعيم', ['يوسف'], 'name'],
    ['أسكن في شارع جيانغو رقم 88', ['جيانغو', '88'], 'address'],
    ['بريدي الإلكتروني ahmed.ali@yahoo.com', ['ahmed.ali@yahoo.com'], 'email'],
    ['عنواني: مبنى 5، شقة 1203، حي وانغجينغ', ['1203'], 'address'],
    ['أنا فاطمة الزهراء ورقم هاتفي +86 139 1234 5678', ['فاطمة', 'الزهراء', '139 1234 5678'], 'phone'],
    ['رقم هاتفي ۰۹۱۲۳۴۵۶۷۸۹', ['09123456789'], 'phone'],
    ['اسمي خالد وعنواني شارع الملك فهد 25', ['خالد', 'فهد 25'], 'address'],
    ['زوجتي سارة تحتاج إلى تأشيرة', ['سارة'], 'name'],
    ['هاتفي: +971 50 123 4567', ['50 123 4567'], 'phone'],
    ['اسمي عمر حسن ورقم جوازي N12345678', ['عمر', 'حسن', 'N12345678'], 'id-number'],
    ['هاتفي 00971501234567', ['00971501234567'], 'phone'],
    ['أسكن في مجمع وانغجينغ، المبنى 3، الشقة 1502', ['المبنى 3', '1502'], 'address'],
    // Second round: names nothing introduces, weak cues, relations, oblique cases, estate and office addresses.
    ['ابني تامر يحتاج إلى شهادة ميلاد', ['تامر'], 'name'],
    ['زوجي جون يعمل في بكين', ['جون'], 'name'],
    ['معكم أحمد، أريد تجديد الإقامة', ['أحمد'], 'name'],
    ['معكم ماريا من إسبانيا، كيف أفتح حسابا بنكيا؟', ['ماريا'], 'name'],
    ['زوجتي رغد تحتاج إلى تأشيرة', ['رغد'], 'name'],
  ],
  de: [
    ['Hallo, mein Name ist Thomas Müller', ['Thomas', 'Müller'], 'name'],
    ['Meine Reisepassnummer ist C01X00T47', ['C01X00T47'], 'id-number'],
    ['Ich wohne in der Hauptstraße 12, 10115 Berlin', ['Hauptstraße 12'], 'address'],
    ['mein Sohn Max braucht einen Kitaplatz', ['Max'], 'name'],
    ['Meine Handynummer: 0151 23456789', ['0151 23456789'], 'phone'],
    ['Ich heiße Anna Schmidt, meine E-Mail ist anna.schmidt@web.de', ['Anna', 'Schmidt', 'anna.schmidt'], 'email'],
    ['Meine Frau Julia und ich wohnen in Gebäude 4, Wohnung 1201', ['Julia', 'Wohnung 1201'], 'address'],
    ['Ausweisnummer L01X00T47', ['L01X00T47'], 'id-number'],
    ['Ich heiße Lukas, meine Telefonnummer ist +49 (0)30 1234567', ['Lukas', '1234567'], 'phone'],
    ['Wir wohnen in der Berliner Straße 5a', ['Berliner Straße 5a'], 'address'],
    ['meine Tochter Mia Schneider geht in die Schule', ['Mia', 'Schneider'], 'name'],
    ['ich bin Anna Becker und habe eine Frage', ['Anna', 'Becker'], 'name'],
    ['Mein Name ist Julia Wagner, Handy 0176 12345678', ['Julia', 'Wagner', '0176 12345678'], 'phone'],
    ['Ich wohne in der Goethestraße 7, Wohnung 3', ['Goethestraße 7', 'Wohnung 3'], 'address'],
    ['Pass-Nr. C4J8K2L9M', ['C4J8K2L9M'], 'id-number'],
    ['Mein Sohn heißt Felix', ['Felix'], 'name'],
    ['Ich heiße Stefan Becker und meine Adresse ist Chaoyang Lu 12', ['Stefan', 'Becker', 'Chaoyang Lu 12'], 'address'],
    // Second round: names nothing introduces, weak cues, relations, oblique cases, estate and office addresses.
    ['ich bin Anna und brauche einen Termin beim Arzt', ['Anna'], 'name'],
    ['Anna Schmidt hier, ich habe eine Frage zur Krankenversicherung', ['Anna', 'Schmidt'], 'name'],
    ['Hallo, Lukas Weber mein Name, ich brauche eine Meldebescheinigung', ['Lukas', 'Weber'], 'name'],
    ['Wie verlängere ich das Visum? Vielen Dank, Katrin Hoffmann', ['Katrin', 'Hoffmann'], 'name'],
    ['Wir wohnen in Gebäude 7, Wohnung 1201, Anhui Beili', ['1201', 'Anhui Beili'], 'address'],
    ['Können Sie Herrn Weber anrufen?', ['Weber'], 'name'],
    ['Wohnung: Haus 12, Einheit 3, Zimmer 402, Jinsong Xili', ['402', 'Jinsong Xili'], 'address'],
  ],
  ja: [
    ['私は田中太郎です。ビザの更新について', ['田中太郎'], 'name'],
    ['パスポート番号はTK1234567です', ['TK1234567'], 'id-number'],
    ['電話番号は090-1234-5678です', ['090-1234-5678'], 'phone'],
    ['山田花子と申します。', ['山田花子'], 'name'],
    ['住所は朝陽区建国路88号3号楼1502です', ['建国路88号', '1502'], 'address'],
    ['娘のエミリーちゃんの予防接種', ['エミリー'], 'name'],
    ['メールはtanaka@example.co.jpです', ['tanaka@example.co.jp'], 'email'],
    ['私はジョン・スミスです', ['ジョン・スミス'], 'name'],
    ['東京都港区六本木1丁目2番3号に住んでいました', ['1丁目2番3号'], 'address'],
    ['私の名前は佐藤健です。', ['佐藤健'], 'name'],
    ['携帯：０８０−１２３４−５６７８', ['1234', '5678'], 'phone'],
    ['鈴木さんに連絡したいです', ['鈴木'], 'name'],
    ['パスポート番号 TR9876543', ['TR9876543'], 'id-number'],
    ['グランドヒルズ1502号室に住んでいます', ['1502号室'], 'address'],
    ['私の名前はマリア・ガルシアです', ['マリア・ガルシア'], 'name'],
    ['電話は080-9876-5432です。', ['080-9876-5432'], 'phone'],
    ['住所は北京市朝陽区光華路12号です', ['光華路12号'], 'address'],
    ['在留カード番号 AB12345678CD', ['AB12345678CD'], 'id-number'],
    // Second round: names nothing introduces, weak cues, relations, oblique cases, estate and office addresses.
    ['夫のジョンが在留カードをなくしました', ['ジョン'], 'name'],
    ['娘の美咲は来月から幼稚園です', ['美咲'], 'name'],
    ['息子の健太(5歳)の予防接種について', ['健太'], 'name'],
    ['妻のアンナがビザを申請します', ['アンナ'], 'name'],
    ['望京花家地3-2-1104に住んでいます', ['3-2-1104'], 'address'],
    ['娘のエマ(3歳)の保育園を探しています', ['エマ'], 'name'],
  ],
  ko: [
    ['안녕하세요, 제 이름은 김민수입니다', ['김민수'], 'name'],
    ['여권번호는 M12345678입니다', ['M12345678'], 'id-number'],
    ['제 전화번호는 010-1234-5678이에요', ['010-1234-5678'], 'phone'],
    ['저는 박지은입니다. 비자 연장 문의드립니다', ['박지은'], 'name'],
    ['주소는 왕징 101동 1502호입니다', ['101동 1502호'], 'address'],
    ['제 딸 이서연이 학교에 다녀요', ['이서연'], 'name'],
    ['이메일 minsu.kim@naver.com 으로 연락주세요', ['minsu.kim@naver.com'], 'email'],
    ['김민수 씨에게 연락해 주세요', ['김민수'], 'name'],
    ['제 이름은 존 스미스예요', ['존 스미스'], 'name'],
    ['연락처는 010 9876 5432 입니다', ['010 9876 5432'], 'phone'],
    ['테헤란로 123에 살아요', ['테헤란로 123'], 'address'],
    ['남편 박준호 씨의 비자 문의', ['박준호'], 'name'],
    ['제 이름은 이영희이고 전화번호는 010-2222-3333입니다', ['이영희', '010-2222-3333'], 'phone'],
    ['저는 최지훈이에요', ['최지훈'], 'name'],
    ['우리 아들 김도윤이 아파요', ['김도윤'], 'name'],
    ['주민등록번호 900101-1234567', ['900101-1234567'], 'id-number'],
    ['서울시 강남구 역삼동 123-45', ['123-45'], 'address'],
    // Second round: names nothing introduces, weak cues, relations, oblique cases, estate and office addresses.
    ['제 딸 에밀리가 열이 나요', ['에밀리'], 'name'],
    ['남편 데이비드의 비자를 연장하고 싶어요', ['데이비드'], 'name'],
    ['아내 소피는 프랑스 사람이에요', ['소피'], 'name'],
    ['우리 아들 지호가 학교에 가요', ['지호'], 'name'],
    ['남편 제임스가 취업비자가 필요해요', ['제임스'], 'name'],
  ],
  zh: [
    ['我叫王小明，想问一下签证延期', ['王小明'], 'name'],
    ['我的护照号是E12345678', ['E12345678'], 'id-number'],
    ['身份证号110105199001011234', ['110105199001011234'], 'id-number'],
    ['我的手机号码是138-1234-5678', ['138-1234-5678'], 'phone'],
    ['我住在朝阳区建国路88号院3号楼2单元501室', ['建国路88号', '2单元', '501'], 'address'],
    ['电话：(010) 6512 3456', ['6512 3456'], 'phone'],
    ['永居证号码USA110079050101', ['USA110079050101'], 'id-number'],
    ['本人张伟，护照号G12345678', ['张伟', 'G12345678'], 'name'],
    ['我女儿李娜今年五岁，要打疫苗', ['李娜'], 'name'],
    ['请联系王先生，电话＋８６　１３９　１２３４　５６７８', ['王先生', '139 1234 5678'], 'phone'],
    ['新版永居证号码 911231198001012345', ['911231198001012345'], 'id-number'],
    ['银行卡号6217 0000 1234 5678 901', ['6217 0000 1234 5678 901'], 'card-number'],
    ['我的邮箱是zhang.wei@163.com', ['zhang.wei@163.com'], 'email'],
    ['手机1\u200B3\u200B8\u200B1\u200B2\u200B3\u200B4\u200B5\u200B6\u200B7\u200B8', ['13812345678'], 'phone'],
    ['我的名字是李华，电话13912345678', ['李华', '13912345678'], 'phone'],
    ['我家在海淀区中关村大街27号', ['中关村大街27号'], 'address'],
    ['我儿子张小龙需要办理居留证', ['张小龙'], 'name'],
    ['联系人：陈女士 139-1111-2222', ['陈女士', '139-1111-2222'], 'phone'],
    ['地址：东城区东四十条甲22号', ['东四十条甲22号'], 'address'],
    ['护照号码：EA1234567', ['EA1234567'], 'id-number'],
    ['我的身份证号码是 11010119900307663X', ['11010119900307663X'], 'id-number'],
    ['邮箱：wang_fang88@qq.com', ['wang_fang88'], 'email'],
    ['望京花园3号楼2单元1203', ['3号楼2单元1203'], 'address'],
    ['旧身份证号码110105900101123', ['110105900101123'], 'id-number'],
    ['微信号：zhangsan_1990', ['zhangsan_1990'], 'account'],
    ['北京市朝阳区望京西园222号楼1单元1101', ['222号楼', '1101'], 'address'],
    ['住在海淀区学院路30号', ['学院路30号'], 'address'],
    ['我的电话是 +86 186 0000 1234', ['186 0000 1234'], 'phone'],
    ['我是李明，我的护照丢了', ['李明'], 'name'],
    ['我叫陈静，身份证号码11010219851203002X', ['陈静', '11010219851203002X'], 'id-number'],
    ['联系人：王芳 13800138000', ['王芳', '13800138000'], 'phone'],
    ['我叫安娜，想问签证', ['安娜'], 'name'],
    ['我儿子王子轩在朝阳实验小学上学', ['王子轩'], 'name'],
    ['我的地址是北京市东城区东直门南大街5号中青旅大厦12层', ['东直门南大街5号', '12层'], 'address'],
    // Second round: names nothing introduces, weak cues, relations, oblique cases, estate and office addresses.
    ['我母亲蔺秀兰住院了，需要什么手续', ['蔺秀兰'], 'name'],
    ['我爱人欧阳娜娜想办居留许可', ['欧阳娜娜'], 'name'],
    ['我女儿佟丽娅今年上小学', ['佟丽娅'], 'name'],
    ['我是鲍文杰，想问一下社保', ['鲍文杰'], 'name'],
    ['我儿子名叫阿里，需要打疫苗', ['阿里'], 'name'],
    ['我的中文名是柯立安，护照丢了', ['柯立安'], 'name'],
    ['我丈夫安德烈需要办工作许可', ['安德烈'], 'name'],
    ['朝阳区，建国路88号', ['朝阳区', '建国路88号'], 'address'],
    ['我老婆叶梦琪怀孕了，去哪建档', ['叶梦琪'], 'name'],
    ['我儿子宁宁今年三岁', ['宁宁'], 'name'],
    ['我住在花家地北里5-2-901', ['5-2-901'], 'address'],
  ],
  normalisation: [
    ['passport Ｅ１２３４５６７８', ['E12345678'], 'id-number'],
    ['email john\u00ADdoe@example.com', ['johndoe'], 'email'],
    ['call 138\u200C1234\u2060 5678\uFEFF', ['1234'], 'phone'],
    ['هاتف ٠٠٨٦ ١٣٨ ١٢٣٤ ٥٦٧٨', ['1234 5678'], 'phone'],
  ],
};

/** Ordinary questions that must come out as they went in, apart from normalisation. */
const ordinary: Record<string, string[]> = {
  en: [
    'How do I call 110 or 120 in an emergency?',
    'Is the 12345 hotline available in English?',
    'I am French, do I need a visa for a 15-day stay?',
    'My visa expires on 2024-03-15, what should I do?',
    'The fee is 800 yuan, can I pay by card?',
    'Which hospital in Chaoyang District has English-speaking doctors?',
    'I am pregnant and 32 years old, where can I give birth?',
    'How long does Peking Union Medical College Hospital take for a checkup?',
    'My son is 5, can he attend Beijing International School?',
    'What are the opening hours, 9:00-17:00?',
    'Is 10000 yuan a month enough to rent in Wangjing?',
    'This is my first time in Beijing',
    'I am American and my wife is Chinese, how do we register our marriage?',
    "What's the difference between 12345 and 12367?",
    'My name is on the waiting list, what now?',
    'Can I use Alipay at Beijing Capital International Airport Terminal 2?',
    'Dr. appointments at United Family Hospital cost 1500 RMB?',
    'Tax rate for income over 960000 yuan per year?',
    'My child was born on 2023.05.12, how to apply for a passport?',
    'How many days is the 144-hour visa-free transit?',
    'I am Uzbek, which visa should I apply for?',
    'I am HIV positive, where can I get treatment?',
    "I'm South African, do I need a visa?",
    'This is Terminal 3?',
    'I am Canadian and my husband is Mexican, what do we need to marry in Beijing?',
    'The Q1 visa and the X1 visa, which one for my child?',
    'My landlord asked for 3 months of rent, 21000 yuan, normal?',
    'My phone number changed, how do I update it?',
    // Second round
    'Is Beijing United Family Hospital open on Sunday?',
    'How do I get to Wangjing SOHO by subway?',
    'Where is the Exit-Entry office in Chaoyang District?',
    'Does Peking University Third Hospital have an international department?',
    'Which international schools are near Shunyi, like Dulwich College or ISB?',
    'Is the British Embassy in Sanlitun open on Saturdays?',
    'Where can I do the health check for my work permit, Haidian or Chaoyang?',
    'Thank you very much!',
    'Lost my passport. Help!',
    'Where is Jianwai SOHO Tower 3?',
    'Can Chaoyang Hospital issue a birth certificate?',
    'Is there a Christian church near Sanlitun Taikoo Li?',
    'Anyone here know where to extend a visa?',
    'Will my visa be cancelled if I change jobs?',
    'May I bring my child to the Saint Paul American School open day?',
    'Does Lycée Français International Charles de Gaulle accept non-French pupils?',
    'We need 2 apartments near Guomao, any advice?',
    'Are there talent apartments in Shougang Park?',
    'Newbie here, how do I get a SIM card?',
    'English speaking doctor near Wudaokou?',
    'Max. stay for a tourist visa?',
    'Is the Marco Polo Bridge worth a visit?',
    'Where is Wang Fu Jing street?',
    'Where to get a medical check?\n- Work Permit',
    'Forbidden City, do I need my passport?',
    'Is the clinic open Monday - Friday',
  ],
  fr: [
    "Je suis Française, ai-je besoin d'un visa ?",
    'Combien coûte le renouvellement du titre de séjour en 2024 ?',
    "Où se trouve l'hôpital de Chaoyang ?",
    'Je suis enceinte, quel hôpital choisir ?',
    'Mon mari est Chinois, comment obtenir un visa de regroupement familial ?',
    "Je voudrais savoir si l'ambassade de France est ouverte le 14 juillet.",
    // Second round
    'Je suis médecin, puis-je travailler à Pékin ?',
    "Où est l'ambassade de France, près de Sanlitun ?",
    'Merci beaucoup !',
    'je suis marie avec un chinois, quel visa ?',
  ],
  es: [
    'Soy estudiante, ¿puedo trabajar a tiempo parcial?',
    '¿Puedo llamar al 12345 en español?',
    '¿Cuánto cuesta el permiso de residencia, 400 yuanes?',
    'Mi hijo tiene 7 años, ¿qué escuela internacional recomiendan?',
    '¿Dónde está la embajada de España en Beijing?',
    '¿Cómo se llama el formulario para la residencia?',
    'Mi nombre no aparece en la lista',
    // Second round
    'Soy profesora, ¿necesito un permiso de trabajo?',
    'Ella necesita una visa, ¿qué hago?',
  ],
  ru: [
    'Я гражданин России, нужна ли мне регистрация?',
    'Сколько стоит виза на 2025 год?',
    'Как вызвать скорую, 120?',
    'Я в Пекине уже 3 года, как получить ВНЖ?',
    'Можно ли оплатить 500 юаней картой?',
    'Как его зовут?',
    // Second round
    'Где находится Посольство России в Пекине?',
    'Больница Пекинского Союзного Медицинского Колледжа принимает иностранцев?',
    'Вера в успех не помогает, как получить визу?',
    'Берут ли в немецкую школу детей не из Германии?',
  ],
  ar: [
    'أين يمكنني تجديد تأشيرتي في منطقة تشاويانغ؟',
    'ابني مريض، أي مستشفى قريب؟',
    'كم تكلفة الإقامة لمدة سنة؟ هل هي 800 يوان؟',
    'رقم الطوارئ 110 أو 120؟',
    'أنا طالب في جامعة بكين، هل أحتاج إلى تصريح عمل؟',
    'زوجتي حامل، أين أقرب مستشفى؟',
    'اسمي غير مكتوب في الجواز',
    // Second round
    'زوجي صيني، كيف أحصل على الإقامة؟',
    'ابني يحتاج إلى تطعيم، أين أذهب؟',
  ],
  de: [
    'Ich bin Student, brauche ich eine Arbeitserlaubnis?',
    'Mein Sohn braucht einen Kitaplatz in Chaoyang.',
    'Was kostet das Visum 2024?',
    'Wo ist das Krankenhaus im Bezirk Chaoyang?',
    'Die Öffnungszeiten sind 10.30-12.00 Uhr?',
    'Mein Mann ist Chinese, wie beantrage ich ein Familienvisum?',
    'Wie heißt das Formular für die Aufenthaltserlaubnis?',
    // Second round
    'Ich bin Lehrerin und brauche eine Arbeitserlaubnis',
    'Wo ist die Deutsche Botschaft in Liangmaqiao?',
    'Vielen Dank für die Hilfe, Grüße aus Wangjing',
    'Sagen Sie, wo ist das Ausländeramt?',
    'Wo ist das? Mit freundlichen Grüßen',
  ],
  ja: [
    '私は学生です。アルバイトはできますか？',
    '朝陽区の病院を教えてください',
    '手数料は800元ですか？',
    'お医者さんに英語で話せますか？',
    '私は日本人です。ビザの延長はどうすればいいですか？',
    '病院の名前は英語で書きますか？',
    '北京首都国際空港の第3ターミナルはどこですか？',
    // Second round
    '娘の学校はどこに申し込めばいいですか',
    '夫のビザが切れそうです',
    '息子の予防接種はどこで受けられますか',
    '北京で生まれた赤ちゃんの出生証明はどうやって取る?',
    '外国籍の子どもの接種手帳は北京のどこでもらえる?',
    '大学の公式案内も同様です',
  ],
  ko: [
    '저는 학생입니다. 아르바이트를 할 수 있나요?',
    '차오양구에 있는 병원을 알려주세요',
    '비자 수수료가 800위안인가요?',
    '지하철 10호선은 몇 시까지 운행하나요?',
    '버스로 30분 걸리나요?',
    '저는 한국 사람입니다. 비자는 어떻게 연장하나요?',
    '제 이름은 어떻게 써요?',
    '2호선으로 가면 몇 정거장이에요?',
    // Second round
    '제 딸 학교가 어디예요?',
    '남편 비자가 곧 만료돼요',
    '아내 여권을 잃어버렸어요',
    'B형 간염 검사는 어디서 하나요?',
    '전문센터는 어디에 있나요?',
  ],
  zh: [
    '我是学生，可以打工吗？',
    '朝阳区的出入境管理局在哪里？',
    '需要本人办理吗？',
    '签证费用是800元吗？',
    '紧急电话110和120有什么区别',
    '地铁10号线几点收车？',
    '北京协和医院3号楼怎么走？',
    '2024年的政策有变化吗？',
    '我女儿高烧，去哪个医院？',
    '我是韩国人，需要办理居留许可吗',
    '我住在朝阳区，去哪个派出所登记？',
    '出入境大厅3号窗口在哪里？',
    '请问110 119 120分别是什么电话',
    '请问建国门外大街怎么走？',
    '12345热线几点开始服务？',
    '我叫了救护车，还要做什么？',
    '我叫出租车去医院要多少钱',
    '我是武汉的，在北京工作',
    '我女儿高考需要什么材料？',
    '我是外国人，怎么办理社保卡？',
    '我先生是外国人，可以办理家庭团聚签证吗？',
    '房租1500000元合理吗？',
    // Second round
    '我母亲住院了，需要什么手续',
    '我爱人怀孕了，去哪个医院建档',
    '我女儿发烧了，晚上哪里能看急诊',
    '我儿子上小学需要什么材料',
    '我丈夫签证快到期了',
    '我妻子西安的户口能在北京办吗',
    '我母亲高血压，去哪个医院',
    '我女儿严重过敏怎么办',
  ],
};

const allSamples = Object.entries(samples).flatMap(([lang, list]) => list.map(([text, secrets, kind]) => ({ lang, text, secrets, kind })));
const leaks = ({ text, secrets }: { text: string; secrets: string[] }) =>
  secrets.filter((secret) => redactForStorage(text).includes(normaliseForStorage(secret)));

describe('redaction for storage', () => {
  it('has at least 60 development samples with personal data and 30 ordinary questions, across the nine languages', () => {
    expect(allSamples.length).toBeGreaterThanOrEqual(60);
    expect(Object.values(ordinary).flat().length).toBeGreaterThanOrEqual(30);
    for (const lang of ['zh', 'en', 'fr', 'es', 'ru', 'ar', 'de', 'ja', 'ko']) {
      expect(samples[lang].length, lang).toBeGreaterThanOrEqual(5);
      expect(ordinary[lang].length, lang).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(allSamples)('$lang: $text', ({ text, secrets, kind }) => {
    const { text: stored, kinds } = redactPersonalData(text);
    for (const secret of secrets) expect(stored).not.toContain(normaliseForStorage(secret));
    expect(kinds).toContain(kind);
    expect(stored).toContain(`[${kind}]`);
  });

  it('masks every development sample', () => {
    const masked = allSamples.filter((sample) => leaks(sample).length === 0).length;
    expect(masked / allSamples.length).toBe(1);
  });

  it.each(Object.entries(ordinary).flatMap(([lang, list]) => list.map((text) => ({ lang, text }))))('$lang, kept: $text', ({ text }) => {
    expect(redactPersonalData(text)).toEqual({ text: normaliseForStorage(text), kinds: [] });
  });
});

describe('the domain vocabulary', () => {
  const knownWords = knownWordsFrom(['Its sister school, Nord Anglia Beijing, follows the English curriculum.', 'Apply at the Saint Paul American School office.']);

  it('keeps capitalised words of the knowledge base that would otherwise pass for a signature', () => {
    expect(redactForStorage('Which curriculum? Cheers, Nord Anglia')).toBe('Which curriculum? Cheers, [name]');
    expect(redactForStorage('Which curriculum? Cheers, Nord Anglia', { knownWords })).toBe('Which curriculum? Cheers, Nord Anglia');
  });

  it('never makes a given name a domain word', () => {
    expect(knownWords('anglia')).toBe(true);
    expect(knownWords('paul')).toBe(false);
    expect(redactForStorage('Thanks, Paul Martin', { knownWords })).toBe('Thanks, [name]');
    expect(redactForStorage('Paul needs a visa', { knownWords: () => true })).toBe('[name] needs a visa');
  });
});

describe('normalisation', () => {
  it('makes full-width characters ASCII and removes invisible ones', () => {
    expect(normaliseForStorage('ＡＢＣ１２３\u3000ok')).toBe('ABC123 ok');
    expect(normaliseForStorage('a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf\u00ADg')).toBe('abcdefg');
  });

  it('maps Arabic-Indic and Extended Arabic-Indic digits to ASCII', () => {
    expect(normaliseForStorage('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });

  it('stores the normalised text around the masks', () => {
    expect(redactForStorage('我的电话：１３８\u200B１２３４\u200B５６７８，谢谢')).toBe('我的电话:[phone],谢谢');
    expect(redactForStorage('Ｍｙ ｐａｓｓｐｏｒｔ ｉｓ Ｇ１２３４５６７８')).toBe('My passport is [id-number]');
  });
});

describe('digit runs', () => {
  it.each([
    ['13812345678', '[phone]'],
    ['138 1234 5678', '[phone]'],
    ['+86 138-1234-5678', '[phone]'],
    ['0086 13812345678', '[phone]'],
    ['(010) 6512 3456', '[phone]'],
    ['010-65123456', '[phone]'],
    ['+1.415.555.0132', '[phone]'],
    ['+44 (0)20 7946 0958', '[phone]'],
    ['110105199001011234', '[id-number]'],
    ['11010519900101123X', '[id-number]'],
    ['110105 19900101 123X', '[id-number]'],
    ['6222 0212 3456 7890', '[card-number]'],
    ['6222-0212-3456-7890-123', '[card-number]'],
    ['12345678', '[number]'],
  ])('%s becomes %s', (text, mask) => {
    expect(redactForStorage(text)).toBe(mask);
  });

  const kept = ['110', '119', '120', '122', '12345', '12367', '2024', '800', '100020', '2023-2024', '15.03.2024', '20240315', '1 000 000', '1.234.567 €'];
  it.each([...kept, '110 119 120', '1500000元', '10.30-12.00'])('%s stays', (text) => {
    expect(redactForStorage(text)).toBe(text);
  });

});
