/**
 * The conversation eval (#12): multi-turn dialogues in test/eval/conversations/, written from an entry catalog
 * without the entries' alternate questions, played through /api/messages with one conversation id per dialogue, so
 * that conversation state, follow-ups and language switches work as in the product.
 */
import { z } from 'zod';
import { FACT_KINDS } from '../../services/conversation/factQuestions.js';
import { LANGS, type Lang } from '../../services/languages.js';
import { loadLanguageFiles } from './languageFiles.js';

const DIALOGUES_DIR = 'test/eval/conversations';

const Expectation = z.strictObject({
  entry: z.string().optional(),
  fact: z.enum(FACT_KINDS).optional(),
  missing: z.boolean().optional(),
  lang: z.enum(LANGS).optional(),
  inherits: z.boolean().optional(),
  list: z.array(z.string()).optional(),
  none: z.boolean().optional(),
});
const DialogueSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['fact-followup', 'facet-change', 'language-switch', 'topic-change']),
  turns: z.array(z.strictObject({ user: z.string().min(1), expect: Expectation })).min(2),
});
type Dialogue = z.infer<typeof DialogueSchema> & { lang: Lang };

export function loadDialogues(knownIds: ReadonlySet<string>): Dialogue[] {
  return loadLanguageFiles(DIALOGUES_DIR, DialogueSchema, (d) => d.turns.flatMap(({ expect }) => [expect.entry, ...(expect.list ?? [])]), knownIds);
}

interface Reply {
  locale?: string;
  channelData?: { kind?: string; fact?: string; entryId?: string; entryIds?: string[] };
}

/** What one turn is scored on: the last reply that names an entry or lists some (a language switch sends a notice first). */
function about(replies: Reply[]): Reply | undefined {
  return [...replies].reverse().find((reply) => reply.channelData?.entryId || reply.channelData?.entryIds) ?? replies[0];
}

/** The entries a reply is about: a list's places, or its one entry. */
function entriesOf(reply: Reply | undefined): string[] {
  const data = reply?.channelData;
  return data?.entryIds ?? (data?.entryId ? [data.entryId] : []);
}

/**
 * What the dialogues count, per language:
 * - followUps / followUpsRight: turns asking a fact of the entry in context, and how many got the right fact (or
 *   "not stated") of the right entry;
 * - topicChanges / topicChangesInheriting: turns that start a new topic, and how many were wrongly answered from the
 *   previous one;
 * - switches / switchesRight: language switches, and how many re-rendered the right entry in the new language;
 * - facetChanges / facetChangesRight: turns that change a list's or an answer's filters ("and in Haidian?"), and how
 *   many got exactly the right places;
 * - listTurns, listed, listExpected, listRight: turns expecting a list; places listed, expected, and listed rightly.
 */
const COUNTS = [
  'followUps', 'followUpsRight', 'topicChanges', 'topicChangesInheriting', 'switches', 'switchesRight',
  'facetChanges', 'facetChangesRight', 'listTurns', 'listed', 'listExpected', 'listRight',
] as const;

export type DialogueScores = Record<(typeof COUNTS)[number], number> & {
  lang: Lang | 'all';
  /** Each turn scored wrong, for reading. */
  misses: string[];
};

function emptyScores(lang: Lang | 'all'): DialogueScores {
  return { lang, misses: [], ...(Object.fromEntries(COUNTS.map((count) => [count, 0])) as Record<(typeof COUNTS)[number], number>) };
}

/** Every language's counts added up (misses are not carried over). */
export function totalScores(scores: readonly DialogueScores[]): DialogueScores {
  const total = emptyScores('all');
  for (const score of scores) for (const count of COUNTS) total[count] += score[count];
  return total;
}

export async function runDialogues(dialogues: Dialogue[], post: (conversationId: string, text: string, serial: number) => Promise<Reply[]>): Promise<DialogueScores[]> {
  const scores = new Map<Lang, DialogueScores>(LANGS.map((lang) => [lang, emptyScores(lang)]));
  let serial = 0;
  for (const dialogue of dialogues) {
    const score = scores.get(dialogue.lang)!;
    let previousEntry: string | undefined;
    for (const [turn, { user, expect }] of dialogue.turns.entries()) {
      const reply = about(await post(`conversation-eval-${dialogue.id}`, user, serial++));
      const data = reply?.channelData ?? {};
      const got = entriesOf(reply);
      const miss = () => score.misses.push(`${dialogue.id} "${user}" -> ${data.kind ?? 'answer'} ${data.fact ?? ''} [${got.join(' ')}] ${reply?.locale ?? ''} (expected ${JSON.stringify(expect)})`);
      const wanted = expect.list ?? (expect.none ? [] : expect.entry ? [expect.entry] : undefined);
      const exact = wanted !== undefined && got.length === wanted.length && got.every((id) => wanted.includes(id)) && (wanted.length > 0 || data.kind === 'list');
      if (expect.list || expect.none) {
        score.listTurns += 1;
        score.listed += got.length;
        score.listExpected += wanted!.length;
        score.listRight += got.filter((id) => wanted!.includes(id)).length;
      }
      if (dialogue.kind === 'facet-change' && turn > 0 && !expect.fact) {
        score.facetChanges += 1;
        if (exact) score.facetChangesRight += 1;
        else miss();
      } else if (expect.list || expect.none) {
        if (!exact) miss();
      } else if (expect.fact) {
        score.followUps += 1;
        const kind = expect.missing ? 'factMissing' : 'fact';
        if (data.kind === kind && data.fact === expect.fact && data.entryId === expect.entry) score.followUpsRight += 1;
        else miss();
      } else if (expect.lang && dialogue.kind === 'language-switch' && previousEntry) {
        score.switches += 1;
        if (reply?.locale === expect.lang && data.entryId === expect.entry) score.switchesRight += 1;
        else miss();
      } else if (expect.inherits === false) {
        score.topicChanges += 1;
        if (data.entryId === previousEntry && previousEntry !== expect.entry) {
          score.topicChangesInheriting += 1;
          miss();
        }
      }
      else if (data.entryId !== expect.entry) miss();
      previousEntry = expect.entry;
    }
  }
  return [...scores.values()];
}
