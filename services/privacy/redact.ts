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
 *  3. Address and name rules (the rest of RULES): a street or building with a number (建国路88号, 3号楼2单元501室,
 *     "12 rue de la Paix", "Calle Mayor 5", "Hauptstraße 12", "ул. Тверская, д. 7", "101동 1502호", "1丁目2番3号",
 *     "شارع … 12", "Building 3, Apt 1502"), or the rest of the clause after "my address is" and its equivalents; a
 *     name after a cue that introduces one ("my name is", "меня зовут", "我叫", "제 이름은", "私は…です"), after a
 *     relation ("my daughter Emma", "mein Sohn Max") or a title ("Frau Müller", "王先生").
 *
 * Limits: identifiers are found by their shape, names and addresses by the words around them. A name nothing
 * introduces ("Anna needs a visa"), a lower-case name after a weak cue ("i am anna"), a Chinese, Korean or Arabic name
 * after a weak cue that starts with an uncommon family name or given name, a street without a number, identifiers
 * spelled out in words, and formats not in the table are kept. The public address of an office is masked like a home
 * address. The word lists are in lexicon.ts.
 */
import {
  ABBREVIATION_DOT,
  ADDRESS_CUES,
  ARABIC_NAMES,
  ARABIC_RELATIONS,
  BUILDING_WORDS,
  CARD_WORDS,
  CLAUSE_START,
  CURRENCY_AFTER,
  CURRENCY_BEFORE,
  CURRENCY_CODES,
  FRENCH_STREET_TYPES,
  FUNCTION_WORDS,
  GERMAN_STREET_ENDINGS,
  GERMAN_STREET_WORDS,
  HAN_PLACES,
  HAN_ROLE_ENDINGS,
  HOME_WORDS,
  ID_WORDS,
  INSTITUTION_WORDS,
  JA_NOT_NAMES,
  KO_NOT_NAMES,
  KO_RELATIONS,
  KO_ROLE_ENDINGS,
  KO_SURNAMES,
  LATIN_STREET_TYPES,
  MESSENGERS,
  NOT_NAMES,
  NUMBER_FILLER,
  PHONE_WORDS,
  RELATIONS,
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
  ZH_NAME_STOPS,
  ZH_NOT_NAMES,
  ZH_RELATIONS,
  ZH_STREETS,
  ZH_SURNAMES,
} from './lexicon.js';

/** What a mask stands for; the mask is the kind in brackets, e.g. [id-number]. */
export type PiiKind = 'email' | 'account' | 'id-number' | 'card-number' | 'phone' | 'number' | 'address' | 'name';

export interface Redaction {
  /** The normalised text with masks. */
  text: string;
  /** The kinds masked, in the order the rules met them. */
  kinds: PiiKind[];
}

/** A rule's verdict on one match: mask it all, mask its first `length` characters only, or keep it (undefined). */
type Verdict = PiiKind | { kind: PiiKind; length: number } | undefined;

