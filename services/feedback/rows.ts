import type { StaffFlag, StoredFeedback, StoredFlag } from './store.js';

/** The table rows both SQL stores read; SQLite gives timestamps as ISO text, PostgreSQL as Date. */
export interface FeedbackRow {
  id: number;
  entry_id: string;
  rating: 'up' | 'down';
  lang: StoredFeedback['lang'];
  channel: string;
  conversation_id: string | null;
  created_at: string | Date;
}

export interface FlagRow {
  id: number;
  entry_id: string;
  reason: StaffFlag['reason'];
  comment: string;
  username: string;
  created_at: string | Date;
}

const isoTimestamp = (value: string | Date) => (typeof value === 'string' ? value : value.toISOString());

export const feedbackFromRow = (row: FeedbackRow): StoredFeedback => ({
  id: row.id,
  entryId: row.entry_id,
  rating: row.rating,
  lang: row.lang,
  channel: row.channel,
  conversationId: row.conversation_id ?? undefined,
  createdAt: isoTimestamp(row.created_at),
});

export const flagFromRow = (row: FlagRow): StoredFlag => ({
  id: row.id,
  entryId: row.entry_id,
  reason: row.reason,
  comment: row.comment,
  username: row.username,
  createdAt: isoTimestamp(row.created_at),
});
