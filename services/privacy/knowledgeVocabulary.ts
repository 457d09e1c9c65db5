import type { KnowledgeBase } from '../knowledge/load.js';
import { localizedValues } from '../knowledge/schema.js';
import { LANGS } from '../languages.js';
import { wordsOf } from './knownWordsOnly.js';
import { knownWordsFrom } from './redact.js';

export interface KnowledgeVocabulary {
  /** Capitalised words of the knowledge base (school and hospital names, places): not people's names. */
  names: (word: string) => boolean;
  /** Every word the knowledge base uses, in any language: what a stored question may keep. */
  words: (word: string) => boolean;
}

const vocabularies = new WeakMap<KnowledgeBase, KnowledgeVocabulary>();

/**
 * The words of a knowledge base's own texts, for redaction. Built on first use for each knowledge base (a few
 * hundred ms), so a reload costs nothing until an unanswered question is stored.
 */
export function vocabularyOf(kb: KnowledgeBase): KnowledgeVocabulary {
  let vocabulary = vocabularies.get(kb);
  if (!vocabulary) {
    const perLanguage = kb.entries.flatMap((entry) =>
      LANGS.map((lang) => {
        const { title, answer, details, questions } = entry.content[lang];
        return { lang, texts: [title, answer, details ?? '', ...questions] };
      }),
    );
    const words = new Set<string>();
    for (const { lang, texts } of perLanguage) for (const text of texts) for (const word of wordsOf(text, lang)) words.add(word);
    // Names, addresses and tags mix scripts; word segmentation of Han and kana does not depend on the locale.
    const facts = kb.entries.flatMap((entry) => [...entry.tags, ...localizedValues(entry.facts.name), ...localizedValues(entry.facts.address)]);
    for (const text of facts) for (const word of wordsOf(text, 'en')) words.add(word);
    vocabulary = { names: knownWordsFrom([...perLanguage.flatMap(({ texts }) => texts), ...facts]), words: (word) => words.has(word) };
    vocabularies.set(kb, vocabulary);
  }
  return vocabulary;
}
