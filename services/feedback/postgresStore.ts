import pg from 'pg';
import type { Logger } from '../logger.js';
import type { EditorsReport, Feedback, FeedbackStore, StaffFlag, StoredFeedback, StoredFlag, UnansweredQuestion } from './store.js';
import { feedbackFromRow, flagFromRow, type FeedbackRow, type FlagRow } from './rows.js';

/**
 * Schema versions, applied in order once each; never edit a released migration, add a new one.
 * The same tables as the SQLite store, in PostgreSQL's types.
 */
const MIGRATIONS = [
  `CREATE TABLE feedback (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     entry_id text NOT NULL,
     rating text NOT NULL CHECK (rating IN ('up', 'down')),
     lang text NOT NULL,
     channel text NOT NULL,
     conversation_id text,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX feedback_entry ON feedback (entry_id);`,
  `CREATE TABLE staff_flags (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     entry_id text NOT NULL,
     reason text NOT NULL CHECK (reason IN ('outdated', 'wrong', 'other')),
     comment text NOT NULL,
     username text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX staff_flags_entry ON staff_flags (entry_id);`,
  `CREATE TABLE unanswered (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     text text NOT NULL,
     lang text NOT NULL,
     outcome text NOT NULL CHECK (outcome IN ('fallback', 'clarify')),
     category text,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX unanswered_lang ON unanswered (lang, category);`,
];

const TABLES = ['feedback', 'staff_flags', 'unanswered'] as const;

/** Any constant: instances starting together take this advisory lock so only one of them migrates at a time. */
const MIGRATION_LOCK = 4_242_001;

/**
 * The store for several instances: PostgreSQL through a connection pool. Each write is one autocommitted
 * statement (or an explicit transaction), so its promise resolves only after COMMIT.
 * Counts are cast to integer because PostgreSQL's bigint arrives in JavaScript as a string.
 */
export class PostgresFeedbackStore implements FeedbackStore {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and brings the schema up to date; fails when the database cannot be reached. */
  static async open(connectionString: string, log: Logger): Promise<PostgresFeedbackStore> {
    const pool = new pg.Pool({ connectionString });
    // Without a listener, a connection the server drops while idle would crash the process; the pool replaces it.
    pool.on('error', (error) => log.warn({ err: error }, 'feedback store: an idle PostgreSQL connection failed'));
    const store = new PostgresFeedbackStore(pool);
    try {
      await store.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
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

  /** Runs `work` between BEGIN and COMMIT on one pooled connection, rolling back if anything fails. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
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

  async record(feedback: Feedback): Promise<void> {
    await this.pool.query('INSERT INTO feedback (entry_id, rating, lang, channel, conversation_id) VALUES ($1, $2, $3, $4, $5)', [
      feedback.entryId,
      feedback.rating,
      feedback.lang,
      feedback.channel,
      feedback.conversationId ?? null,
    ]);
  }

  async recent(limit: number): Promise<StoredFeedback[]> {
    const { rows } = await this.pool.query<FeedbackRow>('SELECT * FROM feedback ORDER BY id DESC LIMIT $1', [limit]);
    return rows.map(feedbackFromRow);
  }

  async recordFlag(flag: StaffFlag): Promise<StoredFlag> {
    const { rows } = await this.pool.query<FlagRow>(
      'INSERT INTO staff_flags (entry_id, reason, comment, username) VALUES ($1, $2, $3, $4) RETURNING *',
      [flag.entryId, flag.reason, flag.comment, flag.username],
    );
    return flagFromRow(rows[0]);
  }

  async flags(limit: number): Promise<StoredFlag[]> {
    const { rows } = await this.pool.query<FlagRow>('SELECT * FROM staff_flags ORDER BY id DESC LIMIT $1', [limit]);
    return rows.map(flagFromRow);
  }

  async recordUnanswered(question: UnansweredQuestion): Promise<void> {
    await this.pool.query('INSERT INTO unanswered (text, lang, outcome, category) VALUES ($1, $2, $3, $4)', [
      question.text,
      question.lang,
      question.outcome,
      question.category ?? null,
    ]);
  }

  // The same queries as the SQLite store. COLLATE "C" sorts text by code point, as SQLite does, whatever the
  // database's locale.
  async report(limit: number): Promise<EditorsReport> {
    const unanswered = this.pool.query<EditorsReport['unanswered'][number]>(
      `SELECT lang, category, text, count FROM (
         SELECT lang, COALESCE(category, '-') AS category, lower(trim(text)) AS text, COUNT(*)::integer AS count,
                ROW_NUMBER() OVER (PARTITION BY lang, COALESCE(category, '-')
                                   ORDER BY COUNT(*) DESC, lower(trim(text)) COLLATE "C") AS rank
         FROM unanswered GROUP BY 1, 2, 3) ranked
       WHERE rank <= $1 ORDER BY lang COLLATE "C", category COLLATE "C", count DESC, text COLLATE "C"`,
      [limit],
    );
    const negativeFeedback = this.pool.query<EditorsReport['negativeFeedback'][number]>(
      `SELECT entry_id AS "entryId", COUNT(*) FILTER (WHERE rating = 'down')::integer AS down,
              COUNT(*) FILTER (WHERE rating = 'up')::integer AS up
       FROM feedback GROUP BY entry_id HAVING COUNT(*) FILTER (WHERE rating = 'down') > 0
       ORDER BY down DESC, up ASC, entry_id COLLATE "C" LIMIT $1`,
      [limit],
    );
    const flaggedEntries = this.pool.query<EditorsReport['flaggedEntries'][number]>(
      `SELECT entry_id AS "entryId", COUNT(*)::integer AS flags,
         (SELECT comment FROM staff_flags f2 WHERE f2.entry_id = f.entry_id ORDER BY id DESC LIMIT 1) AS "lastComment"
       FROM staff_flags f GROUP BY entry_id ORDER BY flags DESC, entry_id COLLATE "C" LIMIT $1`,
      [limit],
    );
    const [u, n, f] = await Promise.all([unanswered, negativeFeedback, flaggedEntries]);
    return { unanswered: u.rows, negativeFeedback: n.rows, flaggedEntries: f.rows };
  }

  async purgeOlderThan(days: number): Promise<number> {
    return this.transaction(async (client) => {
      let deleted = 0;
      for (const table of TABLES) {
        const result = await client.query(`DELETE FROM ${table} WHERE created_at < now() - $1::float8 * interval '1 day'`, [days]);
        deleted += result.rowCount ?? 0;
      }
      return deleted;
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
