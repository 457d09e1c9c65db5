import MiniSearch from 'minisearch';
import { analyze } from '../language/analyze.js';
import { wordScript } from '../language/script.js';
import type { Entry, LocalizedText } from '../knowledge/schema.js';
import { LANGS, type Lang } from '../languages.js';

export interface LexicalHit {
  entryId: string;
  /** BM25 score of the entry's best-matching document. */
  score: number;
  /**
   * Share of the question's IDF weight that the entry matches, in [0, 1]. Unlike a BM25 score it is comparable
   * across questions, which is what the answer/clarify/fallback thresholds need.
   */
  coverage: number;
}

interface IndexedDocument {
  id: string;
  entryId: string;
  title: string;
  questions: string;
  answer: string;
  keywords: string;
}

const FIELD_BOOSTS = { title: 2, questions: 2, answer: 1, keywords: 1.5 };
/** Typo tolerance: up to one edit in five letters, on Latin-script terms of five letters or more. */
const FUZZY_RATIO = 0.2;
const FUZZY_MIN_LENGTH = 5;

function localizedValues(text: LocalizedText | undefined): string[] {
  if (!text) return [];
  return typeof text === 'string' ? [text] : Object.values(text).filter((v): v is string => Boolean(v));
}

function terms(text: string, lang: Lang): string {
  return analyze(text, lang).join(' ');
}

/** One document per entry and language, plus one for its language-neutral tags and names. */
function documentsOf(entry: Entry): IndexedDocument[] {
  const perLanguage = LANGS.map((lang) => {
    const content = entry.content[lang];
    return {
      id: `${entry.id}:${lang}`,
      entryId: entry.id,
      title: terms(content.title, lang),
      questions: content.questions.map((q) => terms(q, lang)).join(' '),
      answer: terms([content.answer, content.details ?? ''].join(' '), lang),
      keywords: '',
    };
  });
  const keywords = [...entry.tags, ...localizedValues(entry.facts.name)].join(' ');
  return [...perLanguage, { id: `${entry.id}:keywords`, entryId: entry.id, title: '', questions: '', answer: '', keywords: terms(keywords, 'en') }];
}

/**
 * The lexical path: BM25 (MiniSearch) over per-language analyzed titles, alternate questions, answers and tags.
 * Analysis happens before indexing (MiniSearch only splits on spaces), so each document is analyzed in its own
 * language and each question in the asker's.
 */
export class LexicalIndex {
  private readonly search = new MiniSearch<IndexedDocument>({
    fields: ['title', 'questions', 'answer', 'keywords'],
    storeFields: ['entryId'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
  });
  /** In how many entries each term occurs: the IDF behind `coverage`. */
  private readonly entryFrequency = new Map<string, number>();
  private readonly entryCount: number;

  constructor(entries: readonly Entry[]) {
    for (const entry of entries) {
      const documents = documentsOf(entry);
      this.search.addAll(documents);
      const entryTerms = new Set(documents.flatMap((d) => [d.title, d.questions, d.answer, d.keywords].join(' ').split(' ')));
      for (const term of entryTerms) if (term) this.entryFrequency.set(term, (this.entryFrequency.get(term) ?? 0) + 1);
    }
    this.entryCount = entries.length;
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
    const queryTerms = [...new Set(analyze(question, lang))];
    if (queryTerms.length === 0) return [];
    const totalWeight = queryTerms.reduce((sum, term) => sum + this.idf(term), 0);

    const results = this.search.search(queryTerms.join(' '), {
      boost: FIELD_BOOSTS,
      combineWith: 'OR',
      fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH && wordScript(term) === 'latin' ? FUZZY_RATIO : false),
    });

    const byEntry = new Map<string, { score: number; matched: Set<string> }>();
    for (const result of results) {
      const entryId = result.entryId as string;
      const hit = byEntry.get(entryId) ?? { score: 0, matched: new Set<string>() };
      hit.score = Math.max(hit.score, result.score);
      for (const term of result.queryTerms) hit.matched.add(term);
      byEntry.set(entryId, hit);
    }
    return [...byEntry.entries()]
      .map(([entryId, { score, matched }]) => ({
        entryId,
        score,
        coverage: [...matched].reduce((sum, term) => sum + this.idf(term), 0) / totalWeight,
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
