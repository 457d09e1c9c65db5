import type { KnowledgeBase } from '../knowledge/load.js';
import type { Lang } from '../languages.js';
import { vocabularyOf } from './knowledgeVocabulary.js';
import { keepKnownWords } from './knownWordsOnly.js';
import { redactForStorage } from './redact.js';

/**
 * A question as it may be stored for editors: personal data masked by the rules (redact.ts), then only the words the
 * knowledge base itself uses kept (knownWordsOnly.ts), so what the rules missed is not kept either.
 */
export async function storedQuestion(text: string, lang: Lang, kb: KnowledgeBase): Promise<string> {
  const vocabulary = await vocabularyOf(kb);
  return keepKnownWords(redactForStorage(text, { knownWords: vocabulary.names }), lang, vocabulary.words);
}
