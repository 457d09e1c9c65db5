/**
 * Redaction of the questions kept for editors' gap analysis: what could identify a person is replaced by a mask such
 * as [phone] or [name] before the question is stored.
 *
 * The approach, in order:
 *  1. Normalise (`normaliseForStorage`): invisible characters (zero-width space and joiners, word joiner, BOM, soft
 *     hyphen) are removed, NFKC makes full-width digits, letters and punctuation ASCII, and Arabic-Indic digits become
 *     0–9. The stored text is this normalised text, so what a rule sees is what is kept.
 *  2. Identifier patterns (the first part of RULES): emails and messaging handles; passport, resident-ID,
 *     permanent-residence and IBAN formats; then every run of digits (with spaces, dashes, dots, slashes or brackets
 *     between them), classified by its shape and by the words just before it as a phone, ID or card number. Runs of
 *     fewer than 7 digits stay, and so do years, dates, times, amounts and service numbers (110, 120, 12345).
 *  3. Address rules: a street or building with a number (建国路88号, 3号楼2单元501室, "12 rue de la Paix", "Calle Mayor 5",
 *     "Hauptstraße 12", "ул. Тверская, д. 7", "101동 1502호", "1丁目2番3号", "شارع … 12", "Building 3, Apt 1502"), an estate
 *     and its numbers ("Jinsong Nanli 12", "Huajiadi 3-2-1104", "SOHO T3 1201"), or the rest of the clause after "my
 *     address is" and its equivalents; then the estate, building or district written just before or after a masked
 *     address joins it ("Chaoyang District, [address]", "[address], Tuanjiehu Beili").
 *  4. Name rules: a name after a cue that introduces one ("my name is", "меня зовут", "我叫", "名叫", "제 이름은",
 *     "私は…です"), after a relation ("my daughter Emma", "mein Sohn Max", "我母亲蔺秀兰", "娘の美咲は", "남편 데이비드의",
 *     "ابني تامر") or a title ("Frau Müller", "王先生"); a name the message's frame marks ("Anna Schmidt here", "ici Marie",
 *     "Lukas Weber mein Name", "Thanks, Michael Johnson", a last line "Emily"); and, with no cue at all, a common given
 *     name and the capitalised words after it ("Anna needs a visa", "передать Максиму Орлову"), or "Zhang Wei" in pinyin.
 *
 * The module is pure. What is the product's own vocabulary rather than a person ("Nord Anglia", "Liangmaqiao") comes in
 * through the `knownWords` option, built by the caller with `knownWordsFrom` over the knowledge base's texts; without it
 * the lexicon's DOMAIN_WORDS and INSTITUTION_WORDS serve. Listed given names stay names whatever the option says.
 *
 * Limits: identifiers are found by their shape, names and addresses by the words around them and by word lists. A name
 * nothing introduces is found only when it starts with a listed given name (GIVEN_NAMES, RU_GIVEN_NAMES, in any case for
 * Russian) or is a pinyin family name and given name, or when the frame marks it; so "Thandiwe needs a visa" is kept, and
 * given names that are also words (Max, Ella, Вера, Роман) need a surname after them. Famous people are masked like
 * anyone ("Pablo Picasso exhibition"). A lower-case name is masked only after a cue and only if listed ("i am anna").
 * In scripts without capitals a name is found only after a cue or a relation: a Chinese one when it starts with a listed
 * family name, is made only of characters used for foreign names, or is a doubled pet name (我儿子宁宁); a Japanese or
 * Korean one unless it is a noun of the stop lists or ends like one (so an unlisted noun after "娘の" or "딸" may be
 * masked, and 私は李と申します is kept); an Arabic one only when it starts with a listed given name. Korean 친구, 형, 엄마
 * and 아이 count as relations only after 제, 내 or 우리. A street without a number, an estate named without building or
 * flat numbers, identifiers spelled out in words, and formats not in the table are kept. The public address of an
 * office is masked like a home address. The word lists are in lexicon.ts.
 */
import {
  ABBREVIATION_DOT,
  ADDRESS_CUES,
  ARABIC_NAME_CUES,
  ARABIC_NAMES,
  ARABIC_RELATIONS,
  BUILDING_WORDS,
  CARD_WORDS,
  CLAUSE_START,
  CLOSINGS,
  CURRENCY_AFTER,
  CURRENCY_BEFORE,
  CURRENCY_CODES,
  DOMAIN_WORDS,
  ESTATE_WORDS,
  FRENCH_STREET_TYPES,
  FUNCTION_WORDS,
  GERMAN_STREET_ENDINGS,
  GERMAN_STREET_WORDS,
  GIVEN_NAMES,
  HAN_PLACES,
  HAN_ROLE_ENDINGS,
  HERE_AFTER,
  HERE_BEFORE,
  HOME_WORDS,
  ID_WORDS,
  INSTITUTION_WORDS,
  JA_NOT_NAMES,
  JA_NOUN_ENDINGS,
  JA_RELATION_NOT_NAMES,
  JA_RELATIONS,
  KO_NOT_NAMES,
  KO_NOUN_ENDINGS,
  KO_RELATION_NOT_NAMES,
  KO_RELATIONS,
  KO_ROLE_ENDINGS,
  KO_SURNAMES,
  LATIN_STREET_TYPES,
  MESSAGE_WORDS,
  MESSENGERS,
  NAMED_AFTER_PEOPLE,
  NAME_AFTER,
  NAMES_ALSO_WORDS,
  NOT_NAMES,
  NUMBER_FILLER,
  PHONE_WORDS,
  PINYIN_SURNAMES,
  RELATIONS,
  RU_GIVEN_NAMES,
  RU_NAMES_ALSO_WORDS,
  RU_SURNAME_ENDING,
  RUSSIAN_HOUSE_PARTS,
  RUSSIAN_STREET_TYPES,
  SERVICE_NUMBERS,
  SPANISH_STREET_TYPES,
  STRONG_NAME_CUES,
  TITLES,
  TITLES_ANY_CASE,
  WEAK_NAME_CUES,
  ZH_ADDRESS_STOPS,
  ZH_CALLED,
  ZH_COMPOUNDS,
  ZH_DOUBLED_WORDS,
  ZH_FOREIGN_NAME_CHARS,
  ZH_NAME_CUES,
  ZH_NAME_STOPS,
  ZH_NOT_NAMES,
  ZH_RARE_SURNAMES,
  ZH_RELATIONS,
  ZH_STREETS,
  ZH_SURNAMES,
} from './lexicon.js';
import { withWesternDigits } from '../text.js';

/** What a mask stands for; the mask is the kind in brackets, e.g. [id-number]. */
export type PiiKind = 'email' | 'account' | 'id-number' | 'card-number' | 'phone' | 'number' | 'address' | 'name';

export interface Redaction {
  /** The normalised text with masks. */
  text: string;
  /** The kinds masked, in the order the rules met them. */
  kinds: PiiKind[];
}

export interface RedactOptions {
  /**
   * Words of the product's domain (institutions, places, programmes), given in lower case: a capitalised word for which
   * this returns true is never taken for part of a name that nothing introduces ("Cheers, Nord Anglia", "Anna Schmidt
   * here"; the surname after a listed given name). Listed given names stay names whatever it says. The lexicon's
   * DOMAIN_WORDS and INSTITUTION_WORDS always count; `knownWordsFrom` builds this from the knowledge base.
   */
  knownWords?: (word: string) => boolean;
}

/** A rule's verdict on one match: mask it all, mask its first `length` characters only, or keep it (undefined). */
type Verdict = PiiKind | { kind: PiiKind; length: number } | undefined;

/** What a verdict may look at besides its match: the text just before and after it, and the domain's vocabulary. */
interface Context {
  before: string;
  after: string;
  /** A capitalised word of the domain, not of a person: "Chaoyang", "Hospital", "SOHO" (lower case or not). */
  known: (word: string) => boolean;
}

