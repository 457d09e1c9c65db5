import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Bundles the embeddable widget (web/widget) into web/dist/widget.js, which the server serves at /widget.js. */

const fromProjectRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const outfile = fromProjectRoot('web/dist/widget.js');
const GZIPPED_BUDGET_BYTES = 30 * 1024;

await build({
  entryPoints: [fromProjectRoot('web/widget/main.ts')],
  outfile,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2019',
  minify: true,
  legalComments: 'none',
});

const bytes = readFileSync(outfile);
const gzipped = gzipSync(bytes).length;
console.log(`web/dist/widget.js: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget 30 KB)`);
if (gzipped > GZIPPED_BUDGET_BYTES) {
  console.error('The widget is over its 30 KB gzipped budget.');
  process.exitCode = 1;
}
