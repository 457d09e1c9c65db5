/**
 * `npm run eval`: runs the public evaluation set through the real pipeline and prints quality tables.
 *
 *   npm run eval                       report on the held-out split: lexical, dense and fused side by side,
 *                                      per language, per question type, cross-lingual, emergencies
 *   npm run eval -- --split all        report on every question
 *   npm run eval -- --tune             fit the decision models on the tuning split; writes config/decision.json
 *   npm run eval -- --smoke            a few questions per language, for CI
 *   npm run eval -- --check-baseline   exit 1 if fused R@3 or out-of-scope-answered is over 2 points worse than
 *                                      reports/eval-baseline.json; --write-baseline records the current run
 *   npm run eval -- --same-decisions F exit 1 unless every decision equals those in F, a reports/eval-decisions.json
 *                                      kept from an earlier run: a change meant only to be faster must pass it
 *
 * Every question is asked through `Assistant.ask`, the verb the bot uses; the fused run also posts each question
 * to /api/messages (expectReplies) and reads the reply's language from the activity the user would get.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { composeApp } from '../../bot/compose.js';
import type { AskOptions, AskResult, RetrievalMode } from '../../services/assistant.js';
import { loadConfig } from '../../services/config.js';
import { CATEGORIES, EMERGENCY_KINDS } from '../../services/knowledge/schema.js';
import { LANGS, isLang, type Lang } from '../../services/languages.js';
import { createLogger } from '../../services/logger.js';
import { DENSE_FEATURES, LEXICAL_FEATURES, featuresOf } from '../../services/retrieval/decide.js';
import { calibrate, type TuningQuestion } from './calibrate.js';
import { loadDialogues, runDialogues, totalScores, type DialogueScores } from './conversations.js';
import { loadLanguageFiles } from './languageFiles.js';
import { loadListQuestions, scoreLists, type ListScores } from './lists.js';
import { QUESTION_TYPES, splitOf, summarize, type EvalOutcome, type EvalQuestion, type Metrics } from './metrics.js';

const QUESTIONS_DIR = 'test/eval/questions';
const EMERGENCIES_DIR = 'test/eval/emergencies';
const BASELINE = 'reports/eval-baseline.json';
const SMOKE_PER_LANGUAGE = 4;
/** Targets of the tuning: out-of-scope questions that get an entry, and "did you mean" rate. */
const TUNE_MAX_OUT_OF_SCOPE = { dense: 0.04, lexical: 0.12 };
const TUNE_MAX_DID_YOU_MEAN = 0.1;
/** Largest share of ordinary questions the dense emergency detector may flag on the tuning split. */
const TUNE_MAX_FALSE_ALARMS = 0.005;
/** How much worse than the baseline (in points) CI tolerates. */
const BASELINE_TOLERANCE = 0.02;

const QuestionSchema = z.strictObject({
  q: z.string().min(1),
  expect: z.array(z.string()),
  type: z.enum(QUESTION_TYPES),
  /** What kind of out-of-scope question it is (the newer items say). */
  oos: z.enum(['near-miss', 'other-city', 'general', 'commercial', 'missing-topic']).optional(),
});
const EmergencySchema = z.strictObject({ q: z.string().min(1), expect: z.enum(EMERGENCY_KINDS) });
type EmergencyQuestion = z.infer<typeof EmergencySchema> & { lang: Lang };

const loadQuestions = (knownIds: ReadonlySet<string>): EvalQuestion[] => loadLanguageFiles(QUESTIONS_DIR, QuestionSchema, (q) => q.expect, knownIds);
const loadEmergencies = (): EmergencyQuestion[] => loadLanguageFiles(EMERGENCIES_DIR, EmergencySchema);

function outcomeOf(question: EvalQuestion, result: AskResult, replyLang: Lang = result.lang): EvalOutcome {
  const { decision } = result;
  // A single question has no conversation context, so it is never answered as a follow-up fact.
  if (decision.kind === 'fact') throw new Error(`a follow-up answer without context: ${question.q}`);
  const answered = decision.kind === 'answer' || decision.kind === 'emergency' ? decision.entry.id : undefined;
  // A list answers with its places, not with one entry: it ranks them, and answers none.
  const ranked = decision.kind === 'emergency' ? [decision.entry.id] : decision.kind === 'list' ? decision.entries.map((e) => e.id) : result.candidates.map((c) => c.entryId);
  return { question, ranked, decision: decision.kind, answered, replyLang };
}