interface Rule {
  /** Global, without capturing groups: cues sit in lookbehinds, so the match starts with what may be masked. */
  pattern: RegExp;
  verdict: PiiKind | ((match: string, context: Context) => Verdict);
  /** Digit runs: what is inside a kept run is kept too, so the search goes on after it rather than at its next character. */
  skipKept?: true;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Normalisation

const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;

/** The text as it is stored: without invisible characters, NFKC, and with Arabic-Indic digits as 0–9. */
export function normaliseForStorage(text: string): string {
  return withWesternDigits(text.replace(INVISIBLE, '').normalize('NFKC'));
}

// ---------------------------------------------------------------------------------------------------------------
// Pieces of the patterns

/** Not inside a word: nothing alphanumeric, in any script, just before. */
const START = '(?<![\\p{L}\\p{N}])';
/** Dashes people type between digit groups, including the Japanese long vowel mark ー and the minus sign. */
const DASH = '[\\-\\u2010-\\u2015\\u2212\\u30FC]';
const SPACED_SCRIPT = '[\\p{sc=Latin}\\p{sc=Cyrillic}\\p{sc=Arabic}.]';
/** Between a cue and what follows: maybe a colon or dash, then a space after a script that spaces its words. */
const AFTER_CUE = `(?:\\s*[:：—–\\-](?=\\s))?(?:(?<=${SPACED_SCRIPT})\\s+|(?<!${SPACED_SCRIPT})\\s*)`;
/** Up to four words of any script after a cue; the verdict decides how much of it is a name. */
const WORD = "[\\p{L}\\p{M}][\\p{L}\\p{M}'’·・\\-]{0,30}";
const CANDIDATE = `${WORD}(?:[ \\t]+${WORD}){0,3}`;
/** One to three Latin or Cyrillic words, for a name the message's frame marks. */
const SPACED_WORD = "[\\p{sc=Latin}\\p{sc=Cyrillic}][\\p{sc=Latin}\\p{sc=Cyrillic}\\p{M}'’\\-]{0,30}";
const SPACED_NAME = `${SPACED_WORD}(?:[ \\t]+${SPACED_WORD}){0,2}(?![\\p{L}\\p{M}'’\\-])`;
/** A capitalised Latin or Cyrillic word, as in a street name. */
const CAP = "\\p{Lu}[\\p{L}\\p{M}'’\\-]*";
/** A capitalised word of a name in Latin or Cyrillic script: "Anna", "O'Connor", "Jean-Pierre", "Максиму" (not "Schoolと"). */
const NAME_WORD = "\\p{Lu}[\\p{sc=Latin}\\p{sc=Cyrillic}\\p{M}'’\\-]*";
const HAN = '\\p{sc=Han}';
const KATAKANA_NAME = '[\\p{sc=Katakana}ー・]{2,20}';

/** Alternation of words in their written, lower-case, upper-case and capitalised forms, for case-sensitive patterns. */
function anyCase(words: string[]): string {
  const forms = words.flatMap((word) => [word, word.toLowerCase(), word.toUpperCase(), word[0].toUpperCase() + word.slice(1)]);
  return `(?:${[...new Set(forms)].map((word) => word.replace(/[.$()/]/g, '\\$&')).join('|')})`;
}

const ID_HINT = new RegExp(ID_WORDS, 'giu');
const CARD_HINT = new RegExp(CARD_WORDS, 'giu');
const PHONE_HINT = new RegExp(PHONE_WORDS, 'giu');

// Chinese addresses
const HAN_PLACE = `(?:(?![${ZH_ADDRESS_STOPS}])${HAN})`;
const HAN_NUMBER = '(?:\\d{1,5}|[一二三四五六七八九十百零〇两]{1,5})';
/** 号 as a house number, not as in 10号线 (metro line 10) or 3号窗口 (counter 3). */
const HAO = '[号號](?![线線窗口台位])';
/** "3号楼", "2单元", "501室", "12层": the parts after a street number or a compound's name. */
const HAN_UNIT = `(?:\\s*${HAN_NUMBER}\\s*(?:号楼|號樓|号院|號院|号棟|栋|棟|幢|座|单元|單元|层|層|楼|樓|室|户|门|門|${HAO}))`;
const HAN_BUILDING = '(?:号楼|號樓|栋|棟|幢|座|号棟)';
/** What often follows a name after a relation, besides ZH_NAME_STOPS: "我老婆叶梦琪怀孕了", "我父亲阎志强生病". */
const ZH_AFTER_NAME =
  '(?:护照|身份证|电话|手机|出生|怀孕|生病|发烧|住院|上学|工作|毕业|结婚|办理|申请|不|没|已|刚|最近|一直|每|经常|总|因为|打算|准备|应该|必须|感冒|过敏|受伤|现在|明年|下个|上个|这|那|来|回|被|给|跟|与)';

// Latin, Cyrillic and Arabic addresses
const ROMANCE_LINK = "(?:(?:de|du|des|del|la|le|los|las|el|l['’]|d['’])\\s*)*";
const PART_NUMBER = '\\s*(?:no\\.?|#|n[°º]\\.?|nr\\.?|رقم)?\\s*(?:\\d{1,5}[a-z]?|[a-z])(?![a-z\\d])';
/** One part of a building address: "Building 3", "Apt 12B", "кв. 15", "شقة 12", or a floor written "15/F". */
const BUILDING_PART = `(?:(?<!\\p{L})${BUILDING_WORDS}${PART_NUMBER}|(?<![\\p{L}\\d])\\d{1,3}\\s?/\\s?F(?![a-z]))`;

// ---------------------------------------------------------------------------------------------------------------
// Verdicts on digit runs

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    sum += i % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
  }
  return sum % 10 === 0;
}

const isYear = (group: string) => /^(?:19|20)\d\d$/.test(group);

function isCompactDate(digits: string): boolean {
  const date = /^(?:19|20)\d\d(\d\d)(\d\d)$/.exec(digits);
  return !!date && Number(date[1]) >= 1 && Number(date[1]) <= 12 && Number(date[2]) >= 1 && Number(date[2]) <= 31;
}

/** What the words just before a number call it, the last one winning: a passport or ID, a card or account, a phone. */
function hintedKind(before: string): PiiKind | undefined {
  let best: { kind: PiiKind; end: number } | undefined;
  for (const [hint, kind] of [[ID_HINT, 'id-number'], [CARD_HINT, 'card-number'], [PHONE_HINT, 'phone']] as const) {
    for (const found of before.matchAll(hint)) {
      const start = found.index ?? 0;
      // Part of a longer word is no hint ("tel" in "hotel").
      if (/\p{L}/u.test(before[start - 1] ?? '') && /^[a-z]/i.test(found[0])) continue;
      if (!best || start + found[0].length > best.end) best = { kind, end: start + found[0].length };
    }
  }
  return best?.kind;
}

/** What a run of digits is, from its shape and the words before it; undefined keeps it. */
function classifyDigits(match: string, { before, after }: { before: string; after: string }): Verdict {
  const digits = match.replace(/\D/g, '');
  const count = digits.length;
  const groups = match.split(/\D+/).filter(Boolean);
  if (/[Xx]$/.test(match) && count === 17) return 'id-number';
  if (count < 7) return undefined;
  if (match.startsWith('+') || /^00[1-9]/.test(digits) || match.includes('(')) return 'phone';
  // Years, dates and date ranges ("2023 2024", "2024-03-15", "15.03.2024", "20240315"), opening hours ("10.30-12.00").
  if (groups.some(isYear) && groups.every((group) => isYear(group) || group.length <= 2)) return undefined;
  if (groups.length === 1 && isCompactDate(digits)) return undefined;
  if (new RegExp(`^\\d{1,2}[.:]\\d{2}(?: ?${DASH} ?\\d{1,2}[.:]\\d{2})+$`, 'u').test(match)) return undefined;
  // Amounts: "1500000元", "¥ 12000000", "1 000 000".
  if (count <= 10 && (CURRENCY_AFTER.test(after) || CURRENCY_BEFORE.test(before))) return undefined;
  if (/^\d{1,3}(?:[ .]000)+$/.test(match)) return undefined;
  // Several service numbers in a row: "110 119 120".
  if (groups.every((group) => SERVICE_NUMBERS.has(group))) return undefined;
  if (count === 11 && /^1[3-9]/.test(digits)) return 'phone';
  // Korean resident registration number: birth date, then a digit for sex and century (900101-1234567).
  if (/^\d{6}[-\s]?[1-8]\d{6}$/.test(match)) return 'id-number';
  // Chinese resident ID (18 digits, or 15 in the old form) and the new permanent-residence ID (18, starting with 9).
  if (count === 18 || count === 15) return 'id-number';
  const hinted = hintedKind(before);
  if (hinted) return hinted;
  if (count >= 16 && count <= 19) return 'card-number';
  if (count >= 13 && luhn(digits)) return 'card-number';
  if (digits.startsWith('0') || groups.length > 1) return 'phone';
  return 'number';
}

