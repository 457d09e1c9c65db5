import { answerCard, type AnswerCard } from '../answerCard.js';
import type { Assistant } from '../assistant.js';
import type { Localizer } from '../i18n.js';
import { listCard, type ListCard } from '../listCard.js';
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
  /** For a list question: the list's heading and filters in the caller's language and in Chinese; its places are the results. */
  list?: { caller: ListCard; original: ListCard };
  results: StaffResult[];
}

const RESULTS = 5;
/** A list shows all its places, up to this many. */
const LIST_RESULTS = 30;

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
      : decision.kind === 'list'
        ? decision.entries.map((entry) => ({ entryId: entry.id, confidence: 1 }))
        : result.candidates.map((c) => ({ entryId: c.entryId, confidence: Math.max(c.coverage, c.similarity ?? 0) }));
  const results = ranked.slice(0, decision.kind === 'list' ? LIST_RESULTS : RESULTS).flatMap(({ entryId, confidence }) => {
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
  const list = decision.kind === 'list' ? { caller: listCard(decision, callerLang, localizer), original: listCard(decision, SOURCE_LANG, localizer) } : undefined;
  return { queryLang: result.lang, emergency: decision.kind === 'emergency', ...(list && { list }), results };
}
