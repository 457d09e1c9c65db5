import { LRUCache } from 'lru-cache';
import MiniSearch from 'minisearch';
import { analyze, analyzeText } from '../language/analyze.js';
import { countScripts, wordScript } from '../language/script.js';
import { localizedValues, type Entry } from '../knowledge/schema.js';
import { LANGS, type Lang } from '../languages.js';
import { atOnce, inSlices } from '../timeSlices.js';

export interface LexicalHit {
  entryId: string;
  /** BM25 score of the entry's best-matching document. */
  score: number;
  /**
   * Share of the question's words (weighted by IDF) that the entry matches, in [0, 1]. Unlike a BM25 score it is comparable
   * across questions, which is what the answer/clarify/fallback thresholds need.
   */
  coverage: number;
  /** What the hits are ranked by: coverage plus the BM25 weight times the BM25 score relative to the best hit. */
  relevance: number;
}

interface IndexedDocument {
  id: string;
  entryId: string;
  /** The document's language, or `*` for the language-neutral tags and names. */
  lang: Lang | '*';
  title: string;
  questions: string;
  answer: string;
  keywords: string;
}

const FIELD_BOOSTS = { title: 2, questions: 2, answer: 1, keywords: 1.5 };
/** Typo tolerance: up to one edit in five letters, on Latin-script terms of five letters or more. */
const FUZZY_RATIO = 0.2;
const FUZZY_MIN_LENGTH = 5;

/**
 * MiniSearch's term tree finds a term's branch by scanning a node's children one by one. Chinese, Japanese and Korean
 * terms begin with thousands of different characters, so adding the knowledge base's 540,000 terms took 7-15 s, which
 * every start and reload waited for. Such terms are stored as the hex of their UTF-16 code units behind a marker, which
 * keeps every node to 16 children or fewer (3 s). The encoding is one-to-one, so no score changes.
 */
const WIDE_CHARACTER = /[\u2e80-\uffff]/;
const ENCODED = '\u0001';

function storedTerm(term: string): string {
  if (!WIDE_CHARACTER.test(term)) return term;
  return ENCODED + Array.from({ length: term.length }, (_, i) => term.charCodeAt(i).toString(16).padStart(4, '0')).join('');
}

function termFromStored(stored: string): string {
  if (!stored.startsWith(ENCODED)) return stored;
  const hex = stored.slice(ENCODED.length);
  return String.fromCharCode(...Array.from({ length: hex.length / 4 }, (_, i) => parseInt(hex.slice(i * 4, i * 4 + 4), 16)));
}

function terms(text: string, lang: Lang): string {
  return analyze(text, lang).join(' ');
}

/** One document per entry and language, plus one for its language-neutral tags and names; each analyzed when reached. */
function* documentsOf(entry: Entry): Generator<IndexedDocument> {
  for (const lang of LANGS) {
    const content = entry.content[lang];
    yield {
      id: `${entry.id}:${lang}`,
      entryId: entry.id,
      lang,
      title: terms(content.title, lang),
      questions: content.questions.map((q) => terms(q, lang)).join(' '),
      answer: terms([content.answer, content.details ?? ''].join(' '), lang),
      keywords: '',
    };
  }
  const keywords = [...entry.tags, ...localizedValues(entry.facts.name)].join(' ');
  yield { id: `${entry.id}:keywords`, entryId: entry.id, lang: '*', title: '', questions: '', answer: '', keywords: terms(keywords, 'en') };
}

/**
 * The question's language, plus the languages whose script also appears in it: "how to 预约 PUMCH" searches the
 * English and the Chinese documents. Searching only these keeps a number or a Latin name that every language
 * repeats from counting nine times.
 */
function searchedLanguages(question: string, lang: Lang): Set<Lang | '*'> {
  const languages = new Set<Lang | '*'>(['*', lang]);
  const counts = countScripts(question);
  if (counts.latin > 0 && !['en', 'fr', 'es', 'de'].includes(lang)) languages.add('en');
  if (counts.han > 0 && lang !== 'ja') languages.add('zh');
  if (counts.kana > 0) languages.add('ja');
  if (counts.hangul > 0) languages.add('ko');
  if (counts.arabic > 0) languages.add('ar');
  if (counts.cyrillic > 0) languages.add('ru');
  return languages;
}

/** The part of MiniSearch's internals `memoizeFuzzyLookups` reaches into. */
interface FuzzyIndex {
  fuzzyGet(term: string, maxDistance: number): unknown;
}

/**
 * A typo's fuzzy lookup walks MiniSearch's whole term tree (about 12 ms for "weather" here, against 1 ms for a
 * question whose words are all known), and the same unknown words come back in many questions. The index never
 * changes once built, so the lookups are remembered per term and distance; MiniSearch only reads what they return.
 * This reaches into MiniSearch's private `_index` (minisearch 7): if a new version moves it, the constructor fails.
 */
function memoizeFuzzyLookups(search: MiniSearch<IndexedDocument>): void {
  const index = (search as unknown as { _index?: FuzzyIndex })._index;
  if (typeof index?.fuzzyGet !== 'function') throw new Error('minisearch changed: its _index.fuzzyGet is gone; update memoizeFuzzyLookups');
  const lookup = index.fuzzyGet.bind(index);
  const remembered = new LRUCache<string, { found: unknown }>({ max: 5_000 });
  index.fuzzyGet = (term, maxDistance) => {
    const key = `${maxDistance}:${term}`;
    let hit = remembered.get(key);
    if (!hit) {
      hit = { found: lookup(term, maxDistance) };
      remembered.set(key, hit);
    }
    return hit.found;
  };
}

