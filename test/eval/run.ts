/**
 * `npm run eval`: runs the public evaluation set through the real pipeline and prints quality tables.
 *
 *   npm run eval                  report on the held-out split (lexical, dense when a model is present, fused)
 *   npm run eval -- --split all   report on every question
 *   npm run eval -- --tune        grid-search thresholds and the BM25 weight on the tuning split
 *   npm run eval -- --smoke       a few questions per language, for CI
 *
 * Every question is asked through `Assistant.ask`, the verb the bot uses; the fused run also posts each question
 * to /api/messages (expectReplies) and reads the reply's language from the activity the user would get.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { composeApp } from '../../bot/compose.js';
import { Assistant, type AskResult, type RetrievalMode } from '../../services/assistant.js';
import { loadConfig } from '../../services/config.js';
import { LANGS, isLang, type Lang } from '../../services/languages.js';
import { createLogger } from '../../services/logger.js';
import { decide } from '../../services/retrieval/decide.js';
import { LexicalIndex } from '../../services/retrieval/lexical.js';
import { splitOf, summarize, type EvalOutcome, type EvalQuestion, type Metrics } from './metrics.js';

const QUESTIONS_DIR = 'test/eval/questions';
const SMOKE_PER_LANGUAGE = 4;

const QuestionFileSchema = z.array(
  z.strictObject({
    q: z.string().min(1),
    expect: z.array(z.string()),
    type: z.enum(['paraphrase', 'short', 'typo', 'code-mixed', 'out-of-scope']),
  }),
);

function loadQuestions(knownIds: ReadonlySet<string>): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  for (const file of readdirSync(QUESTIONS_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    const lang = file.replace('.yaml', '');
    if (!isLang(lang)) throw new Error(`${QUESTIONS_DIR}/${file}: not named after one of ${LANGS.join(' ')}`);
    const parsed = QuestionFileSchema.safeParse(parseYaml(readFileSync(join(QUESTIONS_DIR, file), 'utf8')));
    if (!parsed.success) throw new Error(`${QUESTIONS_DIR}/${file}: ${parsed.error.message}`);
    for (const item of parsed.data) {
      const unknown = item.expect.filter((id) => !knownIds.has(id));
      if (unknown.length > 0) throw new Error(`${QUESTIONS_DIR}/${file}: "${item.q}" expects unknown entries ${unknown.join(', ')}`);
      questions.push({ ...item, lang });
    }
  }
  return questions;
}

function outcomeOf(question: EvalQuestion, result: AskResult, replyLang: Lang = result.lang): EvalOutcome {
  const { decision } = result;
  const answered = decision.kind === 'answer' || decision.kind === 'emergency' ? decision.entry.id : undefined;
  const ranked = decision.kind === 'emergency' ? [decision.entry.id] : result.candidates.map((c) => c.entryId);
  return { question, ranked, decision: decision.kind, answered, replyLang };
}

const pct = (value: number) => (Number.isNaN(value) ? '  n/a' : value.toFixed(2).padStart(5));
const HEADER = '| set | n | R@1 | R@3 | MRR | answer acc. | fallback P | fallback R | lang acc. | did-you-mean |';
const RULE = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
function row(label: string, m: Metrics): string {
  return `| ${label} | ${m.questions} | ${pct(m.recallAt1)} | ${pct(m.recallAt3)} | ${pct(m.mrr)} | ${pct(m.answerAccuracy)} | ${pct(m.fallbackPrecision)} | ${pct(m.fallbackRecall)} | ${pct(m.languageAccuracy)} | ${pct(m.didYouMeanRate)} |`;
}

const { values: args } = parseArgs({
  options: {
    split: { type: 'string', default: 'test' },
    tune: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
  },
});
if (!['tune', 'test', 'all'].includes(args.split!)) throw new Error('--split takes tune, test or all');

const config = loadConfig();
const log = createLogger('warn');
const composed = await composeApp(config, log);
const { assistant, kb, status } = composed.retrieval;
const all = loadQuestions(new Set(kb.byId.keys()));
let questions = args.tune ? all.filter((q) => splitOf(q) === 'tune') : all.filter((q) => args.split === 'all' || splitOf(q) === args.split);
if (args.smoke) questions = LANGS.flatMap((lang) => questions.filter((q) => q.lang === lang).slice(0, SMOKE_PER_LANGUAGE));
console.log(`${questions.length} questions (${args.tune ? 'tuning split' : `split: ${args.split}`}), ${kb.entries.length} entries, dense path ${status.dense.state}`);

if (args.tune) {
  // Ask once per BM25 weight, then replay the pure decision under every threshold pair.
  const results: { weight: number; answer: number; clarify: number; metrics: Metrics; score: number }[] = [];
  for (const weight of [0, 0.1, 0.2, 0.3, 0.5, 1]) {
    const tuned = new Assistant({ kb, lexical: new LexicalIndex(kb.entries, weight), thresholds: config.thresholds, weights: config.weights });
    const asked = await Promise.all(questions.map(async (q) => ({ q, result: await tuned.ask(q.q, {}, 'lexical') })));
    for (let answer = 0.3; answer <= 0.951; answer += 0.05) {
      for (let clarify = 0.15; clarify <= answer + 1e-9; clarify += 0.05) {
        const thresholds = { ...config.thresholds, answer, clarify };
        const outcomes = asked.map(({ q, result }) => {
          if (result.decision.kind === 'emergency' || result.candidates.length === 0) return outcomeOf(q, result);
          const outcome = decide(result.candidates, thresholds);
          const decision = outcome.kind === 'answer' ? { kind: 'answer' as const, entry: kb.byId.get(outcome.entryId)!, alternatives: [] } : outcome.kind === 'clarify' ? { kind: 'clarify' as const, entries: [] } : { kind: 'fallback' as const, reason: 'no-match' as const };
          return outcomeOf(q, { ...result, decision });
        });
        const m = summarize(outcomes);
        const f1 = (2 * m.fallbackPrecision * m.fallbackRecall) / (m.fallbackPrecision + m.fallbackRecall) || 0;
        // A "did you mean" that offers the right entry costs the user a click: it counts half an answer.
        const helpfulChoices = outcomes.filter((o) => o.decision === 'clarify' && o.ranked.slice(0, 3).some((id) => o.question.expect.includes(id))).length;
        results.push({ weight, answer, clarify, metrics: m, score: m.answerAccuracy + (0.5 * helpfulChoices) / m.inScope + f1 });
      }
    }
  }
  results.sort((a, b) => b.score - a.score);
  console.log('\nBest settings on the tuning split (score = answer accuracy + half the helpful did-you-means + fallback F1):');
  console.log('| LEXICAL_BM25_WEIGHT | ANSWER_THRESHOLD | CLARIFY_THRESHOLD | score | R@1 | answer acc. | fallback P | fallback R | did-you-mean |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results.slice(0, 8)) {
    const m = r.metrics;
    console.log(`| ${r.weight} | ${r.answer.toFixed(2)} | ${r.clarify.toFixed(2)} | ${r.score.toFixed(3)} | ${pct(m.recallAt1)} | ${pct(m.answerAccuracy)} | ${pct(m.fallbackPrecision)} | ${pct(m.fallbackRecall)} | ${pct(m.didYouMeanRate)} |`);
  }
  process.exit(0);
}

const server = composed.app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** The language of the activity /api/messages returns for a question: what the user would read. */
async function replyLanguage(text: string, index: number): Promise<Lang | undefined> {
  const response = await fetch(`${origin}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `eval-${index}`, text, channelId: 'eval', serviceUrl: origin, deliveryMode: 'expectReplies',
      from: { id: `eval-user-${index}` }, recipient: { id: 'bot' }, conversation: { id: `eval-${index}` },
    }),
  });
  const body = (await response.json()) as { activities: { locale?: string }[] };
  const locale = body.activities[0]?.locale;
  return isLang(locale) ? locale : undefined;
}

const modes: RetrievalMode[] = assistant.denseEnabled ? ['lexical', 'dense', 'fused'] : ['lexical', 'fused'];
const byMode = new Map<RetrievalMode, EvalOutcome[]>();
for (const mode of modes) {
  const outcomes: EvalOutcome[] = [];
  for (const [index, question] of questions.entries()) {
    const result = await assistant.ask(question.q, {}, mode);
    const replyLang = mode === 'fused' ? await replyLanguage(question.q, index) : result.lang;
    outcomes.push(outcomeOf(question, result, replyLang ?? result.lang));
  }
  byMode.set(mode, outcomes);
}
server.close();
await composed.close();

const fused = byMode.get('fused')!;
const perLanguage = LANGS.map((lang) => ({ lang, metrics: summarize(fused.filter((o) => o.question.lang === lang)) }));
const overall = Object.fromEntries([...byMode].map(([mode, outcomes]) => [mode, summarize(outcomes)]));
if (!assistant.denseEnabled) overall.dense = undefined as unknown as Metrics;

const lines = [
  `Evaluation on ${questions.length} ${args.split === 'all' ? '' : `${args.split}-split `}questions; dense path ${status.dense.state}.`,
  '',
  '**Per language (fused, as users get it)**',
  '',
  HEADER,
  RULE,
  ...perLanguage.map(({ lang, metrics }) => row(lang, metrics)),
  row('**all**', overall.fused),
  '',
  '**Retrieval paths side by side (all languages)**',
  '',
  HEADER,
  RULE,
  ...(['lexical', 'dense', 'fused'] as const).map((mode) =>
    overall[mode] ? row(mode, overall[mode]) : `| dense | – | no model present (run \`npm run models:download\`) | | | | | | | |`,
  ),
];
console.log(`\n${lines.join('\n')}`);

const misses = fused.filter((o) => o.question.expect.length > 0 ? !o.question.expect.includes(o.ranked[0]) : o.decision !== 'fallback');
console.log(`\n${misses.length} misses (fused):`);
for (const m of misses) console.log(`  [${m.question.lang}] ${m.question.q} -> ${m.decision} ${m.ranked[0] ?? '-'} (expected ${m.question.expect.join('|') || 'fallback'})`);

mkdirSync('reports', { recursive: true });
writeFileSync('reports/eval.json', `${JSON.stringify({ generated: new Date().toISOString(), split: args.split, smoke: args.smoke, entries: kb.entries.length, dense: status.dense, overall, perLanguage, misses: misses.map((m) => ({ ...m.question, got: m.ranked[0], decision: m.decision })) }, null, 2)}\n`);
writeFileSync('reports/eval.md', `${lines.join('\n')}\n`);
console.log('\nWrote reports/eval.json and reports/eval.md');
