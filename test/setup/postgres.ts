/**
 * Vitest global setup: the PostgreSQL the tests share. With TEST_DATABASE_URL set, that server (as a machine with
 * its own PostgreSQL may want). Otherwise a real PostgreSQL from npm, started for the run and removed afterwards.
 * Tests read the URL with `inject('databaseUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { startScratchPostgres } from '../../scripts/support/embeddedPostgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return undefined;
  }
  const postgres = await startScratchPostgres({ durable: false });
  console.log(`[test postgres] PostgreSQL from npm on ${new URL(postgres.url).host} (${Math.round(postgres.startMs)} ms); set TEST_DATABASE_URL to use your own`);
  project.provide('databaseUrl', postgres.url);
  return postgres.stop;
}
