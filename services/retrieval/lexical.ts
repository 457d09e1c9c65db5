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

/** The index's terms, as MiniSearch keeps them: per term, per field id, each document's term frequency. */
type Postings = Map<number, Map<number, number>>;

/** MiniSearch's state as its own `toJSON` reads it (minisearch 7), which `savedLines` reads a few terms at a time. */
interface MiniSearchState {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, Record<string, unknown>>;
  _dirtCount: number;
  _index: Iterable<[string, Postings]>;
}

/** A saved index whose format differs from this one is built again; bump when what `savedLines` writes changes. */
const SAVED_FORMAT = 1;
/** Entry frequencies per line of a saved index: one line of them all would take 30 ms to parse. */
const FREQUENCIES_PER_LINE = 200;
/** MiniSearch's document tables, as its `toJSON` writes them: everything but the terms. */
type DocumentTables = Omit<Parameters<typeof MiniSearch.loadJS>[0], 'index'>;

/** The parts of a built index, as `LexicalIndex.load` reads them from a saved one. */
interface LexicalIndexParts {
  search: MiniSearch<IndexedDocument>;
  entryFrequency: Map<string, number>;
  entryCount: number;
}

const MINISEARCH_OPTIONS = {
  fields: ['title', 'questions', 'answer', 'keywords'],
  storeFields: ['entryId', 'lang'],
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => (term ? storedTerm(term) : null),
};

/** Adds the term lines of a saved index to MiniSearch's term tree (its private `_index`), one term per step. */
function* addedTerms(lines: readonly string[], search: MiniSearch<IndexedDocument>): Generator<void> {
  const tree = (search as unknown as { _index?: { set(term: string, postings: Postings): unknown } })._index;
  if (typeof tree?.set !== 'function') throw new Error('minisearch changed: its _index.set is gone; update LexicalIndex.load');
  const numericKeys = <T>(object: Record<string, T>) => new Map(Object.entries(object).map(([key, value]) => [Number(key), value]));
  for (const line of lines) {
    const [term, fields] = JSON.parse(line) as [string, Record<string, Record<string, number>>];
    tree.set(term, new Map(Object.entries(fields).map(([fieldId, frequencies]) => [Number(fieldId), numericKeys(frequencies)])));
    yield;
  }
}

/** Lines of a saved index, parsed one per step. */
function* parsedLines<T>(lines: readonly string[]): Generator<void, T[]> {
  const parsed: T[] = [];
  for (const line of lines) {
    parsed.push(JSON.parse(line) as T);
    yield;
  }
  return parsed;
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
  private readonly search: MiniSearch<IndexedDocument>;
  /** In how many entries each term occurs: the IDF behind `coverage`. */
  private readonly entryFrequency: Map<string, number>;
  private entryCount: number;

  /**
   * Builds the index in one go, holding the event loop for seconds on the real knowledge base: for tests and
   * scripts. A server builds with `LexicalIndex.build`, or loads a saved one with `LexicalIndex.load`.
   * @param bm25Weight how much the BM25 score, relative to the best hit's, adds to coverage when ranking hits
   * @param saved the parts of an index already built, to which `entries` are added
   */
  constructor(
    entries: readonly Entry[],
    private readonly bm25Weight: number,
    saved?: LexicalIndexParts,
  ) {
    this.search = saved?.search ?? new MiniSearch<IndexedDocument>(MINISEARCH_OPTIONS);
    this.entryFrequency = saved?.entryFrequency ?? new Map();
    this.entryCount = saved?.entryCount ?? 0;
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

  /**
   * The index as lines of JSON, for `LexicalIndex.load`: the first holds MiniSearch's document tables, the next ones
   * the entry frequencies a few hundred at a time, each other one a term's postings. One line per step (`inSlices`):
   * MiniSearch's own `toJSON` holds the event loop for 1.6 s.
   * Throws if minisearch no longer keeps its state where its version 7 did.
   */
  *savedLines(lines: string[]): Generator<void> {
    const state = this.search as unknown as MiniSearchState;
    if (!(state._documentIds instanceof Map) || typeof state._index?.[Symbol.iterator] !== 'function') {
      throw new Error('minisearch changed: its private state is not where version 7 kept it; update savedLines');
    }
    const tables: DocumentTables = {
      documentCount: state._documentCount,
      nextId: state._nextId,
      documentIds: Object.fromEntries(state._documentIds),
      fieldIds: state._fieldIds,
      fieldLength: Object.fromEntries(state._fieldLength),
      averageFieldLength: state._avgFieldLength,
      storedFields: Object.fromEntries(state._storedFields),
      dirtCount: state._dirtCount,
      serializationVersion: 2,
    };
    const frequencies = [...this.entryFrequency];
    const frequencyLines = Math.ceil(frequencies.length / FREQUENCIES_PER_LINE);
    lines.push(JSON.stringify({ format: SAVED_FORMAT, entryCount: this.entryCount, frequencyLines, tables }));
    for (let i = 0; i < frequencyLines; i++) {
      lines.push(JSON.stringify(frequencies.slice(i * FREQUENCIES_PER_LINE, (i + 1) * FREQUENCIES_PER_LINE)));
      yield;
    }
    for (const [term, postings] of state._index) {
      lines.push(JSON.stringify([term, Object.fromEntries([...postings].map(([fieldId, frequencies]) => [fieldId, Object.fromEntries(frequencies)]))]));
      yield;
    }
  }

  /**
   * An index saved by `savedLines`, parsed and loaded in time slices; undefined when it was saved in another format.
   * It answers exactly as the index that was saved.
   */
  static async load(saved: string, bm25Weight: number): Promise<LexicalIndex | undefined> {
    const lines = saved.split('\n').filter((line) => line.length > 0);
    const head = JSON.parse(lines[0]) as { format: number; entryCount: number; frequencyLines: number; tables: DocumentTables };
    if (head.format !== SAVED_FORMAT) return undefined;
    const frequencyLines = lines.slice(1, 1 + head.frequencyLines);
    const entryFrequency = new Map((await inSlices(parsedLines<[string, number][]>(frequencyLines))).flat());
    // MiniSearch loads the document tables; the terms go into its term tree here, one per step, as its own
    // loadJSAsync would with 1,000 terms (up to 50 ms) between two yields.
    const search = MiniSearch.loadJS<IndexedDocument>({ ...head.tables, index: [] }, MINISEARCH_OPTIONS);
    await inSlices(addedTerms(lines.slice(1 + head.frequencyLines), search));
    return new LexicalIndex([], bm25Weight, { search, entryFrequency, entryCount: head.entryCount });
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
