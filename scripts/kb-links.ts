/**
 * `npm run kb:links`: checks every URL the knowledge base cites: its HTTP status, where it redirects, and whether
 * the page still contains the key figures (figures and phone numbers) its citations rely on. Prints a table; exits 1
 * when a link is broken or a key figure is gone. When the network is unavailable (this project's CI reaches only
 * PyPI and npm), it says so and skips.
 *
 *   npm run kb:links                       every cited URL
 *   npm run kb:links -- --only school-     only the sources of entries whose id starts with this
 *   npm run kb:links -- --concurrency 8 --timeout 15000
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../services/config.js';
import { loadKnowledgeBase } from '../services/knowledge/load.js';
import { citedUrls, isNoNetworkError, pageText, statesFigure, type CitedUrl } from './links/check.js';

const { values: args } = parseArgs({
  options: { only: { type: 'string' }, concurrency: { type: 'string', default: '4' }, timeout: { type: 'string', default: '10000' } },
});
const concurrency = Number(args.concurrency);
const timeoutMs = Number(args.timeout);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new Error('--concurrency takes a whole number from 1 to 32');
if (!Number.isInteger(timeoutMs) || timeoutMs < 1000) throw new Error('--timeout takes milliseconds, at least 1000');

const MAX_REDIRECTS = 5;
const MAX_PAGE_BYTES = 4 * 1024 * 1024;

interface LinkResult {
  cited: CitedUrl;
  status: string;
  finalUrl?: string;
  missing: string[];
  broken: boolean;
}

/** Fetches a URL following redirects by hand, so the chain can be reported. */
async function fetchFollowing(url: string): Promise<{ response: Response; finalUrl: string }> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'beijing-assistant-kb-links/1.0' } });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, finalUrl: current };
    await response.body?.cancel();
    current = new URL(location, current).toString();
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects`);
}

async function check(cited: CitedUrl): Promise<LinkResult> {
  try {
    const { response, finalUrl } = await fetchFollowing(cited.url);
    const redirect = finalUrl !== cited.url ? finalUrl : undefined;
    if (!response.ok) return { cited, status: String(response.status), finalUrl: redirect, missing: [], broken: true };
    const buffer = await response.arrayBuffer();
    const text = pageText(new TextDecoder().decode(buffer.slice(0, MAX_PAGE_BYTES)));
    const missing = cited.keyFigures.filter((figure) => !statesFigure(text, figure));
    return { cited, status: String(response.status), finalUrl: redirect, missing, broken: missing.length > 0 };
  } catch (error) {
    if (isNoNetworkError(error)) throw error;
    return { cited, status: `error: ${(error as Error).message}`, missing: [], broken: true };
  }
}

const config = loadConfig();
const kb = await loadKnowledgeBase(config.knowledgeDir);
const urls = citedUrls(kb.entries.filter((entry) => !args.only || entry.id.startsWith(args.only)));
console.log(`Checking ${urls.length} cited URLs, ${concurrency} at a time (timeout ${timeoutMs} ms each)…`);

// One probe first: without a network every request would fail the same way, and a table of 300 failures says less
// than one line.
try {
  await fetch(urls[0].url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
} catch (error) {
  if (isNoNetworkError(error)) {
    console.log(`Skipped: the network is unavailable (${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}); no link was checked.`);
    process.exit(0);
  }
}

const results: LinkResult[] = [];
let next = 0;
async function worker(): Promise<void> {
  while (next < urls.length) {
    const cited = urls[next++];
    const result = await check(cited).catch((error: unknown) => ({ cited, status: `no network: ${(error as Error).message}`, missing: [], broken: true }));
    results.push(result);
    console.log(`[${results.length}/${urls.length}] ${result.broken ? 'BROKEN' : 'ok'} ${result.status} ${cited.url}`);
  }
}
await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));

const cell = (text: string) => text.replace(/\|/g, '\\|');
console.log('\n| status | URL | redirects to | key figures missing | cited by |\n|---|---|---|---|---|');
for (const r of results.sort((a, b) => Number(b.broken) - Number(a.broken) || a.cited.url.localeCompare(b.cited.url))) {
  console.log(`| ${cell(r.status)} | ${cell(r.cited.url)} | ${cell(r.finalUrl ?? '')} | ${r.missing.join(', ')} | ${r.cited.entryIds.join(', ')} |`);
}
const broken = results.filter((r) => r.broken);
console.log(`\n${results.length} URLs: ${results.length - broken.length} fine, ${broken.length} broken or missing a key figure.`);
process.exit(broken.length > 0 ? 1 : 0);
