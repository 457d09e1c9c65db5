/**
 * `npm run kb:check`: validates every knowledge entry, runs the whole-base checks and prints a coverage table.
 * Warns about entries last verified over 12 months ago, and checks that knowledge/COVERAGE.md is up to date. Exits 1 when anything is wrong (an entry over 18 months
 * old among them), listing every problem at once.
 */
import { loadConfig } from '../services/config.js';
import { checkKnowledgeBase, coverage as coverageTable } from '../services/knowledge/check.js';
import { readFile } from 'node:fs/promises';
import { coverageMarkdown } from '../services/knowledge/coverageMap.js';
import { entriesByAge, FRESHNESS } from '../services/knowledge/freshness.js';
import { coverageFile, loadPortalTopics } from '../services/knowledge/portalTopics.js';
import { KnowledgeError, loadKnowledgeBase } from '../services/knowledge/load.js';
import { LANGS } from '../services/languages.js';
import { districtNameForms, districtNames } from '../services/conversation/listQuestions.js';
import { DISTRICTS } from '../services/knowledge/schema.js';
import { loadScope } from '../services/scope.js';

const config = loadConfig();
try {
  const kb = await loadKnowledgeBase(config.knowledgeDir);
  const today = new Date().toISOString().slice(0, 10);
  // No alias may be only a district's name (in any of the forms the list reader looks for) or the city's.
  const districts = [...Object.values(districtNames(config.localesDir)).flat(), ...DISTRICTS].flatMap(districtNameForms);
  const reservedNames = [...districts, ...(await loadScope(config.scopeDir)).beijingNames];
  const findings = checkKnowledgeBase(kb.entries, today, reservedNames);
  // The coverage map is generated; a change to the entries or the topics must be followed by `npm run kb:coverage`.
  const expectedCoverage = coverageMarkdown(await loadPortalTopics(config.scopeDir), kb.entries);
  const coverage = await readFile(coverageFile(config.knowledgeDir), 'utf8').catch(() => '');
  if (coverage !== expectedCoverage) findings.push({ entryId: coverageFile(config.knowledgeDir), message: 'out of date: run npm run kb:coverage' });

  const table = coverageTable(kb.entries);
  const rows = Object.entries(table).map(([category, perLang]) => [category, ...LANGS.map((lang) => perLang[lang])]);
  console.log(['category', ...LANGS].join('\t'));
  for (const row of rows) console.log(row.join('\t'));
  console.log(['total', ...LANGS.map((lang) => kb.entries.filter((e) => e.content[lang]).length)].join('\t'));

  const ageing = entriesByAge(kb.entries, today).filter((e) => e.months > FRESHNESS.warnAfterMonths && e.months <= FRESHNESS.failAfterMonths);
  if (ageing.length > 0) {
    console.warn(`\nWarning: ${ageing.length} entr${ageing.length === 1 ? 'y was' : 'ies were'} last verified more than ${FRESHNESS.warnAfterMonths} months ago (kb:check fails after ${FRESHNESS.failAfterMonths}):`);
    for (const entry of ageing) console.warn(`  ${entry.entryId}: ${entry.verified} (${entry.months} months)`);
  }

  if (findings.length > 0) {
    console.error(`\n${findings.length} finding(s):`);
    for (const finding of findings) console.error(`  ${finding.entryId}: ${finding.message}`);
    process.exit(1);
  }
  console.log(`\nkb:check passed: ${kb.entries.length} entries, hash ${kb.hash}`);
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exit(1);
}
