import type { PostgresDatabase } from '../database/postgres.js';
import type { EditorsReport, Feedback, FeedbackStore, StaffFlag, StoredFeedback, StoredFlag, UnansweredQuestion } from './store.js';
import { feedbackFromRow, flagFromRow, type FeedbackRow, type FlagRow } from './rows.js';

const TABLES = ['feedback', 'staff_flags', 'unanswered'] as const;

/**
 * The store for several instances, in the shared PostgreSQL. Each write is one autocommitted statement (or an
 * explicit transaction), so its promise resolves only after COMMIT.
 * Counts are cast to integer because PostgreSQL's bigint arrives in JavaScript as a string.
 */
export class PostgresFeedbackStore implements FeedbackStore {
  constructor(private readonly database: PostgresDatabase) {}

  async record(feedback: Feedback): Promise<void> {
    await this.database.query('INSERT INTO feedback (entry_id, rating, lang, channel, conversation_id) VALUES ($1, $2, $3, $4, $5)', [
      feedback.entryId,
      feedback.rating,
      feedback.lang,
      feedback.channel,
      feedback.conversationId ?? null,
    ]);
  }

  async recent(limit: number): Promise<StoredFeedback[]> {
    const { rows } = await this.database.query<FeedbackRow>('SELECT * FROM feedback ORDER BY id DESC LIMIT $1', [limit]);
    return rows.map(feedbackFromRow);
  }

  async recordFlag(flag: StaffFlag): Promise<StoredFlag> {
    const { rows } = await this.database.query<FlagRow>(
      'INSERT INTO staff_flags (entry_id, reason, comment, username) VALUES ($1, $2, $3, $4) RETURNING *',
      [flag.entryId, flag.reason, flag.comment, flag.username],
    );
    return flagFromRow(rows[0]);
  }

  async flags(limit: number): Promise<StoredFlag[]> {
    const { rows } = await this.database.query<FlagRow>('SELECT * FROM staff_flags ORDER BY id DESC LIMIT $1', [limit]);
    return rows.map(flagFromRow);
  }

  async recordUnanswered(question: UnansweredQuestion): Promise<number> {
    const { rows } = await this.database.query<{ id: number }>(
      'INSERT INTO unanswered (text, lang, outcome, category) VALUES ($1, $2, $3, $4) RETURNING id::integer AS id',
      [question.text, question.lang, question.outcome, question.category ?? null],
    );
    return rows[0].id;
  }

  async resolveUnanswered(id: number, entryId: string): Promise<void> {
    await this.database.query('UPDATE unanswered SET resolved_entry_id = $1 WHERE id = $2', [entryId, id]);
  }

  // The same queries as the SQLite store. COLLATE "C" sorts text by code point, as SQLite does, whatever the
  // database's locale.
  async report(limit: number): Promise<EditorsReport> {
    const unanswered = this.database.query<EditorsReport['unanswered'][number]>(
      `SELECT lang, category, text, count FROM (
         SELECT lang, COALESCE(category, '-') AS category, lower(trim(text)) AS text, COUNT(*)::integer AS count,
                ROW_NUMBER() OVER (PARTITION BY lang, COALESCE(category, '-')
                                   ORDER BY COUNT(*) DESC, lower(trim(text)) COLLATE "C") AS rank
         FROM unanswered GROUP BY 1, 2, 3) ranked
       WHERE rank <= $1 ORDER BY lang COLLATE "C", category COLLATE "C", count DESC, text COLLATE "C"`,
      [limit],
    );
    const resolvedChoices = this.database.query<EditorsReport['resolvedChoices'][number]>(
      `SELECT lang, lower(trim(text)) AS text, resolved_entry_id AS "entryId", COUNT(*)::integer AS count FROM unanswered
       WHERE resolved_entry_id IS NOT NULL GROUP BY 1, 2, 3
       ORDER BY count DESC, lang COLLATE "C", lower(trim(text)) COLLATE "C", resolved_entry_id COLLATE "C" LIMIT $1`,
      [limit],
    );
    const negativeFeedback = this.database.query<EditorsReport['negativeFeedback'][number]>(
      `SELECT entry_id AS "entryId", COUNT(*) FILTER (WHERE rating = 'down')::integer AS down,
              COUNT(*) FILTER (WHERE rating = 'up')::integer AS up
       FROM feedback GROUP BY entry_id HAVING COUNT(*) FILTER (WHERE rating = 'down') > 0
       ORDER BY down DESC, up ASC, entry_id COLLATE "C" LIMIT $1`,
      [limit],
    );
    const flaggedEntries = this.database.query<EditorsReport['flaggedEntries'][number]>(
      `SELECT entry_id AS "entryId", COUNT(*)::integer AS flags,
         (SELECT comment FROM staff_flags f2 WHERE f2.entry_id = f.entry_id ORDER BY id DESC LIMIT 1) AS "lastComment"
       FROM staff_flags f GROUP BY entry_id ORDER BY flags DESC, entry_id COLLATE "C" LIMIT $1`,
      [limit],
    );
    const [u, r, n, f] = await Promise.all([unanswered, resolvedChoices, negativeFeedback, flaggedEntries]);
    return { unanswered: u.rows, resolvedChoices: r.rows, negativeFeedback: n.rows, flaggedEntries: f.rows };
  }

  async purgeOlderThan(days: number): Promise<number> {
    return this.database.transaction(async (client) => {
      let deleted = 0;
      for (const table of TABLES) {
        const result = await client.query(`DELETE FROM ${table} WHERE created_at < now() - $1::float8 * interval '1 day'`, [days]);
        deleted += result.rowCount ?? 0;
      }
      return deleted;
    });
  }
}
