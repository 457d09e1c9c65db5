import { analyze } from './analyze.js';
import { normalizeForMatching, UNSPACED } from './phrases.js';
import type { Lang } from '../languages.js';

/** Characters that carry content in Chinese, Japanese and Korean (hiragana is mostly grammar). */
const UNSPACED_CONTENT = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LONE_HANGUL = /(?<!\p{Script=Hangul})\p{Script=Hangul}(?!\p{Script=Hangul})/gu;
/** Chinese characters that carry grammar, not a topic: particles, pronouns, question words, "is", "have", "or". */
const CHINESE_FUNCTION_CHARS = /[的了吗呢吧啊呀或者和与及是在有个些哪什么怎这那都也就还要能可以我你他她们给把被让请问想而且家]/gu;
/**
 * Korean words that ask rather than name a topic: "tell me", "is there", "can I know", "how is it", "please", "exactly"
 * ("홈페이지 주소도 알려줘요", "정확한 주소 알 수 있을까요"). Hangul counts as content, so they would make one.
 */
const KOREAN_REQUEST_WORDS = /알려\s?(?:주세요|줘요|줘|주실|주시겠|줄)|가르쳐\s?(?:주세요|줘요|줘)|있(?:어요|나요|을까요|습니까|어)|(?:알|할)\s?수|되나요|돼요|될까요|뭐예요|뭔가요|어떻게|어떤가요|인가요|입니까|해요|하나요|정확한|혹시|좀|주세요/gu;

/** English contractions typed without their apostrophe ("whats their number"): grammar, as "what's" is. */
const BARE_CONTRACTIONS = /\b(?:whats|wheres|whens|hows|whos|thats|theres|theyre|dont|doesnt|isnt|arent|cant|wont|im|ive|youre)\b/gu;

/**
 * Whether a message says something beyond a set of known phrases (phrase syntax in phrases.ts): once they are set
 * aside, at least two other words remain (stop words and short numbers do not count; a longer one, such as 12345,
 * names something), or at least four Chinese, Japanese or Korean content characters. "What's their phone number?"
 * says nothing beyond the fact phrases; "what number do I call after a traffic accident?" does.
 */
export class OwnTopicTest {
  /** Chinese, Japanese and Korean phrases, normalized as messages are, cut out of them as substrings, longest first. */
  private readonly unspaced: string[];
  /** Word starts: the phrases' words that end in `*`. */
  private readonly prefixes: string[];
  private readonly termsByLang = new Map<Lang, Set<string>>();

  constructor(private readonly phrases: readonly string[]) {
    const parts = phrases.flatMap((phrase) => phrase.split(' + ')).map((part) => part.trim().toLowerCase());
    this.unspaced = parts
      .filter((part) => UNSPACED.test(part))
      .map((part) => part.replace(/\*$/, ''))
      .sort((a, b) => b.length - a.length)
      .map(normalizeForMatching);
    this.prefixes = parts
      .flatMap((part) => part.split(/\s+/))
      .filter((word) => word.endsWith('*') && !UNSPACED.test(word))
      .map((word) => normalizeForMatching(word.slice(0, -1)));
  }

  private terms(lang: Lang): Set<string> {
    let terms = this.termsByLang.get(lang);
    if (!terms) {
      terms = new Set(this.phrases.flatMap((phrase) => analyze(normalizeForMatching(phrase.replace(/\*|\s\+\s/g, ' ')), lang)));
      this.termsByLang.set(lang, terms);
    }
    return terms;
  }

  /** What remains of a message once the phrases are set aside: other words, and other CJK content characters. */
  remainder(text: string, lang: Lang): { words: number; unspacedChars: number } {
    // Punctuation goes first: "l'IGCSE" is the word IGCSE after an elided article.
    const normalized = normalizeForMatching(text);
    const rest = this.unspaced
      .reduce((remaining, phrase) => remaining.replaceAll(phrase, ' '), normalized)
      // Matching decomposes Hangul syllables into letters; counting needs them whole again.
      .normalize('NFC')
      // A lone Korean syllable left where a phrase was cut out is its particle (한국어로, 병원은).
      .replace(LONE_HANGUL, ' ')
      .replace(BARE_CONTRACTIONS, ' ');
    const known = this.terms(lang);
    const words = new Set(
      analyze(rest.replace(UNSPACED_CONTENT, ' '), lang).filter(
        (term) => term.length > 1 && !known.has(term) && !/^\d{1,2}$/.test(term) && !this.prefixes.some((prefix) => term.startsWith(prefix)),
      ),
    );
    const content = rest.replace(CHINESE_FUNCTION_CHARS, ' ').replace(KOREAN_REQUEST_WORDS, ' ');
    return { words: words.size, unspacedChars: (content.match(UNSPACED_CONTENT) ?? []).length };
  }

  hasOwnTopic(text: string, lang: Lang): boolean {
    const { words, unspacedChars } = this.remainder(text, lang);
    return words >= 2 || unspacedChars >= 4;
  }
}
