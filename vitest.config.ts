import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A real PostgreSQL for the shared-store tests (TEST_DATABASE_URL's, or one from npm started for the run), and
    // the browser from npm unpacked once.
    globalSetup: ['test/setup/postgres.ts', 'test/setup/browser.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Native addons (onnxruntime, hnswlib, better-sqlite3) are safest in forked processes.
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'main', include: ['test/**/*.test.ts'], exclude: ['test/load/**'] } },
      // Tests that assert a latency bound under load run alone, once every other test has finished.
      { extends: true, test: { name: 'load', include: ['test/load/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