const pct = (value: number) => (Number.isNaN(value) ? '  n/a' : value.toFixed(2).padStart(5));
const HEADER = '| set | n | R@1 | R@3 | MRR | answer acc. | out-of-scope answered | fallback P | fallback R | lang acc. | did-you-mean |';
const RULE = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
function row(label: string, m: Metrics): string {
  return `| ${label} | ${m.questions} | ${pct(m.recallAt1)} | ${pct(m.recallAt3)} | ${pct(m.mrr)} | ${pct(m.answerAccuracy)} | ${pct(1 - m.fallbackRecall)} | ${pct(m.fallbackPrecision)} | ${pct(m.fallbackRecall)} | ${pct(m.languageAccuracy)} | ${pct(m.didYouMeanRate)} |`;
}
const table = (rows: string[]) => [HEADER, RULE, ...rows];

const { values: args } = parseArgs({
  options: {
    split: { type: 'string', default: 'test' },
    tune: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    'check-baseline': { type: 'boolean', default: false },
    'write-baseline': { type: 'boolean', default: false },
    /** With --tune: also write the evidence it fitted on (JSON), to study the decision. */
    dump: { type: 'string' },
    'same-decisions': { type: 'string' },
  },
});
if (!['tune', 'test', 'all'].includes(args.split!)) throw new Error('--split takes tune, test or all');