/** An identifier named as such ("passport no. …"): 6 characters or more with 4 digits or more. */
function namedIdentifier(match: string): Verdict {
  const digits = (match.match(/\d/g) ?? []).length;
  // Letters set apart from the digits only in capitals and before 6 digits or more: "G 1234 5678", not "en 2024".
  if (/^[A-Za-z]+ /.test(match) && (!/^[A-Z]+ /.test(match) || digits < 6)) return undefined;
  return match.replace(/\W/g, '').length >= 6 && digits >= 4 ? 'id-number' : undefined;
}

/** 1–3 letters and 6–9 digits, unless the letters are a currency or, set apart by a space, a word ("a 100000 yuan fine"). */
function passportLike(match: string): Verdict {
  const letters = match.replace(/[\d ]/g, '');
  if (CURRENCY_CODES.has(letters.toUpperCase())) return undefined;
  if (match.includes(' ') && (letters !== letters.toUpperCase() || ['A', 'I'].includes(letters))) return undefined;
  return 'id-number';
}

// ---------------------------------------------------------------------------------------------------------------
// Verdicts on names

const isUpper = (char: string | undefined) => !!char && /\p{Lu}/u.test(char);
const isCaseless = (char: string | undefined) => !!char && /\p{L}/u.test(char) && char.toLowerCase() === char.toUpperCase();
const PARTICLES = new Set(['de', 'da', 'del', 'della', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'dos', 'di', 'zu']);
const HANGUL_COPULA = /(?:이라고\s?(?:합니다|해요)|라고\s?(?:합니다|해요)|입니다만|입니다|이에요|예요|이고요|이고|이며|이요|이다|이야|야|요)$/u;

/** The words of a candidate with their end offsets. */
function words(candidate: string): { word: string; end: number }[] {
  return [...candidate.matchAll(/\S+/g)].map((found) => ({ word: found[0], end: (found.index ?? 0) + found[0].length }));
}

/**
 * A name in Latin, Cyrillic or Arabic script. After a strong cue it may be in any case: capitalised words, or up to
 * three lower-case or Arabic words, up to a function word. After a weak cue its words are capitalised, and none is a
 * nationality, a place or an institution.
 */
