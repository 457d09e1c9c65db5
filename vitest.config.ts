import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A real PostgreSQL for the shared-store tests (TEST_DATABASE_URL's, or one from npm started for the run), and
    // the browser from npm unpacked once.
    globalSetup: ['test/setup/postgres.ts', 'test/setup/browser.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Native addons (onnxruntime, hnswlib, better-sqlite3) are safest in forked processes.
    pool: 'forks',
  },
});
