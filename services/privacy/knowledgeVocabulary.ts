import type { KnowledgeBase } from '../knowledge/load.js';
import { localizedValues } from '../knowledge/schema.js';
import { LANGS } from '../languages.js';
import { inSlices } from '../timeSlices.js';
import { wordsOf } from './knownWordsOnly.js';
import { knownWordsFrom } from './redact.js';

export interface KnowledgeVocabulary {
  /** Capitalised words of the knowledge base (school and hospital names, places): not people's names. */
  names: (word: string) => boolean;
  /** Every word the knowledge base uses, in any language: what a stored question may keep. */
  words: (word: string) => boolean;
}

const vocabularies = new WeakMap<KnowledgeBase, Promise<KnowledgeVocabulary>>();

/** Segments every text of the knowledge base into words, one entry and language per step. */
function* collecting(kb: KnowledgeBase): Generator<void, KnowledgeVocabulary> {
  const words = new Set<string>();
  const texts: string[] = [];
  for (const entry of kb.entries) {
    for (const lang of LANGS) {
      const { title, answer, details, questions } = entry.content[lang];
      const inLanguage = [title, answer, details ?? '', ...questions];
      for (const text of inLanguage) for (const word of wordsOf(text, lang)) words.add(word);
      texts.push(...inLanguage);
      yield;
    }
    // Names, addresses and tags mix scripts; word segmentation of Han and kana does not depend on the locale.
    const facts = [...entry.tags, ...localizedValues(entry.facts.name), ...localizedValues(entry.facts.address)];
    for (const text of facts) for (const word of wordsOf(text, 'en')) words.add(word);
    texts.push(...facts);
  }
  return { names: knownWordsFrom(texts), words: (word) => words.has(word) };
}

/**
 * The words of a knowledge base's own texts, for redaction. Built once for each knowledge base, in time slices
 * (segmenting every text takes about 1.5 s for 252 entries), so building it does not hold other requests. The server
 * asks for it as soon as a knowledge base is loaded; scripts, on first use.
 */
export function vocabularyOf(kb: KnowledgeBase): Promise<KnowledgeVocabulary> {
  let vocabulary = vocabularies.get(kb);
  if (!vocabulary) {
    vocabulary = inSlices(collecting(kb));
    vocabularies.set(kb, vocabulary);
  }
  return vocabulary;
}