// The evaluation asks hundreds of questions a minute from one address: the per-address limit is not under test here.
const config = loadConfig({ ...process.env, RATE_LIMIT_IP_PER_MINUTE: '1000000', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000000' });
const log = createLogger('warn');
const composed = await composeApp(config, log);
await composed.retrieval.denseSettled();
const { assistant, kb, status } = composed.retrieval;
const inSplit = <T extends { q: string }>(items: T[]) =>
  args.tune ? items.filter((q) => splitOf(q) === 'tune') : items.filter((q) => args.split === 'all' || splitOf(q) === args.split);
const smokeCut = <T extends { lang: Lang }>(items: T[]) => (args.smoke ? LANGS.flatMap((lang) => items.filter((q) => q.lang === lang).slice(0, SMOKE_PER_LANGUAGE)) : items);
const questions = smokeCut(inSplit(loadQuestions(new Set(kb.byId.keys()))));
const emergencies = smokeCut(inSplit(loadEmergencies()));
console.log(`${questions.length} questions and ${emergencies.length} emergency descriptions (${args.tune ? 'tuning split' : `split: ${args.split}`}), ${kb.entries.length} entries, dense path ${status.dense.state}`);

if (args.tune) {
  if (!assistant.denseEnabled) throw new Error('--tune fits the dense model too: install the model first (npm run models:download)');
  const tuningQuestion = (q: EvalQuestion, result: AskResult, path: 'dense' | 'lexical'): TuningQuestion => ({
    outOfScope: q.expect.length === 0,
    decidedBefore: result.decision.kind === 'emergency' ? 'emergency' : result.decision.kind === 'fallback' && result.decision.reason === 'other-place' ? 'fallback' : undefined,
    candidates: result.evidence ? result.candidates.map((c) => ({ features: featuresOf(c, result.evidence!, path), right: q.expect.includes(c.entryId) })) : [],
  });
  // The dense emergency detector is off while fitting (threshold above any similarity), so its choice comes last.
  const noDenseEmergency = { ...config.decision, emergencySimilarity: 1.01 };
  const tuningAssistant = assistant.withCalibration(noDenseEmergency);
  const fused: TuningQuestion[] = [];
  const lexical: TuningQuestion[] = [];
  const emergencyEvidence: { similarity: number; nearer: boolean; isEmergency: boolean }[] = [];
  for (const q of questions) {
    const result = await tuningAssistant.ask(q.q, {}, 'fused');
    fused.push(tuningQuestion(q, result, 'dense'));
    lexical.push(tuningQuestion(q, await tuningAssistant.ask(q.q, {}, 'lexical'), 'lexical'));
    const dense = result.evidence?.dense;
    if (dense?.emergency) emergencyEvidence.push({ similarity: dense.emergency.similarity, nearer: dense.emergency.similarity >= Math.max(dense.top, dense.outOfScope), isEmergency: false });
  }
  for (const q of emergencies) {
    const result = await tuningAssistant.ask(q.q, {}, 'fused');
    const dense = result.evidence?.dense;
    if (result.decision.kind !== 'emergency' && dense?.emergency) emergencyEvidence.push({ similarity: dense.emergency.similarity, nearer: dense.emergency.similarity >= Math.max(dense.top, dense.outOfScope), isEmergency: true });
  }
  if (args.dump) writeFileSync(args.dump, JSON.stringify({ fused, lexical, emergencyEvidence }));
  const denseFit = calibrate(DENSE_FEATURES, fused, TUNE_MAX_OUT_OF_SCOPE.dense, TUNE_MAX_DID_YOU_MEAN);
  const lexicalFit = calibrate(LEXICAL_FEATURES, lexical, TUNE_MAX_OUT_OF_SCOPE.lexical, TUNE_MAX_DID_YOU_MEAN);
  // The lowest similarity that keeps false alarms on ordinary questions within bounds.
  const ordinary = questions.length;
  let emergencySimilarity = 1;
  for (let threshold = 0.99; threshold >= 0.8; threshold -= 0.005) {
    const falseAlarms = emergencyEvidence.filter((e) => !e.isEmergency && e.nearer && e.similarity >= threshold).length;
    if (falseAlarms / ordinary > TUNE_MAX_FALSE_ALARMS) break;
    emergencySimilarity = Math.round(threshold * 1000) / 1000;
  }
  const caught = emergencyEvidence.filter((e) => e.isEmergency && e.nearer && e.similarity >= emergencySimilarity).length;
  const calibration = {
    fitted: {
      by: 'npm run eval -- --tune',
      on: `tuning split: ${questions.length} questions, ${emergencies.length} emergency descriptions`,
      knowledgeHash: kb.hash,
      model: status.dense.model,
      constraints: { outOfScopeGotEntry: TUNE_MAX_OUT_OF_SCOPE, didYouMean: TUNE_MAX_DID_YOU_MEAN, emergencyFalseAlarms: TUNE_MAX_FALSE_ALARMS },
    },
    dense: denseFit.model,
    lexical: lexicalFit.model,
    emergencySimilarity,
  };
  writeFileSync(config.decisionCalibrationFile, `${JSON.stringify(calibration, null, 2)}\n`);
  console.log('\nOn the tuning split (thresholds and these rates from 5-fold out-of-fold confidences):');
  console.log('| model | answer ≥ | clarify ≥ | answered right | out-of-scope got an entry | did-you-mean |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, fit] of [['dense (fused)', denseFit], ['lexical only', lexicalFit]] as const) {
    const p = fit.point;
    console.log(`| ${name} | ${p.answer} | ${p.clarify} | ${pct(p.answeredRight)} | ${pct(p.outOfScopeGotEntry)} | ${pct(p.didYouMean)} |`);
  }
  const missedByTriggers = emergencyEvidence.filter((e) => e.isEmergency).length;
  console.log(`Emergency by meaning: similarity ≥ ${emergencySimilarity} catches ${caught} of the ${missedByTriggers} tuning descriptions no trigger caught.`);
  console.log(`Wrote ${config.decisionCalibrationFile}`);
  await composed.close();
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

async function run(mode: RetrievalMode, options: (q: EvalQuestion) => AskOptions = () => ({})): Promise<EvalOutcome[]> {
  const outcomes: EvalOutcome[] = [];
  for (const [index, question] of questions.entries()) {
    const result = await assistant.ask(question.q, options(question), mode);
    const replyLang = mode === 'fused' ? await replyLanguage(question.q, index) : result.lang;
    outcomes.push(outcomeOf(question, result, replyLang ?? result.lang));
  }
  return outcomes;
}

const modes: RetrievalMode[] = assistant.denseEnabled ? ['lexical', 'dense', 'fused'] : ['lexical', 'fused'];
const byMode = new Map<RetrievalMode, EvalOutcome[]>();
for (const mode of modes) byMode.set(mode, await run(mode));

// Dialogues, through /api/messages with one conversation per dialogue (conversation state as in the product), split
// by dialogue id as questions are by text: the tuning split for developing follow-ups, the rest to report. They run
// right after the questions, while the client's keep-alive connection is fresh: after a long pause the server may
// close it just as the next request goes out (ECONNRESET).
const dialogues = loadDialogues(new Set(kb.byId.keys())).filter((d) => args.split === 'all' || splitOf({ q: d.id }) === args.split);
const dialogueScores = await runDialogues(dialogues, async (conversationId, text, serial) => {
  const response = await fetch(`${origin}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `dialogue-${serial}`, text, channelId: 'eval', serviceUrl: origin, deliveryMode: 'expectReplies',
      from: { id: 'eval-user' }, recipient: { id: 'bot' }, conversation: { id: conversationId },
    }),
  });
  return ((await response.json()) as { activities: { locale?: string; channelData?: Record<string, string> }[] }).activities;
});
// List questions, through the one verb as single questions are, split by id as dialogues are.
const listQuestions = loadListQuestions(new Set(kb.byId.keys())).filter((q) => args.split === 'all' || splitOf({ q: q.id }) === args.split);
const listScores = await scoreLists(listQuestions, async (q) => (await assistant.ask(q.q)).decision);

// Cross-lingual: the dense path searches one other language's passages only (English; Chinese for English questions).
const otherLanguage = (lang: Lang): Lang => (lang === 'en' ? 'zh' : 'en');
const crossLingual = assistant.denseEnabled ? summarize(await run('dense', (q) => ({ passagesInLang: otherLanguage(q.lang) }))) : undefined;

// Emergencies: with the model (fused) and without (the trigger lexicon alone, as the lexical path runs).
const emergencyModes: RetrievalMode[] = assistant.denseEnabled ? ['lexical', 'fused'] : ['lexical'];
const emergencyHits = new Map<RetrievalMode, { q: EmergencyQuestion; right: boolean; flagged: boolean }[]>();
for (const mode of emergencyModes) {
  const hits = [];
  for (const q of emergencies) {
    const { decision } = await assistant.ask(q.q, {}, mode);
    hits.push({ q, flagged: decision.kind === 'emergency', right: decision.kind === 'emergency' && decision.emergency === q.expect });
  }
  emergencyHits.set(mode, hits);
}
server.close();
await composed.close();

const fused = byMode.get('fused')!;
const overall = Object.fromEntries([...byMode].map(([mode, outcomes]) => [mode, summarize(outcomes)])) as Partial<Record<RetrievalMode, Metrics>>;
const perLanguage = LANGS.map((lang) => ({ lang, metrics: summarize(fused.filter((o) => o.question.lang === lang)) }));
const perType = QUESTION_TYPES.map((type) => ({ type, metrics: summarize(fused.filter((o) => o.question.type === type)) })).filter((t) => t.metrics.questions > 0);
// In-scope questions by the category of the entry they expect (its first), for each category's R@3 and answer accuracy.
const categoryOf = (o: EvalOutcome) => kb.byId.get(o.question.expect[0])?.category;
const perCategory = CATEGORIES.map((category) => ({ category, metrics: summarize(fused.filter((o) => categoryOf(o) === category)) })).filter((c) => c.metrics.questions > 0);
const falseAlarms = (outcomes: EvalOutcome[]) => outcomes.filter((o) => o.decision === 'emergency' && !o.question.expect.some((id) => kb.byId.get(id)?.emergency)).length / outcomes.length;
const emergencyRate = (mode: RetrievalMode, lang?: Lang, key: 'right' | 'flagged' = 'right') => {
  const hits = (emergencyHits.get(mode) ?? []).filter((h) => !lang || h.q.lang === lang);
  return hits.length ? hits.filter((h) => h[key]).length / hits.length : Number.NaN;
};

function dialogueTable(scores: DialogueScores[]): string[] {
  const all = totalScores(scores);
  const cells = (s: DialogueScores) =>
    `${s.followUps} | ${pct(s.followUpsRight / s.followUps)} | ${s.topicChanges} | ${pct(s.topicChangesInheriting / s.topicChanges)} | ${s.switches} | ${pct(s.switchesRight / s.switches)} | ${s.facetChanges} | ${pct(s.facetChangesRight / s.facetChanges)} | ${s.listTurns} | ${pct(s.listRight / s.listed)} | ${pct(s.listRight / s.listExpected)} |`;
  return [
    '| lang | follow-ups | right fact of the right entry | topic changes | wrongly inheriting | language switches | right entry, new language | facet changes | right places | list turns | list P | list R |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...scores.map((s) => `| ${s.lang} | ${cells(s)}`),
    `| **all** | ${cells(all)}`,
  ];
}

function listTable(scores: ListScores[]): string[] {
  return [
    '| lang | questions | answered as lists | list precision | list recall | "none in our sources" right |',
    '|---|---:|---:|---:|---:|---:|',
    ...scores.map((s) => `| ${s.lang === 'all' ? '**all**' : s.lang} | ${s.questions} | ${s.asLists} | ${pct(s.right / s.listed)} | ${pct(s.right / s.expected)} | ${s.emptyRight}/${s.empty} |`),
  ];
}

const lines = [
  `Evaluation on ${questions.length} ${args.split === 'all' ? '' : `${args.split}-split `}questions and ${emergencies.length} emergency descriptions; ${kb.entries.length} entries; dense path ${status.dense.state}${status.dense.state === 'on' ? ` (${status.dense.model})` : ''}.`,
  '',
  '**Per language (fused, as users get it)**',
  '',
  ...table([...perLanguage.map(({ lang, metrics }) => row(lang, metrics)), row('**all**', overall.fused!)]),
  '',
  '**Per question type (fused)**',
  '',
  ...table(perType.map(({ type, metrics }) => row(type, metrics))),
  '',
  '**Per category of the expected entry (fused, in-scope questions)**',
  '',
  ...table(perCategory.map(({ category, metrics }) => row(category, metrics))),
  '',
  '**Per language and path: R@1 / answer accuracy / out-of-scope answered**',
  '',
  `| path | ${LANGS.join(' | ')} |`,
  `|---|${LANGS.map(() => '---|').join('')}`,
  ...[...byMode].map(([mode, outcomes]) => {
    const cell = (lang: Lang) => {
      const m = summarize(outcomes.filter((o) => o.question.lang === lang));
      return `${pct(m.recallAt1)} / ${pct(m.answerAccuracy)} / ${pct(1 - m.fallbackRecall)}`;
    };
    return `| ${mode} | ${LANGS.map(cell).join(' | ')} |`;
  }),
  '',
  '**Retrieval paths side by side (all languages)**',
  '',
  ...table([
    row('lexical', overall.lexical!),
    overall.dense ? row('dense', overall.dense) : '| dense | – | no model present (run `npm run models:download`) | | | | | | | | |',
    row('fused', overall.fused!),
    crossLingual ? row('cross-lingual (dense, one other language indexed)', crossLingual) : '| cross-lingual | – | no model | | | | | | | | |',
  ]),
  '',
  '**Emergencies described without naming the service (right number first), and false alarms**',
  '',
  `| path | ${LANGS.join(' | ')} | all | false alarms on ordinary questions |`,
  `|---|${LANGS.map(() => '---:').join('|')}|---:|---:|`,
  ...emergencyModes.map((mode) => {
    const label = mode === 'fused' ? 'with the model' : 'triggers only (no model)';
    return `| ${label} | ${LANGS.map((lang) => pct(emergencyRate(mode, lang))).join(' | ')} | ${pct(emergencyRate(mode))} | ${pct(falseAlarms(byMode.get(mode)!))} |`;
  }),  '',
  `**Conversations (${dialogues.length} dialogues in test/eval/conversations/, ${args.split} split): follow-up accuracy ≥ 0.90, topic changes inheriting ≤ 0.05**`,
  '',
  ...dialogueTable(dialogueScores),
  '',
  `**List questions (${listQuestions.length} in test/eval/lists/, ${args.split} split): precision ≥ 0.95, recall ≥ 0.90**`,
  '',
  ...listTable(listScores),
];
console.log(`\n${lines.join('\n')}`);

const misses = fused.filter((o) => (o.question.expect.length > 0 ? !o.question.expect.includes(o.ranked[0]) || o.decision !== 'answer' : o.decision !== 'fallback'));
const dialogueMisses = [...dialogueScores.flatMap((s) => s.misses), ...listScores.at(-1)!.misses];
console.log(`\n${dialogueMisses.length} dialogue turns and list questions not right:`);
for (const miss of dialogueMisses) console.log(`  ${miss}`);
console.log(`\n${misses.length} questions not answered right (fused):`);
for (const m of misses) console.log(`  [${m.question.lang}] ${m.question.q} -> ${m.decision} ${m.ranked[0] ?? '-'} (expected ${m.question.expect.join('|') || 'fallback'})`);
for (const mode of emergencyModes) {
  const missed = (emergencyHits.get(mode) ?? []).filter((h) => !h.right);
  console.log(`\n${missed.length} emergency descriptions missed (${mode}):`);
  for (const h of missed) console.log(`  [${h.q.lang}] ${h.q.q} (expected ${h.q.expect}${h.flagged ? ', got another emergency' : ''})`);
}

const summary = { fusedRecallAt3: overall.fused!.recallAt3, outOfScopeAnswered: 1 - overall.fused!.fallbackRecall };
mkdirSync('reports', { recursive: true });
writeFileSync('reports/eval.json', `${JSON.stringify({ generated: new Date().toISOString(), split: args.split, smoke: args.smoke, entries: kb.entries.length, dense: status.dense, summary, overall, crossLingual, perLanguage, perType, perCategory, misses: misses.map((m) => ({ ...m.question, got: m.ranked[0], decision: m.decision })) }, null, 2)}\n`);
writeFileSync('reports/eval.md', `${lines.join('\n')}\n`);

// Every decision of this run, per path: what --same-decisions compares.
const decisions = {
  ...Object.fromEntries([...byMode].map(([mode, outcomes]) => [mode, outcomes.map((o) => `${o.question.lang} ${o.question.q} => ${o.decision} ${o.answered ?? '-'} [${o.ranked.slice(0, 3).join(' ')}]`)])),
  ...Object.fromEntries([...emergencyHits].map(([mode, hits]) => [`emergencies ${mode}`, hits.map((h) => `${h.q.lang} ${h.q.q} => ${h.flagged ? (h.right ? 'right' : 'wrong') : 'not flagged'}`)])),
};
writeFileSync('reports/eval-decisions.json', `${JSON.stringify({ split: args.split, smoke: args.smoke, dense: status.dense.state, decisions }, null, 2)}\n`);
console.log('\nWrote reports/eval.json, reports/eval.md and reports/eval-decisions.json');

if (args['same-decisions']) {
  const earlier = JSON.parse(readFileSync(args['same-decisions'], 'utf8')) as { decisions: Record<string, string[]> };
  const differences = Object.entries(decisions).flatMap(([mode, now]) => {
    const before = earlier.decisions[mode] ?? [];
    const changed = now.flatMap((line, i) => (line === before[i] ? [] : [`${mode}: ${before[i] ?? '(none)'}\n    now ${line}`]));
    return before.length === now.length ? changed : [`${mode}: ${before.length} decisions before, ${now.length} now`, ...changed];
  });
  const missingModes = Object.keys(earlier.decisions).filter((mode) => !(mode in decisions));
  if (differences.length + missingModes.length > 0) {
    console.error(`Decisions differ from ${args['same-decisions']} (${differences.length}):\n  ${[...missingModes.map((m) => `${m}: not run now`), ...differences.slice(0, 30)].join('\n  ')}`);
    process.exit(1);
  }
  console.log(`Every decision equals ${args['same-decisions']} (${Object.values(decisions).flat().length} decisions).`);
}

if (args['write-baseline']) {
  writeFileSync(BASELINE, `${JSON.stringify({ split: args.split, smoke: args.smoke, dense: status.dense.state, ...summary }, null, 2)}\n`);
  console.log(`Wrote ${BASELINE}`);
}
if (args['check-baseline']) {
  if (!existsSync(BASELINE)) throw new Error(`${BASELINE} is missing: record one with --write-baseline`);
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as typeof summary & { split: string; smoke: boolean; dense: string };
  if (baseline.split !== args.split || baseline.smoke !== args.smoke || baseline.dense !== status.dense.state) {
    throw new Error(`${BASELINE} was recorded on split ${baseline.split}${baseline.smoke ? ' (smoke)' : ''} with the dense path ${baseline.dense}; this run differs`);
  }
  const drops = [
    summary.fusedRecallAt3 < baseline.fusedRecallAt3 - BASELINE_TOLERANCE ? `fused R@3 ${summary.fusedRecallAt3.toFixed(3)} < baseline ${baseline.fusedRecallAt3.toFixed(3)} - ${BASELINE_TOLERANCE}` : '',
    summary.outOfScopeAnswered > baseline.outOfScopeAnswered + BASELINE_TOLERANCE ? `out-of-scope answered ${summary.outOfScopeAnswered.toFixed(3)} > baseline ${baseline.outOfScopeAnswered.toFixed(3)} + ${BASELINE_TOLERANCE}` : '',
  ].filter(Boolean);
  if (drops.length > 0) {
    console.error(`Quality fell below the committed baseline:\n  ${drops.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`Baseline check passed (fused R@3 ${summary.fusedRecallAt3.toFixed(3)}, out-of-scope answered ${summary.outOfScopeAnswered.toFixed(3)}).`);
}
