import { answerCard, type AnswerCard } from '../answerCard.js';
import type { Assistant } from '../assistant.js';
import type { Localizer } from '../i18n.js';
import { SOURCE_LANG, type Lang } from '../languages.js';

export interface StaffResult {
  entryId: string;
  category: string;
  /** Lexical coverage of the query (or dense similarity), for staff to judge how close a match is. */
  confidence: number;
  /** The answer in the caller's language, to read out or show. */
  caller: AnswerCard;
  /** The Chinese original beside it. */
  original: AnswerCard;
}

export interface StaffSearchResult {
  queryLang: Lang;
  emergency: boolean;
  results: StaffResult[];
}

const RESULTS = 5;

/**
 * Hotline staff search: the same `ask` as the bot, but staff see the ranked entries, each in the caller's
 * language beside the Chinese original. The query may be in any language; `callerLang` only sets the display.
 */
export async function staffSearch(assistant: Assistant, localizer: Localizer, query: string, callerLang: Lang): Promise<StaffSearchResult> {
  const result = await assistant.ask(query);
  const { decision } = result;
  const ranked =
    decision.kind === 'emergency'
      ? [{ entryId: decision.entry.id, confidence: 1 }]
      : result.candidates.map((c) => ({ entryId: c.entryId, confidence: Math.max(c.coverage, c.similarity ?? 0) }));
  const results = ranked.slice(0, RESULTS).flatMap(({ entryId, confidence }) => {
    const entry = assistant.entry(entryId);
    if (!entry) return [];
    return [{
      entryId,
      category: entry.category,
      confidence,
      caller: answerCard(entry, callerLang, localizer),
      original: answerCard(entry, SOURCE_LANG, localizer),
    }];
  });
  return { queryLang: result.lang, emergency: decision.kind === 'emergency', results };
}
