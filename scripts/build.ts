/**
 * `npm run build` (also run by `npm install`, through `prepare`):
 *   - the server, compiled to JavaScript with esbuild: dist/server.js (what `npm start` runs with plain node) and
 *     dist/indexBuildWorker.js (the child process that builds the dense index). Packages stay in node_modules:
 *     native addons cannot be bundled, and the others load as fast from there;
 *   - the embeddable widget (web/widget) as web/dist/widget.js, which the server serves at /widget.js.
 * Type checking is `npm run typecheck`'s job: esbuild only strips the types.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const fromProjectRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const WIDGET_GZIPPED_BUDGET_BYTES = 30 * 1024;

const started = performance.now();
await build({
  entryPoints: { server: fromProjectRoot('bot/index.ts'), indexBuildWorker: fromProjectRoot('services/retrieval/indexBuildWorker.ts') },
  // dist/ sits one folder below the project root, as bot/ does, so paths relative to the code stay the same.
  outdir: fromProjectRoot('dist'),
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`dist/server.js, dist/indexBuildWorker.js: compiled in ${Math.round(performance.now() - started)} ms`);

const widget = fromProjectRoot('web/dist/widget.js');
await build({
  entryPoints: [fromProjectRoot('web/widget/main.ts')],
  outfile: widget,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2019',
  minify: true,
  legalComments: 'none',
});

const bytes = readFileSync(widget);
const gzipped = gzipSync(bytes).length;
console.log(`web/dist/widget.js: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget 30 KB)`);
if (gzipped > WIDGET_GZIPPED_BUDGET_BYTES) {
  console.error('The widget is over its 30 KB gzipped budget.');
  process.exitCode = 1;
}
