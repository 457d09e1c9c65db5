import pg from 'pg';
import type { Logger } from '../logger.js';
import { EXPIRING_TABLES, MIGRATIONS } from './migrations.js';

/** SQL for a duration given in milliseconds by a bound parameter, e.g. `now() + ${msInterval('$2')}`. */
export const msInterval = (placeholder: string) => `${placeholder}::float8 * interval '1 millisecond'`;

/** Any constant: instances starting together take this advisory lock so only one of them migrates at a time. */
const MIGRATION_LOCK = 4_242_001;

/**
 * The PostgreSQL every instance shares: one connection pool, the schema brought up to date on open, and the
 * sweeping of expired rows. The stores (feedback, conversations, sessions, counters) each take this object.
 */
export class PostgresDatabase {
  private constructor(readonly pool: pg.Pool) {}

  /** Connects and migrates; fails when the database cannot be reached. */
  static async open(connectionString: string, log: Logger): Promise<PostgresDatabase> {
    const pool = new pg.Pool({ connectionString });
    // Without a listener, a connection the server drops while idle would crash the process; the pool replaces it.
    pool.on('error', (error) => log.warn({ err: error }, 'database: an idle PostgreSQL connection failed'));
    const database = new PostgresDatabase(pool);
    try {
      await database.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return database;
  }

  query<Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<Row>> {
    return this.pool.query<Row>(sql, params);
  }

  /** Runs `work` between BEGIN and COMMIT on one pooled connection, rolling back if anything fails. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // A connection that cannot even roll back is broken: destroy it instead of returning it to the pool.
      const rollbackError = await client.query('ROLLBACK').then(() => undefined, (failure: Error) => failure);
      client.release(rollbackError);
      throw error;
    }
  }

  /** Deletes expired conversation state, conversations, sessions and counters; returns how many rows went. */
  async sweepExpired(): Promise<number> {
    let deleted = 0;
    for (const table of EXPIRING_TABLES) deleted += (await this.pool.query(`DELETE FROM ${table} WHERE expires_at < now()`)).rowCount ?? 0;
    return deleted;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number }>('SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations');
      for (const [index, sql] of MIGRATIONS.entries()) {
        if (index < rows[0].version) continue;
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [index + 1]);
      }
    });
  }
}

