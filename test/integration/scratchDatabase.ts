/**
 * The real PostgreSQL the integration tests run against: the one `test/setup/postgres.ts` provides (from npm, or
 * TEST_DATABASE_URL's). Each test gets a schema no other run uses, and drops it afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { PostgresDatabase } from '../../services/database/postgres.js';
import { createLogger } from '../../services/logger.js';

const uniqueName = () => `t${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;

export interface ScratchSchema {
  /** The test database's URL with this schema as every connection's search_path. */
  url: string;
  query<Row extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Opens the shared store on this schema (migrating it); closed by `cleanUp`. One per simulated instance. */
  open(): Promise<PostgresDatabase>;
  /** Closes what `open` opened, then drops the schema and everything in it. */
  cleanUp(): Promise<void>;
}

export async function scratchSchema(): Promise<ScratchSchema> {
  const base = inject('databaseUrl');
  const schema = `bja_test_${uniqueName()}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`Could not reach the test PostgreSQL: ${(error as Error).message}`, { cause: error });
  }
  await admin.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const opened: PostgresDatabase[] = [];
  return {
    url: url.toString(),
    query: async <Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await admin.query<Row>(sql, params)).rows,
    open: async () => {
      const database = await PostgresDatabase.open(url.toString(), createLogger('silent'));
      opened.push(database);
      return database;
    },
    cleanUp: async () => {
      await Promise.all(opened.map((database) => database.close()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