function wordsName(candidate: string, strong: boolean, minWords = 1, after = ''): Verdict {
  const list = words(candidate);
  const first = list[0]?.word ?? '';
  const capitalisedName = isUpper(first[0]) || isCaseless(first[0]);
  const maxWords = isUpper(first[0]) ? 4 : 3;
  let length = 0;
  let taken = 0;
  for (const [index, { word, end }] of list.entries()) {
    const lower = word.toLowerCase().replace(/['’]s$/, '');
    const next = list[index + 1]?.word;
    if (INSTITUTION_WORDS.has(lower)) return undefined;
    if (FUNCTION_WORDS.has(lower) || (NOT_NAMES.has(lower) && (!strong || index === 0))) break;
    // An Arabic word with the article first describes the name rather than giving it: "اسمها القانوني" (her legal name).
    if (index === 0 && /^ال\p{sc=Arabic}{3,}/u.test(word)) break;
    // After a weak cue a short word in capitals is an acronym ("I am HIV positive"), unless a name goes on ("I am LI Na").
    if (!strong && word.length <= 4 && /^\p{Lu}+$/u.test(word) && !isUpper(next?.[0])) break;
    // Arabic "و" (and) starts the next clause: "اسمي خالد وعنواني …".
    if (index > 0 && word.startsWith('و') && !ARABIC_NAMES.has(word)) break;
    if (taken > 0 && PARTICLES.has(lower) && isUpper(next?.[0])) continue;
    const capitalised = isUpper(word[0]) || (strong && isCaseless(word[0]));
    if (taken >= maxWords || (strong ? capitalisedName && index > 0 && !capitalised : !capitalised)) break;
    length = end;
    taken += 1;
  }
  // The word after the name may make it a place ("I am Chaoyang Hospital staff") or a numbered thing ("this is Terminal 3").
  const next = list.find(({ end }) => end > length)?.word.toLowerCase();
  if (next && INSTITUTION_WORDS.has(next)) return undefined;
  if (!strong && /^\s*\d/.test(candidate.slice(length) + after)) return undefined;
  return taken >= minWords ? { kind: 'name', length } : undefined;
}

/** A name in Han characters after a strong cue, cut at the first verb or particle ("王芳想问…"), two to four characters. */
function hanName(candidate: string): Verdict {
  const run = /^[\p{sc=Han}·]+/u.exec(candidate)?.[0] ?? '';
  const stop = [...run].findIndex((char) => ZH_NAME_STOPS.includes(char));
  let name = stop >= 0 ? run.slice(0, stop) : run;
  if (!name.includes('·') && name.length > 4) name = name.slice(0, 3);
  // In Japanese the name ends the phrase: "名前は田中です", not "名前は英語で書きますか".
  const rest = candidate.slice(name.length);
  if (/^\p{sc=Hiragana}/u.test(rest) && !/^(?:です|でござ|と|だ|さん|ちゃん|くん|様|さま)/u.test(rest)) return undefined;
  return name.length >= 2 ? { kind: 'name', length: name.length } : undefined;
}

/** A Korean name after a strong cue, without its copula: "김민수입니다", "존 스미스예요" (not "어떻게 써요"). */
function hangulName(candidate: string): Verdict {
  const [first, second] = words(candidate);
  if (!first) return undefined;
  const name = first.word.replace(HANGUL_COPULA, '');
  if (KO_NOT_NAMES.includes(name)) return undefined;
  // A name in two words only before a copula proper, not before any word ending in 요.
  if (name === first.word && second && /(?:입니다|이에요|예요|이라고|라고|이고|이며)$/u.test(second.word)) {
    return { kind: 'name', length: second.end - second.word.length + second.word.replace(HANGUL_COPULA, '').length };
  }
  return name ? { kind: 'name', length: name.length } : undefined;
}

/** The name after a cue, in whatever script: after a weak cue only a capitalised one. */
function nameAfterCue(strong: boolean, minWords = 1) {
  return (candidate: string, { after }: { after: string } = { after: '' }): Verdict => {
    const first = candidate[0];
    if (/\p{sc=Han}/u.test(first)) return strong ? hanName(candidate) : undefined;
    if (/\p{sc=Hangul}/u.test(first)) return strong ? hangulName(candidate) : undefined;
    if (/[\p{sc=Katakana}ー]/u.test(first)) {
      const run = /^[\p{sc=Katakana}ー・]+(?: [\p{sc=Katakana}ー]+)?/u.exec(candidate)?.[0] ?? '';
      return strong && run.length >= 2 ? { kind: 'name', length: run.length } : undefined;
    }
    if (/\p{sc=Hiragana}/u.test(first)) return undefined;
    return wordsName(candidate, strong, minWords, after);
  };

}

/** After 叫, which also means calling for something ("我叫出租车"): a family name, a "·" transliteration, or a name ending the phrase. */
function calledName(candidate: string): Verdict {
  if (!/^\p{sc=Han}/u.test(candidate)) return nameAfterCue(true)(candidate);
  const verdict = hanName(candidate);
  if (!verdict || typeof verdict === 'string') return verdict;
  const name = candidate.slice(0, verdict.length);
  const endsPhrase = /^(?:$|[\s,，。.!！?？;；、])/u.test(candidate.slice(verdict.length));
  return ZH_SURNAMES.includes(name[0]) || name.includes('·') || (endsPhrase && name.length <= 3) ? verdict : undefined;
}

/** A Han, kana or Hangul word before a copula or honorific is no name when it is a role or a place: 学生, 会社員, 외국인, 北京. */
function notARole(match: string): Verdict {
  const name = match.trim();
  const last = name.at(-1) ?? '';
  if (ZH_NOT_NAMES.some((word) => name.startsWith(word)) || [...JA_NOT_NAMES, ...KO_NOT_NAMES, ...HAN_PLACES].includes(name)) return undefined;
  if ((/\p{sc=Han}/u.test(last) && HAN_ROLE_ENDINGS.includes(last)) || (/\p{sc=Hangul}/u.test(last) && KO_ROLE_ENDINGS.includes(last))) return undefined;
  return /^\p{sc=Latin}/u.test(name) ? wordsName(name, false) : 'name';
}

/** After an Arabic relation or "أنا": a common given name (Arabic has no capitals to go by), then its father's or family name. */
function arabicName(candidate: string): Verdict {
  const list = words(candidate);
  if (!/\p{sc=Arabic}/u.test(list[0]?.word ?? '')) return wordsName(candidate, false);
  if (!ARABIC_NAMES.has(list[0].word)) return undefined;
  let taken = 1;
  while (taken < Math.min(list.length, 3) && (ARABIC_NAMES.has(list[taken].word) || /^(?:ال|بن$|ابن$|عبد)/u.test(list[taken].word))) taken += 1;
  return { kind: 'name', length: list[taken - 1].end };
}

// Names nothing introduces, and names after a relation in scripts without capitals

/** A word in lower case, without a possessive ending or the punctuation around it: "Anna's" → "anna". */
const bare = (word: string) => word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/['’]s$/, '');

/** The nominative of a Russian given name in any case: "Максиму" → "максим", "Елену" → "елена", "Игорю" → "игорь". */
function russianGivenName(word: string): string | undefined {
  const lower = bare(word);
  if (RU_GIVEN_NAMES.has(lower)) return lower;
  for (const ending of ['ой', 'ей', 'ом', 'ем', 'ии', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и']) {
    if (!lower.endsWith(ending)) continue;
    const stem = lower.slice(0, -ending.length).replace(/вл$/, 'вел').replace(/^льв$/, 'лев');
    for (const nominative of [stem, `${stem}а`, `${stem}я`, `${stem}й`, `${stem}ь`, `${stem}ия`]) if (RU_GIVEN_NAMES.has(nominative)) return nominative;
  }
  return undefined;
}

/** A common given name: Latin in the lists (also those that are words), Cyrillic in any case. */
function isGivenName(word: string): boolean {
  if (/^\p{sc=Cyrillic}/u.test(word)) return !!russianGivenName(word);
  const lower = bare(word);
  return GIVEN_NAMES.has(lower) || NAMES_ALSO_WORDS.has(lower);
}

/** A given name that is also a word ("Max.", "Ella necesita", "Вера в успех"): a name only with a surname after it. */
const isAlsoAWord = (word: string) => NAMES_ALSO_WORDS.has(bare(word)) || RU_NAMES_ALSO_WORDS.has(russianGivenName(word) ?? '');

const PINYIN_SYLLABLE = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|er|ia|ie|iu|ua|uo|ui|ue|a|e|i|o|u|ü|v)';
/** A given name in pinyin, one or two syllables in one word: "Wei", "Xiaoming" (not "Need", "Lost"). */
const PINYIN_NAME = new RegExp(`^${PINYIN_SYLLABLE}{1,2}$`, 'iu');
const isPinyinGivenName = (word: string) => PINYIN_NAME.test(word) && !NOT_NAMES.has(bare(word));

/** A word that frames a message rather than names anyone: a greeting, a closing, a day, a function word, a place or a nationality. */
const isFrameWord = (word: string) => {
  const lower = bare(word);
  return MESSAGE_WORDS.has(lower) || FUNCTION_WORDS.has(lower) || NOT_NAMES.has(lower) || CLAUSE_START.test(lower);
};

/** A word of an address around a masked one: a place ("Chaoyang", "District", "Beili"), not the message's frame ("Please", "I"). */
const isPlaceWord = (word: string) => DOMAIN_WORDS.has(bare(word)) || !isFrameWord(word);

/**
 * A word that may be part of a name here: capitalised, then in lower case ("O'Connor", "Jean-Pierre"; not "IB", not
 * "BeijingService"), and neither the domain's nor the message's frame.
 */
const mayBeNamePart = (word: string, known: Context['known']) =>
  /^\p{Lu}[\p{Ll}\p{M}]*(?:['’-]\p{L}[\p{Ll}\p{M}]*)*[,.]?$/u.test(word) && !known(word) && !isFrameWord(word);

/** The following words of a name: capitalised, not the domain's, with particles inside ("Charles de Gaulle"); up to `max` words. */
function surnameEnd(list: { word: string; end: number }[], from: number, max: number, known: Context['known']): number {
  let end = list[from - 1].end;
  let taken = from;
  for (let index = from; index < list.length && taken < max; index++) {
    const { word } = list[index];
    if (PARTICLES.has(word) && index + 1 < list.length && mayBeNamePart(list[index + 1].word, known)) continue;
    if (!mayBeNamePart(word, known)) break;
    end = list[index].end;
    taken += 1;
  }
  return end;
}

/**
 * A name nothing introduces, in Latin or Cyrillic script: a common given name ("Anna needs a visa", "Please tell Sarah
 * Connor", "передать Максиму Орлову"), a Russian surname before one ("Орлову Максиму"), or a pinyin family name and a
 * given name ("Zhang Wei"). Not inside a longer proper name: "Saint Paul American School", "International Charles de Gaulle".
 */
function unintroducedName(match: string, { before, after, known }: Context): Verdict {
  const list = words(match);
  const [first, second] = list;
  const given = isGivenName(first.word) && !isFrameWord(first.word);
  const surnameFirst =
    !given && !!second && /^\p{sc=Cyrillic}/u.test(first.word) && RU_SURNAME_ENDING.test(bare(first.word)) && mayBeNamePart(first.word, known) && !!russianGivenName(second.word);
  const pinyin =
    !given && list.length === 2 && PINYIN_SURNAMES.has(bare(first.word)) && isPinyinGivenName(second.word) && !known(second.word) && !isFrameWord(second.word);
  if (!given && !surnameFirst && !pinyin) return undefined;
  // Part of a longer proper name ("International Charles de Gaulle", "LFIP Charles de Gaulle", "Kerry Centre", "Maria Montessori school", "Wang Fu Jing"),
  // or a numbered thing ("Victoria 3").
  const previous = /(?<![\p{L}\p{M}])([\p{sc=Latin}\p{sc=Cyrillic}\p{M}'’.-]+)[ \t]+$/u.exec(before)?.[1] ?? '';
  const next = /^[ \t]+([\p{L}\p{M}]+)/u.exec(after)?.[1] ?? '';
  const startsLongerName =
    isUpper(previous[0]) &&
    (/^\p{Lu}{2,6}$/u.test(previous) || NAMED_AFTER_PEOPLE.has(bare(previous)) || INSTITUTION_WORDS.has(bare(previous)) || (pinyin && !isFrameWord(previous)));
  const namesAPlace = [...list.map(({ word }) => word), next].some((word) => INSTITUTION_WORDS.has(bare(word)));
  if (startsLongerName || namesAPlace || /^[ \t]*\d/.test(after)) return undefined;
  if (!given) return { kind: 'name', length: second.end };
  const end = surnameEnd(list, 1, 3, known);
  return end > first.end || !isAlsoAWord(first.word) ? { kind: 'name', length: end } : undefined;
}

/** Before a signature: a closing, a line break or a dash. */
const SIGNED = new RegExp(`(?:${CLOSINGS})[\\s,.!:;—–-]*$|\\n[\\s—–-]*$|\\s[—–~-][ \\t]*$`, 'iu');

/**
 * A name a message's frame marks: at the start before "here" or after "ici" ("Anna Schmidt here,", "aquí Carlos"),
 * before "mein Name", or at the end after a closing, a line break or a dash ("Thanks, Michael Johnson", "\nEmily"). Each
 * word capitalised (or a listed given name), none the domain's or the frame's; one unlisted word only at the end.
 * (Not after a mere comma or full stop: German nouns and sentence starts are capitalised too, "Sagen Sie, wo …".)
 */
function framedName(match: string, { before, known }: Context): Verdict {
  const list = words(match);
  if (!list.every(({ word }) => isGivenName(word) || mayBeNamePart(word, known))) return undefined;
  // One unlisted word alone is a name at the end ("Thanks, Thandiwe"), not before "here" ("Newbie here").
  const signed = SIGNED.test(before);
  return list.length >= 2 || signed || isGivenName(list[0].word) ? { kind: 'name', length: match.length } : undefined;
}

/** After a weak cue or a relation, a listed given name in lower case and maybe a surname: "i am anna", "im david smith", "я ольга". */
function lowerCaseName(match: string): Verdict {
  const [first, second] = words(match);
  if (!isGivenName(first.word) || isAlsoAWord(first.word) || isUpper(first.word[0]) || LOWER_CASE_WORDS.has(first.word)) return undefined;
  const surname = second && /^\p{Ll}[\p{L}'’-]+$/u.test(second.word) && !isFrameWord(second.word) && !FOLLOWERS.has(second.word);
  return { kind: 'name', length: surname ? second.end : first.end };
}
/** Given names that are words in lower case: "je suis marie" (mariée, typed without accents), "pierre" (stone), "mia" (my). */
const LOWER_CASE_WORDS = new Set(['marie', 'pierre', 'mia', 'rosa']);
/** Lower-case words that follow a name in a self-introduction without being a surname. */
const FOLLOWERS = new Set([
  'here', 'living', 'working', 'looking', 'trying', 'staying', 'studying', 'need', 'needs', 'want', 'wants', 'have', 'has', 'had', 'was', 'will', 'lost', 'got',
  'just', 'really', 'too', 'again', 'speaking', 'calling', 'writing', 'asking', 'born', 'aged', 'age', 'years', 'year', 'old', 'et', 'und', 'aus', 'hier', 'ici',
  'aquí', 'y', 'de', 'del', 'mit', 'avec', 'con', 'with', 'из', 'и', 'здесь', 'тут', 'хочу', 'нужна', 'нужно', 'живу', 'работаю', 'necesito', 'quiero', 'vivo',
  'trabajo', 'besoin', 'voudrais', 'habite', 'travaille', 'brauche', 'möchte', 'wohne', 'arbeite', 'habe',
]);

/** Compound Chinese family names: 欧阳娜娜, 司马光. */
const ZH_COMPOUND_SURNAME = /^(?:欧阳|司马|上官|诸葛|司徒|慕容|令狐|皇甫|东方|公孙|夏侯|尉迟|长孙|宇文|端木|独孤|南宫|西门|轩辕|呼延)/u;

/**
 * A Chinese name after a relation or "我是": a family name, common or rarer ("我母亲蔺秀兰"), only characters of foreign
 * names ("我丈夫安德烈") or a child's doubled pet name ("我儿子宁宁"), and not a word that starts like one (高烧, 西安) or a
 * role (学生, 美国人). In Latin script, capitalised.
 */
function zhRelationName(match: string): Verdict {
  if (/^\p{sc=Latin}/u.test(match)) return wordsName(match, false);
  if (!notARole(match)) return undefined;
  const chars = [...match];
  const surname = ZH_COMPOUND_SURNAME.test(match) || ZH_SURNAMES.includes(chars[0]) || ZH_RARE_SURNAMES.includes(chars[0]);
  const foreign = chars.every((char) => ZH_FOREIGN_NAME_CHARS.includes(char));
  const petName = chars.length === 2 && chars[0] === chars[1] && !ZH_DOUBLED_WORDS.includes(match);
  if (!surname && !foreign && !petName) return undefined;
  return chars.length <= 3 || ZH_COMPOUND_SURNAME.test(match) || foreign ? 'name' : { kind: 'name', length: 3 };
}

/** A Japanese name after "夫の", "娘の": not a noun that often follows (学校, ビザ, 予防接種), nor one ending like one (…校, …院, …証). */
function jaRelationName(match: string): Verdict {
  if (JA_RELATION_NOT_NAMES.includes(match) || JA_NOT_NAMES.includes(match) || HAN_PLACES.includes(match)) return undefined;
  const last = match.at(-1) ?? '';
  return /\p{sc=Han}/u.test(last) && (JA_NOUN_ENDINGS.includes(last) || HAN_ROLE_ENDINGS.includes(last)) ? undefined : 'name';
}

/** A Korean name after a relation, before its particle: not a noun that often follows (학교, 비자, 여권), nor one ending like one. */
function koRelationName(match: string): Verdict {
  if (KO_RELATION_NOT_NAMES.includes(match) || KO_NOT_NAMES.includes(match)) return undefined;
  return KO_NOUN_ENDINGS.includes(match.at(-1) ?? '') || KO_ROLE_ENDINGS.includes(match.at(-1) ?? '') ? undefined : 'name';
}

// ---------------------------------------------------------------------------------------------------------------
// Verdict on addresses after a cue

/** After "my address is …": the address runs to the end of its clause. */
function addressClause(candidate: string): Verdict {
  let end = candidate.length;
  const cutAt = (index: number | undefined) => (end = Math.min(end, index ?? end));
  for (const found of candidate.matchAll(/\.(?=\s|$)/gu)) {
    if (!ABBREVIATION_DOT.test(candidate.slice(0, (found.index ?? 0) + 1))) cutAt(found.index);
  }
  for (const found of candidate.matchAll(/[,،]\s*/gu)) if (CLAUSE_START.test(candidate.slice((found.index ?? 0) + found[0].length))) cutAt(found.index);
  for (const found of candidate.matchAll(/\s(?:and|et|y|und|и|و)\s|[，、]|です|でしょう|입니다|이에요|예요|인데|이고|怎么|如何|可以|需要|请问/giu)) cutAt(found.index);
  const address = candidate.slice(0, end).trimEnd();
  return address.length >= 2 ? { kind: 'address', length: address.length } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// 2–4. The rules, applied in this order to the normalised text

const RULES: Rule[] = [
  // Emails, also written "name (at) domain (dot) com" and "name at gmail dot com".
  {
    pattern: new RegExp(
      '(?<![\\p{sc=Latin}\\p{N}._%+-])[\\p{sc=Latin}\\p{N}._%+-]+(?:@|\\s*[([{]\\s*(?:at|@)\\s*[)\\]}]\\s*)[\\p{sc=Latin}\\p{N}-]+' +
        '(?:(?:\\.|\\s*[([{]\\s*dot\\s*[)\\]}]\\s*)[\\p{sc=Latin}\\p{N}-]+)+' +
        '|(?<![\\p{sc=Latin}\\p{N}._%+-])[\\p{sc=Latin}\\p{N}._%+-]+ at [\\p{sc=Latin}\\p{N}-]+ dot (?:com|net|org|cn|ru|de|fr|es|jp|kr|co)(?!\\p{L})',
      'giu',
    ),
    verdict: 'email',
  },
  // Messaging handles with a digit or underscore: "WeChat: wxid_abc123", "微信号 zhang_88", "QQ 123456" (long digit runs are left to the phone rule).
  {
    pattern: new RegExp(
      `(?<=${START}${MESSENGERS}(?:\\s*(?:ID|id|Id|号|账号|帳號|アカウント|아이디|:|：|is|est|es|ist|是|は|는|은|-))*\\s*)[A-Za-z0-9][\\w.\\-]{4,29}`,
      'gu',
    ),
    verdict: (match) => (/[\d_]/.test(match) && !/^\d{7,}$/.test(match) ? 'account' : undefined),
  },
  // Whatever is named a passport, ID card or residence permit number: "passport no. NXC1234K5", "护照号码：E12345678", "паспорт серии 4509 № 123456".
  {
    // The lookahead only spares the lookbehind where no digit is near.
    pattern: new RegExp(`(?=(?:[A-Z]{1,3}[ \\-]?)?\\d)(?<=${START}${ID_WORDS}${NUMBER_FILLER})(?:[A-Z]{1,3}[ \\-]?)?\\d[A-Z\\d]*(?:(?:[ \\-]|\\s*No\\.?\\s*)\\d[A-Z\\d]*)*`, 'giu'),
    verdict: namedIdentifier,
  },
  // IBAN: country, check digits, then groups of four (DE89 3704 0044 0532 0130 00).
  { pattern: /(?<![A-Za-z\d])[A-Z]{2}\d{2}(?: ?[A-Z\d]{4}){3,7}(?: ?[A-Z\d]{1,3})?(?![A-Za-z\d])/gu, verdict: 'card-number' },
  // Spanish DNI and NIE: 8 digits and a letter (12345678Z); X, Y or Z, 7 digits and a letter (X1234567L).
  { pattern: /(?<![A-Za-z\d])(?:[XYZ]\d{7}|\d{8})-?[A-Z](?![A-Za-z\d])/gu, verdict: 'id-number' },
  // Old foreigner permanent-residence card: 3 letters of nationality and 12 digits (USA110079050101).
  { pattern: /(?<![A-Za-z\d])[A-Z]{3}\d{12}(?!\d)/giu, verdict: 'id-number' },
  // French passport: 2 digits, 2 letters, 5 digits (12AB34567).
  { pattern: /(?<![A-Za-z\d])\d{2}[A-Z]{2}\d{5}(?![A-Za-z\d])/giu, verdict: 'id-number' },
  // German passport: C, F, G, H, J or K and 8 digits or consonants (C01X00T47); two digits at least, so that no word matches.
  { pattern: /(?<![A-Za-z\d])[CFGHJK][0-9CFGHJKLMNPRTVWXYZ]{8}(?![A-Za-z\d])/giu, verdict: (match) => (/\d.*\d/.test(match) ? 'id-number' : undefined) },
  // Passports of 1–3 letters and 6–9 digits: CN E/G+8 and EA+7, JP TK1234567, KR M12345678, US A12345678, ES ABC123456.
  { pattern: /(?<![A-Za-z\d])[A-Z]{1,3} ?\d{6,9}(?![A-Za-z\d])/giu, verdict: passportLike },
  // Building, entrance and flat written with dashes after an estate ("Wangjing Huajiadi 3-2-1104", "望京花家地3-2-1104", "Jinsong Nanli 12-3-401"),
  // not a date ("15-03-2024") nor a phone number, whose groups are longer.
  {
    pattern: new RegExp(`(?:${HAN_PLACE}{1,10})?(?<![\\d\\-./])\\d{1,3}-\\d{1,2}-\\d{3,4}(?![\\d\\-./])`, 'gu'),
    verdict: (match) => (/(?:19|20)\d\d$/.test(match) ? undefined : 'address'),
  },
  // Digit runs with spaces, dashes, dots, slashes or a bracketed area code: phones (+86 138 1234 5678, (010) 6512-3456, +33 6 12 34 56 78,
  // 090ー1234ー5678), resident IDs (18 or 15 digits, the last may be X), cards (13–19 digits), and any other run of 7 digits or more.
  {
    pattern: new RegExp(
      `(?<!\\d)(?:\\+ ?)?(?:\\( ?\\+?\\d{1,5} ?\\) ?)?\\d(?:(?: ?${DASH} ?| |\\.|/)?(?:\\( ?\\d{1,5} ?\\) ?)?\\d)*(?:[Xx](?![A-Za-z]))?`,
      'gu',
    ),
    verdict: classifyDigits,
    skipKept: true,
  },
  // The rest of the clause after "my address is", "mon adresse est", "мой адрес", "عنواني", "住所は", "주소는", "我的地址是".
  { pattern: new RegExp(`(?<=${START}${ADDRESS_CUES}\\s*)[^\\s?!。？！;؟][^\\n?!。？！;؟]{1,99}`, 'giu'), verdict: addressClause },
  // Chinese streets: …路/街/大街/道/胡同/巷/里/条 and a number 号, then 院, 号楼, 单元, 室 ("朝阳区建国路88号院3号楼2单元501").
  {
    pattern: new RegExp(
      `${HAN_PLACE}{1,12}${ZH_STREETS}\\s*[甲乙丙丁]?\\s*${HAN_NUMBER}(?:${DASH}\\d{1,4})?\\s*${HAO}院?${HAN_UNIT}*(?:\\s*\\d{3,4}(?!\\d))?`,
      'gu',
    ),
    verdict: 'address',
  },
  // Chinese compounds: a building with a unit or flat ("3号楼2单元501室", "5栋1203"), or a named compound's building or flat ("望京花园3号楼").
  {
    pattern: new RegExp(
      `(?:${HAN_PLACE}{1,10}${ZH_COMPOUNDS}\\s*)?\\d{1,3}\\s*${HAN_BUILDING}\\s*(?:\\d{1,2}\\s*(?:单元|單元|门|門)\\s*)?\\d{2,4}\\s*(?:室|号|號|户)?(?!\\d)` +
        `|${HAN_PLACE}{1,10}${ZH_COMPOUNDS}\\s*(?:\\d{1,3}\\s*(?:${HAN_BUILDING}|号院)|\\d{2,4}\\s*室)${HAN_UNIT}*`,
      'gu',
    ),
    verdict: 'address',
  },
  // Japanese: 丁目, 番地, 号 and 号室 ("港区六本木1丁目2番3号", "グランドヒルズ1502号室"), and 1-2-3 after a 町, 区 or 丁目.
  {
    pattern: new RegExp(
      '[\\p{sc=Han}\\p{sc=Katakana}ー]{0,12}\\d{1,2}\\s*丁目(?:\\s*\\d{1,3}\\s*番地?)?(?:\\s*\\d{1,4}\\s*号)?' +
        '|[\\p{sc=Han}\\p{sc=Katakana}ー]{0,12}\\s*\\d{1,4}\\s*号室' +
        '|(?<=[町区市村]|丁目)\\s*\\d{1,3}-\\d{1,3}(?:-\\d{1,4})?',
      'gu',
    ),
    verdict: 'address',
  },
  // Korean: a building and flat ("101동 1502호"), a road and number ("테헤란로 123", not "1호선으로 2"), a lot number ("역삼동 123-45번지").
  {
    pattern: new RegExp(
      '\\d{1,4}\\s*동\\s*\\d{1,5}\\s*호(?!선)' +
        '|[가-힣]{1,10}(?<!으)(?:로|길)\\s*\\d{1,4}(?:-\\d{1,4})?(?:\\s*번길\\s*\\d{1,4})?(?:\\s*호(?!선))?(?=$|[\\s,.)]|번지|에|이|으로)' +
        '|[가-힣]{1,10}동\\s*\\d{1,4}(?:-\\d{1,4}\\s*(?:번지)?|\\s*번지)(?!\\d)',
      'gu',
    ),
    verdict: 'address',
  },
  // Arabic: a street and number ("شارع الملك فهد رقم 12"), or a number and street ("12 شارع التحرير").
  { pattern: /شارع(?:\s+\p{sc=Arabic}+){0,3}?\s*[،,]?\s*(?:رقم\s*)?\d{1,5}|\d{1,5}\s*[،,]?\s*شارع(?:\s+\p{sc=Arabic}+){1,2}/gu, verdict: 'address' },
  // A number, then a street: "12 rue de la Paix", "5, avenue Foch", "12 Main Street", "No. 8 Xinyuan South Road".
  {
    pattern: new RegExp(
      `(?<![\\p{L}\\d])\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+${anyCase(FRENCH_STREET_TYPES)}\\s+${ROMANCE_LINK}${CAP}(?:[\\s\\-]+${ROMANCE_LINK}${CAP})*` +
        `|(?:No\\.?\\s*)?(?<![\\p{L}\\d])\\d{1,5}[A-Za-z]?,?\\s+(?:${CAP}\\s+){0,4}${anyCase(LATIN_STREET_TYPES)}(?!\\p{L})`,
      'gu',
    ),
    verdict: 'address',
  },
  // A street or an estate, then a number: "Sanlitun Road 19", "Jinsong Nanli 12", "Calle Mayor 5", "Hauptstraße 12", "Berliner Straße 5a", "ул. Тверская, д. 7, кв. 15".
  {
    pattern: new RegExp(
      `(?<!\\p{L})(?:${CAP}\\s+){1,4}(?:${anyCase(LATIN_STREET_TYPES)}|${ESTATE_WORDS.join('|')}),?\\s*(?:No\\.?\\s*|#\\s*)?\\d{1,5}[A-Za-z]?(?![A-Za-z\\d])` +
        `|(?<!\\p{L})${anyCase(SPANISH_STREET_TYPES)}\\s+${ROMANCE_LINK}${CAP}(?:\\s+${ROMANCE_LINK}${CAP})*,?\\s*(?:n[º°o]\\.?\\s*|número\\s*)?` +
        '\\d{1,4}(?!\\d)' +
        `|(?<!\\p{L})${CAP}${GERMAN_STREET_ENDINGS}\\s*\\d{1,4}\\s?[a-z]?(?![\\p{L}\\d])` +
        `|(?<!\\p{L})${CAP}\\s+${GERMAN_STREET_WORDS}\\s*\\d{1,4}[a-z]?(?![\\p{L}\\d])` +
        `|(?<!\\p{L})${anyCase(RUSSIAN_STREET_TYPES)}\\s*${CAP}(?:\\s+${CAP})*,?\\s*(?:д\\.|дом)?\\s*\\d{1,4}[а-я]?(?!\\d)` +
        `(?:\\s*[,/]?\\s*${RUSSIAN_HOUSE_PARTS}\\s*\\d{1,4})*`,

      'gu',
    ),
    verdict: 'address',
  },
  // Buildings and flats: two parts in a row ("Building 3, Apt 1502", "корп. 2, кв. 15", "مبنى 5، شقة 12", "Unit 1502, 15/F"),
  // a part and a flat number ("Tower 3, 1201"), a flat alone ("Apt 1502"); and a tower and flat written "T3 1201".
  {
    pattern: new RegExp(
      `${BUILDING_PART}(?:\\s*[,，،;/\\-]?\\s*${BUILDING_PART})+|${BUILDING_PART}\\s*[,，،]?\\s*\\d{3,4}(?![\\p{L}\\d])|(?<!\\p{L})${HOME_WORDS}${PART_NUMBER}`,
      'giu',
    ),
    // Without a digit, a part is a capital letter ("Tower B"), not a lower-case one: "apartments" (apartment + s), "a flat a bit further".
    verdict: (match) => (/\d|[^\p{L}]\p{Lu}(?!\p{L})/u.test(match) ? 'address' : undefined),
  },
  { pattern: /(?<![\p{L}\d])[A-Z]\d{1,2}[\s-]\d{3,4}(?![\p{L}\d])/gu, verdict: 'address' },
  // Around a masked address, the estate, building or district it belongs to: "Wangjing SOHO [address]", "Chaoyang District, [address]",
  // "[address], Tuanjiehu Beili", "朝阳区，[address]" (a district alone stays).
  {
    pattern: new RegExp(
      `(?<![\\p{L}\\d])(?:${CAP}(?:[ \\t]+${CAP}){0,3}[ \\t]*,[ \\t]*)?${CAP}(?:[ \\t]+${CAP}){0,3}[ \\t]*,?[ \\t]*\\[address\\]` +
        `|${HAN_PLACE}{1,8}[区市县镇乡]\\s*[,，、]?\\s*\\[address\\]`,
      'gu',
    ),
    verdict: (match) => (words(match.replace(/,/g, ' ')).every(({ word }) => word === '[address]' || isPlaceWord(word)) ? 'address' : undefined),
  },
  {
    pattern: new RegExp(`\\[address\\][ \\t]*,?[ \\t]*${CAP}(?:[ \\t]+${CAP}){0,3}`, 'gu'),
    verdict: (match) => {
      const list = words(match.replace(/,/g, ' ')).slice(1);
      const stop = list.findIndex(({ word }) => !isPlaceWord(word));
      const last = stop < 0 ? list.at(-1) : list[stop - 1];
      return last ? { kind: 'address', length: last.end } : undefined;
    },
  },
  // A name after a cue that introduces one, in any case: "my name is …", "je m'appelle …", "меня зовут …", "اسمي …", "名前は…", "제 이름은 …".
  { pattern: new RegExp(`(?<=${START}(?:${STRONG_NAME_CUES.join('|')})${AFTER_CUE})${CANDIDATE}`, 'giu'), verdict: nameAfterCue(true) },
  // "我儿子名叫阿里", "我的中文名是柯立安": a name in any script.
  { pattern: new RegExp(`(?<=${ZH_NAME_CUES}\\s*)${CANDIDATE}`, 'gu'), verdict: nameAfterCue(true) },
  // "我叫王芳", "她叫安娜，…", "我叫John" (not "我叫出租车").
  { pattern: new RegExp(`(?<=${ZH_CALLED}\\s*)${CANDIDATE}`, 'gu'), verdict: calledName },
  // A capitalised name after a weak cue: "I am Maria", "je suis Marie", "soy Ana", "er heißt Max", "я Иван" (not "I am French").
  { pattern: new RegExp(`(?<=${START}(?:${WEAK_NAME_CUES.join('|')})${AFTER_CUE})${CANDIDATE}`, 'giu'), verdict: nameAfterCue(false) },
  // German "ich bin Anna Müller": two capitalised words, since German capitalises nouns ("ich bin Student").
  { pattern: new RegExp(`(?<=${START}ich bin\\s+)${CANDIDATE}`, 'giu'), verdict: nameAfterCue(false, 2) },
  // A relation and a capitalised name: "my daughter Emma Wilson", "ma femme Anna", "mein Sohn heißt Felix", "моему сыну Ивану".
  {
    pattern: new RegExp(
      `(?<=${START}(?:${RELATIONS.join('|')})(?:,|\\s+(?:hei(?:ß|ss)t|se llama|s['’]appelle|is called|is named|named|called))?\\s+)${CANDIDATE}`,
      'giu',
    ),

    verdict: nameAfterCue(false),
  },
  // A title and a capitalised name: "Mr Smith", "Frau Müller", "Dr. Wang", "monsieur Dupont", "господин Петров".
  { pattern: new RegExp(`(?<=${START}(?:${TITLES}|${anyCase(TITLES_ANY_CASE)})\\s+)${CANDIDATE}`, 'gu'), verdict: nameAfterCue(false) },
  // Arabic: a common given name after a relation, "أنا" or "معكم" (speaking): "ابني محمد", "زوجتي فاطمة", "أنا أحمد", "معكم ماريا".
  { pattern: new RegExp(`(?<=${START}(?:${ARABIC_RELATIONS}|${ARABIC_NAME_CUES}|أنا|انا)\\s+)${CANDIDATE}`, 'gu'), verdict: arabicName },
  // Chinese: a name of 2–4 characters after "我是", "本人", "我女儿", "我爱人", before a verb, particle or stop: "我是王芳，", "我母亲蔺秀兰住院",
  // "我丈夫安德烈需要…" (a family name, or only characters of foreign names), or a capitalised one ("我丈夫John").
  {
    pattern: new RegExp(
      `(?<=${ZH_RELATIONS}[:：]?\\s*)(?:(?![${ZH_NAME_STOPS}])${HAN}){2,4}(?=[\\s,，。.!！?？;；:：、()（）${ZH_NAME_STOPS}]|$|${ZH_AFTER_NAME})` +
        `|(?<=${ZH_RELATIONS}\\s*)${CAP}(?:\\s${CAP}){0,2}`,
      'gu',
    ),
    verdict: zhRelationName,
  },
  // Chinese: "我姓王"; "王先生", "李小姐", "张伟女士".
  { pattern: new RegExp(`(?<=我姓)[${ZH_SURNAMES}]|[${ZH_SURNAMES}]${HAN}{0,2}?(?=先生|女士|小姐)`, 'gu'), verdict: 'name' },
  // Japanese: "私は田中です", "私はジョン・スミスです", "山田と申します", "田中さん", "エミリーちゃん" (not 学生, 会社員, 皆さん, お医者さん).
  {
    pattern: new RegExp(
      `(?<=(?:私は|わたしは|僕は|ぼくは|俺は|私、)\\s*)(?:${KATAKANA_NAME}|${HAN}{2,5}|${CAP}(?:\\s${CAP}){0,2})(?=\\s*(?:です|と申します|といいます|と言います|でございます))` +
        `|(?<![\\p{sc=Han}\\p{sc=Katakana}ー・])(?:${KATAKANA_NAME}|${HAN}{2,5})(?=\\s*(?:と申します|といいます|と言います))` +
        `|(?<![\\p{sc=Han}\\p{sc=Katakana}ー・])(?:${KATAKANA_NAME}|${HAN}{1,4})(?=さん|ちゃん|くん|様|さま)`,
      'gu',
    ),
    verdict: notARole,
  },
  // Korean: "저는 김민수입니다", "김민수 씨" (a family name and two syllables), not "저는 학생입니다".
  {
    pattern: new RegExp(
      `(?<=(?<![가-힣])(?:저는|나는|전(?=\\s)|제가)\\s*)(?:[가-힣]{2,4}|${CAP}(?:\\s${CAP}){0,2})(?=\\s*(?:입니다|이에요|예요|이라고\\s?(?:합니다|해요)|라고\\s?(?:합니다|해요)))` +
        `|(?<![가-힣])[${KO_SURNAMES}][가-힣]{2}(?=\\s?(?:씨|님))`,
      'gu',
    ),
    verdict: notARole,
  },
  // Korean: a name after a relation, with its particle attached ("제 딸 에밀리가", "남편 데이비드의", "아내 소피는") or, starting with a family
  // name, alone ("제 딸 이서연 학교"); not "딸 학교가", "남편 비자가".
  {
    pattern: new RegExp(
      `(?<=${KO_RELATIONS}\\s+)(?:[가-힣]{1,5}(?=(?:이가|이는|이의|이를|이랑|이|가|는|은|의|를|을|도|랑|와|과|하고)(?![가-힣]))|[${KO_SURNAMES}][가-힣]{1,2}(?=\\s|[,.]|$))`,
      'gu',
    ),
    verdict: koRelationName,
  },
  // Japanese: a name after "夫の", "娘の", before a particle, an honorific or an age: "夫のジョンが", "娘の美咲は", "息子の健太(5歳)" (not "娘の学校は").
  {
    pattern: new RegExp(
      `(?<=(?<!${HAN})${JA_RELATIONS}の)(?:${KATAKANA_NAME}|${HAN}{2,3})(?=さん|ちゃん|くん|様|が|は|の|も|を|に|と|です|\\s*\\(\\s*\\d{1,2}\\s*歳)`,
      'gu',
    ),
    verdict: jaRelationName,
  },
  // A listed given name in lower case after a weak cue or a relation: "i am anna", "im david smith", "soy ana", "я ольга", "my son leo".
  {
    pattern: new RegExp(
      `(?<=${START}(?:${[...WEAK_NAME_CUES, 'im', 'i m', 'ich bin(?: die| der)?', ...RELATIONS].join('|')})(?:,|\\s*:)?\\s+)${WORD}(?:[ \\t]+${WORD})?`,
      'giu',
    ),
    verdict: lowerCaseName,
  },
  // A name the message's frame marks: "Anna Schmidt here,", "ici Marie Dubois" at the start; "Lukas Weber mein Name"; "Thanks, Michael Johnson",
  // "…\\nEmily", "… - Laura Bianchi" at the end.
  {
    pattern: new RegExp(
      `(?<![\\p{L}\\p{M}'’\\-])(?:(?<=^[\\s"“]*(?:\\p{L}+[\\s,!.]+)?)${SPACED_NAME}(?=[ \\t]*,?[ \\t]*${HERE_AFTER}(?![\\p{L}]))` +
        `|(?<=^[\\s"“]*(?:\\p{L}+[\\s,!.]+)?${HERE_BEFORE}[\\s,:]+)${SPACED_NAME}` +
        `|${SPACED_NAME}(?=[ \\t]*,?[ \\t]*${NAME_AFTER}(?![\\p{L}]))` +
        `|(?=${SPACED_NAME}[\\s.!]*$)(?<=(?:(?:^|[\\s,.!?;:])(?:${CLOSINGS})[\\s,.!:;—–-]*|\\n[\\s—–-]*|\\s[—–~-][ \\t]*))${SPACED_NAME})`,
      'giu',
    ),
    verdict: framedName,
  },
  // A name nothing introduces: a common given name and its surname ("Anna needs a visa", "передать Максиму Орлову"), "Zhang Wei".
  {
    pattern: new RegExp(`(?<![\\p{L}\\p{M}\\p{N}'’\\-.@_/#])${NAME_WORD}(?:[ \\t]+(?:(?:${[...PARTICLES].join('|')})[ \\t]+)*${NAME_WORD}){0,3}`, 'gu'),
    verdict: unintroducedName,
  },
];

// ---------------------------------------------------------------------------------------------------------------

/**
 * Applies one rule: a match its verdict masks is replaced, from its start, by the mask. A match the rule keeps is
 * looked at again from its next character, so that a kept candidate ("I'm called …") does not hide a name inside it.
 */
function applyRule(text: string, { pattern, verdict, skipKept }: Rule, kinds: Set<PiiKind>, known: Context['known']): string {
  let stored = '';
  let copied = 0;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    const [match] = found;
    const start = found.index;
    const context = { before: text.slice(Math.max(0, start - 40), start), after: text.slice(start + match.length, start + match.length + 20), known };
    const decided = match ? (typeof verdict === 'string' ? verdict : verdict(match, context)) : undefined;
    const { kind, length } = typeof decided === 'string' ? { kind: decided, length: match.length } : (decided ?? { kind: undefined, length: 0 });
    if (!kind || length <= 0) {
      pattern.lastIndex = skipKept && match ? start + match.length : start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    kinds.add(kind);
    stored += `${text.slice(copied, start)}[${kind}]`;
    copied = pattern.lastIndex = start + length;
  }
  return stored + text.slice(copied);
}

/** Normalises the text, then masks what could identify a person; says which kinds were masked. */
export function redactPersonalData(raw: string, { knownWords }: RedactOptions = {}): Redaction {
  const kinds = new Set<PiiKind>();
  const known = (word: string) => {
    const lower = bare(word);
    return DOMAIN_WORDS.has(lower) || INSTITUTION_WORDS.has(lower) || (!!knownWords && !isGivenName(word) && knownWords(lower));
  };
  const text = RULES.reduce((masked, rule) => applyRule(masked, rule, kinds, known), normaliseForStorage(raw));
  return { text, kinds: [...kinds] };
}

/** The question as it may be stored: normalised, with [name], [phone], [email], [id-number], … masks. */
export function redactForStorage(text: string, options: RedactOptions = {}): string {
  return redactPersonalData(text, options).text;
}

/**
 * The `knownWords` option from the product's own texts (the knowledge base's titles, answers, details and facts, in
 * all languages): the Latin and Cyrillic words written with a capital inside a sentence, in lower case, except given
 * names and pinyin family names ("Saint Paul" must not make Paul a domain word). Pure: the caller reads the files.
 */
export function knownWordsFrom(texts: Iterable<string>): (word: string) => boolean {
  const vocabulary = new Set<string>();
  for (const text of texts) {
    for (const found of text.matchAll(/(?<=[\p{L}\p{N},;)»"”]\s+)\p{Lu}[\p{sc=Latin}\p{sc=Cyrillic}\p{M}]+(?![\p{L}\p{M}])/gu)) {
      if (!/^[\p{sc=Latin}\p{sc=Cyrillic}]/u.test(found[0]) || isGivenName(found[0]) || PINYIN_SURNAMES.has(bare(found[0]))) continue;
      vocabulary.add(bare(found[0]));
    }
  }
  return (word) => vocabulary.has(word.toLowerCase());
}
