import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { EditorsReport, Feedback, FeedbackStore, StaffFlag, StoredFeedback, StoredFlag, UnansweredQuestion } from './store.js';
import { feedbackFromRow, flagFromRow, type FeedbackRow, type FlagRow } from './rows.js';

/** Schema versions, applied in order once each; never edit a released migration, add a new one. */
const MIGRATIONS = [
  `CREATE TABLE feedback (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     entry_id TEXT NOT NULL,
     rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
     lang TEXT NOT NULL,
     channel TEXT NOT NULL,
     conversation_id TEXT,
     created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
   );
   CREATE INDEX feedback_entry ON feedback (entry_id);`,
  `CREATE TABLE staff_flags (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     entry_id TEXT NOT NULL,
     reason TEXT NOT NULL CHECK (reason IN ('outdated', 'wrong', 'other')),
     comment TEXT NOT NULL,
     username TEXT NOT NULL,
     created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
   );
   CREATE INDEX staff_flags_entry ON staff_flags (entry_id);`,
  `CREATE TABLE unanswered (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     text TEXT NOT NULL,
     lang TEXT NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('fallback', 'clarify')),
     category TEXT,
     created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
   );
   CREATE INDEX unanswered_lang ON unanswered (lang, category);`,
  `ALTER TABLE unanswered ADD COLUMN resolved_entry_id TEXT;`,
];

const TABLES = ['feedback', 'staff_flags', 'unanswered'] as const;

/** The default store: one SQLite file in WAL mode, so a crash loses no acknowledged write. */
export class SqliteFeedbackStore implements FeedbackStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // SQLite's own lower() folds ASCII only; questions come in nine languages, and PostgreSQL's folds them all.
    this.db.function('lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text));
    this.migrate();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    const apply = this.db.transaction(() => {
      MIGRATIONS.slice(version).forEach((sql) => this.db.exec(sql));
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
    });
    apply();
  }

  async record(feedback: Feedback): Promise<void> {
    this.db
      .prepare('INSERT INTO feedback (entry_id, rating, lang, channel, conversation_id) VALUES (?, ?, ?, ?, ?)')
      .run(feedback.entryId, feedback.rating, feedback.lang, feedback.channel, feedback.conversationId ?? null);
  }

  async recent(limit: number): Promise<StoredFeedback[]> {
    const rows = this.db.prepare('SELECT * FROM feedback ORDER BY id DESC LIMIT ?').all(limit) as FeedbackRow[];
    return rows.map(feedbackFromRow);
  }

  async recordFlag(flag: StaffFlag): Promise<StoredFlag> {
    const row = this.db
      .prepare('INSERT INTO staff_flags (entry_id, reason, comment, username) VALUES (?, ?, ?, ?) RETURNING *')
      .get(flag.entryId, flag.reason, flag.comment, flag.username) as FlagRow;
    return flagFromRow(row);
  }

  async flags(limit: number): Promise<StoredFlag[]> {
    return (this.db.prepare('SELECT * FROM staff_flags ORDER BY id DESC LIMIT ?').all(limit) as FlagRow[]).map(flagFromRow);
  }

  async recordUnanswered(question: UnansweredQuestion): Promise<number> {
    const { id } = this.db
      .prepare('INSERT INTO unanswered (text, lang, outcome, category) VALUES (?, ?, ?, ?) RETURNING id')
      .get(question.text, question.lang, question.outcome, question.category ?? null) as { id: number };
    return id;
  }

  async resolveUnanswered(id: number, entryId: string): Promise<void> {
    this.db.prepare('UPDATE unanswered SET resolved_entry_id = ? WHERE id = ?').run(entryId, id);
  }

  // Ties are broken by text or entry id, so the PostgreSQL store returns the very same rows in the same order.
  async report(limit: number): Promise<EditorsReport> {
    const unanswered = this.db
      .prepare(
        `SELECT lang, category, text, count FROM (
           SELECT lang, COALESCE(category, '-') AS category, lower(trim(text)) AS text, COUNT(*) AS count,
                  ROW_NUMBER() OVER (PARTITION BY lang, COALESCE(category, '-') ORDER BY COUNT(*) DESC, lower(trim(text))) AS rank
           FROM unanswered GROUP BY 1, 2, 3)
         WHERE rank <= ? ORDER BY lang, category, count DESC, text`,
      )
      .all(limit) as EditorsReport['unanswered'];
    const resolvedChoices = this.db
      .prepare(
        `SELECT lang, lower(trim(text)) AS text, resolved_entry_id AS entryId, COUNT(*) AS count FROM unanswered
         WHERE resolved_entry_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY count DESC, lang, text, entryId LIMIT ?`,
      )
      .all(limit) as EditorsReport['resolvedChoices'];
    const negativeFeedback = this.db
      .prepare(
        `SELECT entry_id AS entryId, SUM(rating = 'down') AS down, SUM(rating = 'up') AS up FROM feedback
         GROUP BY entry_id HAVING down > 0 ORDER BY down DESC, up ASC, entry_id LIMIT ?`,
      )
      .all(limit) as EditorsReport['negativeFeedback'];
    const flaggedEntries = this.db
      .prepare(
        `SELECT entry_id AS entryId, COUNT(*) AS flags,
           (SELECT comment FROM staff_flags f2 WHERE f2.entry_id = f.entry_id ORDER BY id DESC LIMIT 1) AS lastComment
         FROM staff_flags f GROUP BY entry_id ORDER BY flags DESC, entry_id LIMIT ?`,
      )
      .all(limit) as EditorsReport['flaggedEntries'];
    return { unanswered, resolvedChoices, negativeFeedback, flaggedEntries };
  }

  async purgeOlderThan(days: number): Promise<number> {
    const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
    const purge = this.db.transaction(() =>
      TABLES.reduce((sum, table) => sum + this.db.prepare(`DELETE FROM ${table} WHERE created_at < ?`).run(cutoff).changes, 0),
    );
    return purge();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