interface Rule {
  /** Global, without capturing groups: cues sit in lookbehinds, so the match starts with what may be masked. */
  pattern: RegExp;
  verdict: PiiKind | ((match: string, around: { before: string; after: string }) => Verdict);
  /** Digit runs: what is inside a kept run is kept too, so the search goes on after it rather than at its next character. */
  skipKept?: true;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Normalisation

const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** The text as it is stored: without invisible characters, NFKC, and with Arabic-Indic digits as 0–9. */
export function normaliseForStorage(text: string): string {
  // Both Arabic-Indic blocks start at a code point ending in 0, so a digit's value is its code point modulo 16.
  return text.replace(INVISIBLE, '').normalize('NFKC').replace(ARABIC_INDIC_DIGIT, (digit) => String(digit.charCodeAt(0) % 16));
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
/** A capitalised Latin or Cyrillic word, as in a street name. */
const CAP = "\\p{Lu}[\\p{L}\\p{M}'’\\-]*";
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
// 2–3. The rules, applied in this order to the normalised text

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
    pattern: new RegExp(`(?<=${START}${ID_WORDS}${NUMBER_FILLER})(?:[A-Z]{1,3}[ \\-]?)?\\d[A-Z\\d]*(?:(?:[ \\-]|\\s*No\\.?\\s*)\\d[A-Z\\d]*)*`, 'giu'),
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
  // A street, then a number: "Sanlitun Road 19", "Calle Mayor 5", "Hauptstraße 12", "Berliner Straße 5a", "ул. Тверская, д. 7, кв. 15".
  {
    pattern: new RegExp(
      `(?<!\\p{L})(?:${CAP}\\s+){1,4}${anyCase(LATIN_STREET_TYPES)},?\\s*(?:No\\.?\\s*|#\\s*)?\\d{1,5}[A-Za-z]?(?![A-Za-z\\d])` +
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
    verdict: 'address',
  },
  { pattern: /(?<![\p{L}\d])[A-Z]\d{1,2}[\s-]\d{3,4}(?![\p{L}\d])/gu, verdict: 'address' },
  // A name after a cue that introduces one, in any case: "my name is …", "je m'appelle …", "меня зовут …", "اسمي …", "名前は…", "제 이름은 …".
  { pattern: new RegExp(`(?<=${START}(?:${STRONG_NAME_CUES.join('|')})${AFTER_CUE})${CANDIDATE}`, 'giu'), verdict: nameAfterCue(true) },
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
  // Arabic: a common given name after a relation or "أنا": "ابني محمد", "زوجتي فاطمة", "أنا أحمد".
  { pattern: new RegExp(`(?<=${START}(?:${ARABIC_RELATIONS}|أنا|انا)\\s+)${CANDIDATE}`, 'gu'), verdict: arabicName },
  // Chinese: a family name and 1–2 characters after "我是", "本人", "我女儿", before a verb, particle or stop: "我是王芳，", "我儿子王子轩在…".

  {
    pattern: new RegExp(
      `(?<=${ZH_RELATIONS}[:：]?\\s*)(?:欧阳|司马|上官|诸葛|[${ZH_SURNAMES}])(?:(?![${ZH_NAME_STOPS}])${HAN}){1,2}` +
        `(?=[\\s,，。.!！?？;；:：、${ZH_NAME_STOPS}]|$|护照|身份证|电话|手机|出生)`,
      'gu',
    ),
    verdict: notARole,
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
  // Korean: "저는 김민수입니다", "김민수 씨", "제 딸 이서연이" (a family name and two syllables), not "저는 학생입니다".
  {
    pattern: new RegExp(
      `(?<=(?<![가-힣])(?:저는|나는|전|제가)\\s*)(?:[가-힣]{2,4}|${CAP}(?:\\s${CAP}){0,2})(?=\\s*(?:입니다|이에요|예요|이라고\\s?(?:합니다|해요)|라고\\s?(?:합니다|해요)))` +
        `|(?<![가-힣])[${KO_SURNAMES}][가-힣]{2}(?=\\s?(?:씨|님))` +
        `|(?<=${KO_RELATIONS}\\s+)[${KO_SURNAMES}][가-힣]{1,2}(?=[이가은는을를의도와과랑]|\\s|[,.]|$)`,
      'gu',
    ),
    verdict: notARole,
  },
];

// ---------------------------------------------------------------------------------------------------------------

/**
 * Applies one rule: a match its verdict masks is replaced, from its start, by the mask. A match the rule keeps is
 * looked at again from its next character, so that a kept candidate ("I'm called …") does not hide a name inside it.
 */
function applyRule(text: string, { pattern, verdict, skipKept }: Rule, kinds: Set<PiiKind>): string {
  let stored = '';
  let copied = 0;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    const [match] = found;
    const start = found.index;
    const around = { before: text.slice(Math.max(0, start - 40), start), after: text.slice(start + match.length, start + match.length + 20) };
    const decided = match ? (typeof verdict === 'string' ? verdict : verdict(match, around)) : undefined;
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
export function redactPersonalData(raw: string): Redaction {
  const kinds = new Set<PiiKind>();
  const text = RULES.reduce((masked, rule) => applyRule(masked, rule, kinds), normaliseForStorage(raw));
  return { text, kinds: [...kinds] };
}

/** The question as it may be stored: normalised, with [name], [phone], [email], [id-number], … masks. */
export function redactForStorage(text: string): string {
  return redactPersonalData(text).text;
}