/**
 * The lexical path: BM25 (MiniSearch) over per-language analyzed titles, alternate questions, answers and tags.
 * Analysis happens before indexing (MiniSearch only splits on spaces), so each document is analyzed in its own
 * language and each question in the asker's.
 */
export class LexicalIndex {
  private readonly search = new MiniSearch<IndexedDocument>({
    fields: ['title', 'questions', 'answer', 'keywords'],
    storeFields: ['entryId', 'lang'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => (term ? storedTerm(term) : null),
  });
  /** In how many entries each term occurs: the IDF behind `coverage`. */
  private readonly entryFrequency = new Map<string, number>();
  private entryCount = 0;

  /**
   * Builds the index in one go, holding the event loop for seconds on the real knowledge base: for tests and
   * scripts. A server builds with `LexicalIndex.build`.
   * @param bm25Weight how much the BM25 score, relative to the best hit's, adds to coverage when ranking hits
   */
  constructor(
    entries: readonly Entry[],
    private readonly bm25Weight: number,
  ) {
    atOnce(this.indexing(entries));
    memoizeFuzzyLookups(this.search);
  }

  /**
   * The same index, built in time slices between which requests and timers run: a start or a reload never holds
   * the event loop for more than a slice. Nothing queries the index before it is returned, so no fuzzy lookup is
   * remembered from a half-built index.
   */
  static async build(entries: readonly Entry[], bm25Weight: number): Promise<LexicalIndex> {
    const index = new LexicalIndex([], bm25Weight);
    await inSlices(index.indexing(entries));
    return index;
  }

  /** Adds the entries in their order. Analyzing a document is one step and adding it another: at most a few ms each. */
  private *indexing(entries: readonly Entry[]): Generator<void> {
    for (const entry of entries) {
      const entryTerms = new Set<string>();
      for (const document of documentsOf(entry)) {
        yield;
        this.search.add(document);
        for (const term of [document.title, document.questions, document.answer, document.keywords].join(' ').split(' ')) entryTerms.add(term);
        yield;
      }
      for (const term of entryTerms) if (term) this.entryFrequency.set(term, (this.entryFrequency.get(term) ?? 0) + 1);
      this.entryCount++;
    }
  }

  get documentCount(): number {
    return this.search.documentCount;
  }

  private idf(term: string): number {
    // A term no entry has (weather, 天气) keeps its full weight: it is evidence the question is out of scope.
    const frequency = this.entryFrequency.get(term) ?? 0.5;
    return Math.log(1 + this.entryCount / frequency);
  }

  query(question: string, lang: Lang, limit = 10): LexicalHit[] {
    // One analysis gives both the terms to search and the words coverage is measured over.
    const analyzed = analyzeText(question, lang);
    const queryTerms = [...new Set(analyzed.terms)];
    if (queryTerms.length === 0) return [];
    const words = analyzed.words.map(({ match }) => {
      const weighed = [...match.whole, ...match.parts];
      return { ...match, weight: weighed.reduce((sum, term) => sum + this.idf(term) ** 2, 0) / weighed.length };
    });
    const totalWeight = words.reduce((sum, word) => sum + word.weight, 0);
    const coverage = (matched: Set<string>) => {
      if (totalWeight === 0) return 0;
      const covered = words.reduce((sum, { whole, parts, weight }) => {
        if (whole.some((term) => matched.has(term))) return sum + weight;
        const hits = parts.filter((term) => matched.has(term)).length;
        return sum + (parts.length > 0 ? (weight * hits) / parts.length : 0);
      }, 0);
      return covered / totalWeight;
    };

    const languages = searchedLanguages(question, lang);
    const results = this.search.search(queryTerms.join(' '), {
      boost: FIELD_BOOSTS,
      combineWith: 'OR',
      // Only a word the knowledge base does not contain can be a typo; fuzzy matching known words costs time for nothing.
      fuzzy: (stored) => {
        const term = termFromStored(stored);
        return term.length >= FUZZY_MIN_LENGTH && !this.entryFrequency.has(term) && wordScript(term) === 'latin' ? FUZZY_RATIO : false;
      },
      filter: (result) => languages.has(result.lang as Lang | '*'),
    });

    // An entry scores as its best language document plus its tags document.
    const byEntry = new Map<string, { best: number; keywords: number; matched: Set<string> }>();
    for (const result of results) {
      const entryId = result.entryId as string;
      const hit = byEntry.get(entryId) ?? { best: 0, keywords: 0, matched: new Set<string>() };
      if (result.lang === '*') hit.keywords = result.score;
      else hit.best = Math.max(hit.best, result.score);
      for (const term of result.queryTerms) hit.matched.add(termFromStored(term));
      byEntry.set(entryId, hit);
    }
    const scored = [...byEntry.entries()].map(([entryId, { best, keywords, matched }]) => ({
      entryId,
      score: best + keywords,
      coverage: coverage(matched),
    }));
    // Rank by how much of the question an entry explains; BM25 (normalised to the best hit) breaks near ties.
    const topScore = Math.max(...scored.map((h) => h.score));
    const hits = scored.map((h) => ({ ...h, relevance: h.coverage + this.bm25Weight * (h.score / topScore) }));
    return hits.sort((a, b) => b.relevance - a.relevance).slice(0, limit);
  }
}
