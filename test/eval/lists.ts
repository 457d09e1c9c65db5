/**
 * The list-question eval (#12): questions in test/eval/lists/ asking for several places with filters, each with the
 * set of entries a careful reader of the entry catalog would list, written without the entries' alternate questions.
 * Scored by precision and recall over the places listed, summed over questions (a list of one entry answered
 * directly counts as that entry; a fallback or "did you mean" as an empty list).
 */
import { z } from 'zod';
import type { Decision } from '../../services/assistant.js';
import { LANGS, type Lang } from '../../services/languages.js';
import { loadLanguageFiles } from './languageFiles.js';

const LISTS_DIR = 'test/eval/lists';

const ListQuestionSchema = z.strictObject({
  id: z.string(),
  q: z.string().min(1),
  /** The filters as the writer meant them: for reading, not scored. */
  filters: z.record(z.string(), z.unknown()),
  expect: z.array(z.string()),
  why: z.string(),
});
export type ListQuestion = z.infer<typeof ListQuestionSchema> & { lang: Lang };

export function loadListQuestions(knownIds: ReadonlySet<string>): ListQuestion[] {
  return loadLanguageFiles(LISTS_DIR, ListQuestionSchema, (q) => q.expect, knownIds);
}

/** The places a decision names, as a set of entry ids. */
export function listedIds(decision: Decision): string[] {
  if (decision.kind === 'list') return decision.entries.map((e) => e.id);
  if (decision.kind === 'answer') return [decision.entry.id];
  return [];
}

export interface ListScores {
  lang: Lang | 'all';
  questions: number;
  /** Questions answered with a list (or its one entry). */
  asLists: number;
  listed: number;
  expected: number;
  right: number;
  /** Questions whose expected list is empty, and how many were answered "none in our sources". */
  empty: number;
  emptyRight: number;
  misses: string[];
}

function emptyScores(lang: Lang | 'all'): ListScores {
  return { lang, questions: 0, asLists: 0, listed: 0, expected: 0, right: 0, empty: 0, emptyRight: 0, misses: [] };
}

export async function scoreLists(questions: ListQuestion[], ask: (q: ListQuestion) => Promise<Decision>): Promise<ListScores[]> {
  const byLang = new Map(LANGS.map((lang) => [lang, emptyScores(lang)]));
  for (const question of questions) {
    const decision = await ask(question);
    const got = listedIds(decision);
    const score = byLang.get(question.lang)!;
    score.questions += 1;
    if (decision.kind === 'list' || decision.kind === 'answer') score.asLists += 1;
    const right = got.filter((id) => question.expect.includes(id)).length;
    score.listed += got.length;
    score.expected += question.expect.length;
    score.right += right;
    if (question.expect.length === 0) {
      score.empty += 1;
      if (decision.kind === 'list' && got.length === 0) score.emptyRight += 1;
    }
    const exact = right === got.length && right === question.expect.length && (question.expect.length > 0 || decision.kind === 'list');
    if (!exact) score.misses.push(`${question.id} "${question.q}" -> ${decision.kind} [${got.join(' ')}] (expected [${question.expect.join(' ')}])`);
  }
  const scores = [...byLang.values()];
  const all = scores.reduce((sum, s) => {
    for (const key of ['questions', 'asLists', 'listed', 'expected', 'right', 'empty', 'emptyRight'] as const) sum[key] += s[key];
    sum.misses.push(...s.misses);
    return sum;
  }, emptyScores('all'));
  return [...scores, all];
}
