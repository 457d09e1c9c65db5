/**
 * `npm run report`: the editors' report from the feedback store (SQLite by default, or DATABASE_URL's
 * PostgreSQL): the questions most often left unanswered per language and topic, the "did you mean" choices that
 * resolved questions, the entries with the most negative feedback and staff flags, and the entries by the age of
 * their last verification.
 *
 *   npm run report               top 10 of each
 *   npm run report -- --top 25
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../services/config.js';
import { entriesByAge, FRESHNESS } from '../services/knowledge/freshness.js';
import { loadKnowledgeBase } from '../services/knowledge/load.js';
import { createLogger } from '../services/logger.js';
import { openStores } from '../services/stores.js';

const { values } = parseArgs({ options: { top: { type: 'string', default: '10' } } });
const top = Number.parseInt(values.top!, 10);
if (!Number.isInteger(top) || top < 1 || top > 1000) {
  console.error('--top takes a whole number from 1 to 1000');
  process.exit(1);
}

const config = loadConfig();
const stores = await openStores(config, createLogger(config.logLevel));
try {
  const report = await stores.feedback.report(top);
  const table = (title: string, header: string[], rows: (string | number)[][]) => {
    console.log(`\n## ${title}\n`);
    if (rows.length === 0) {
      console.log('(nothing yet)');
      return;
    }
    console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
    for (const row of rows) console.log(`| ${row.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`);
  };
  table('Unanswered or unsure questions, per language and topic', ['lang', 'topic', 'times', 'question (redacted)'],
    report.unanswered.map((u) => [u.lang, u.category, u.count, u.text]));
  table('"Did you mean" questions and the entry chosen (phrasings its questions may lack)', ['lang', 'times', 'question (redacted)', 'entry chosen'],
    report.resolvedChoices.map((r) => [r.lang, r.count, r.text, r.entryId]));
  table('Entries with negative feedback', ['entry', '👎', '👍'], report.negativeFeedback.map((f) => [f.entryId, f.down, f.up]));
  table('Entries flagged by hotline staff', ['entry', 'flags', 'latest comment'], report.flaggedEntries.map((f) => [f.entryId, f.flags, f.lastComment]));
  const ages = entriesByAge((await loadKnowledgeBase(config.knowledgeDir)).entries, new Date().toISOString().slice(0, 10));
  const due = (e: { months: number }) => (e.months > FRESHNESS.failAfterMonths ? 'overdue' : e.months > FRESHNESS.warnAfterMonths ? 'due' : '');
  table(`Entries by age of their last verification, oldest first (due after ${FRESHNESS.warnAfterMonths} months, overdue after ${FRESHNESS.failAfterMonths})`,
    ['entry', 'category', 'verified', 'months', ''], ages.slice(0, top).map((e) => [e.entryId, e.category, e.verified, e.months, due(e)]));
} finally {
  await stores.close();
}
