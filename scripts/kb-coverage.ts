/**
 * `npm run kb:coverage`: writes knowledge/COVERAGE.md, the map of the international portal's service-guide topics
 * and appointment items (scope/portal-topics.yaml) to the entries that cover them, with the share covered at the top.
 * kb:check fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../services/config.js';
import { coverageMarkdown, summarize } from '../services/knowledge/coverageMap.js';
import { coverageFile, loadPortalTopics } from '../services/knowledge/portalTopics.js';
import { loadKnowledgeBase } from '../services/knowledge/load.js';

const config = loadConfig();
const [kb, topics] = await Promise.all([loadKnowledgeBase(config.knowledgeDir), loadPortalTopics(config.scopeDir)]);
writeFileSync(coverageFile(config.knowledgeDir), coverageMarkdown(topics, kb.entries));
const { covered, forResidents, topics: total } = summarize(topics, kb.entries);
console.log(`Wrote ${coverageFile(config.knowledgeDir)}: ${covered} of ${forResidents} topics for residents covered (${total} topics in all).`);
