/**
 * The conversation eval (#12): multi-turn dialogues in test/eval/conversations/, written from an entry catalog
 * without the entries' alternate questions, played through /api/messages with one conversation id per dialogue, so
 * that conversation state, follow-ups and language switches work as in the product.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FACT_KINDS } from '../../services/conversation/factQuestions.js';
import { LANGS, type Lang } from '../../services/languages.js';

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
  return readdirSync(DIALOGUES_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => {
      const lang = file.replace('.yaml', '') as Lang;
      const parsed = z.array(DialogueSchema).safeParse(parseYaml(readFileSync(join(DIALOGUES_DIR, file), 'utf8')));
      if (!parsed.success) throw new Error(`${DIALOGUES_DIR}/${file}: ${parsed.error.message}`);
      for (const dialogue of parsed.data) {
        for (const { expect } of dialogue.turns) {
          for (const id of [expect.entry, ...(expect.list ?? [])]) if (id && !knownIds.has(id)) throw new Error(`${dialogue.id}: unknown entry ${id}`);
        }
      }
      return parsed.data.map((dialogue) => ({ ...dialogue, lang }));
    });
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

export interface DialogueScores {
  lang: Lang;
  /** Turns asking a fact of the entry in context, and how many got the right fact (or "not stated") of the right entry. */
  followUps: number;
  followUpsRight: number;
  /** Turns that start a new topic, and how many were wrongly answered from the previous one. */
  topicChanges: number;
  topicChangesInheriting: number;
  /** Language switches, and how many re-rendered the right entry in the new language. */
  switches: number;
  switchesRight: number;
  /** Turns that change a list's or an answer's filters ("and in Haidian?"), and how many got exactly the right places. */
  facetChanges: number;
  facetChangesRight: number;
  /** Turns expecting a list: places listed, expected, and listed rightly. */
  listTurns: number;
  listed: number;
  listExpected: number;
  listRight: number;
  /** Each turn scored wrong, for reading. */
  misses: string[];
}

export async function runDialogues(dialogues: Dialogue[], post: (conversationId: string, text: string, serial: number) => Promise<Reply[]>): Promise<DialogueScores[]> {
  const scores = new Map<Lang, DialogueScores>(
    LANGS.map((lang) => [lang, { lang, followUps: 0, followUpsRight: 0, topicChanges: 0, topicChangesInheriting: 0, switches: 0, switchesRight: 0, facetChanges: 0, facetChangesRight: 0, listTurns: 0, listed: 0, listExpected: 0, listRight: 0, misses: [] as string[] }]),
  );
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
