import { msInterval, type PostgresDatabase } from '../database/postgres.js';
import type { ActivityPage, ChannelActivity, ConversationLimits, ConversationStore } from './conversations.js';

/*
 * A conversation is a row of dl_conversations; its activities are rows of dl_activities numbered by `seq` from 0.
 * `next_seq` is the watermark after the last activity. Each operation is one SQL statement: an append bumps
 * next_seq (which locks the conversation's row, so concurrent appends from several instances queue up), inserts
 * the activity under the old value and trims the history, all or nothing. A reader's single statement sees one
 * snapshot, so the watermark it returns always matches the activities it returns.
 * The trim keeps at most maxActivities, and the newest activities whose sizes (with the new one's) fit the byte
 * budget. An append that waited for the row lock trims with the snapshot it started with, so it can miss rows that
 * appends ahead of it inserted meanwhile: a few extra rows may outlive the caps until the next append trims them.
 * Readers therefore never return more than the last maxActivities.
 * Using a conversation pushes its `expires_at` idleMs ahead; reads do so at most every tenth of idleMs, so that
 * polling does not rewrite the row every second. Least recently used = soonest to expire.
 */

const LIVE = 'expires_at > now()';
const IDLE = msInterval('$2');

/** Direct Line conversations in the shared PostgreSQL, with the same bounds as the memory store. */
export class PostgresConversationStore implements ConversationStore {
  constructor(
    private readonly database: PostgresDatabase,
    private readonly limits: ConversationLimits,
  ) {}

  async has(conversationId: string): Promise<boolean> {
    const { rowCount } = await this.database.query(`SELECT 1 FROM dl_conversations WHERE id = $1 AND ${LIVE}`, [conversationId]);
    return rowCount === 1;
  }

  async create(conversationId: string, userId: string): Promise<void> {
    const { idleMs, maxConversations } = this.limits;
    await this.database.transaction(async (client) => {
      // An expired row with the same id is replaced: its activities go with it.
      await client.query(`DELETE FROM dl_conversations WHERE id = $1 AND NOT ${LIVE}`, [conversationId]);
      const { rowCount } = await client.query(
        `INSERT INTO dl_conversations (id, user_id, expires_at) VALUES ($1, $3, now() + ${IDLE}) ON CONFLICT (id) DO NOTHING`,
        [conversationId, idleMs, userId],
      );
      if (rowCount === 0) return;
      // Past the limit, the conversations that expire soonest (used least recently) go first.
      await client.query(
        `DELETE FROM dl_conversations WHERE id IN (SELECT id FROM dl_conversations ORDER BY expires_at DESC, id OFFSET $1)`,
        [maxConversations],
      );
    });
  }

  async append(conversationId: string, activity: ChannelActivity): Promise<boolean> {
    const json = JSON.stringify(activity);
    const bytes = Buffer.byteLength(json);
    const { rows } = await this.database.query<{ appended: number }>(
      `WITH bumped AS (
         UPDATE dl_conversations SET next_seq = next_seq + 1, expires_at = now() + ${IDLE}
         WHERE id = $1 AND ${LIVE} RETURNING next_seq - 1 AS seq),
       inserted AS (
         INSERT INTO dl_activities (conversation_id, seq, activity, bytes) SELECT $1, seq, $3, $5 FROM bumped RETURNING seq),
       newer AS (
         SELECT seq, sum(bytes) OVER (ORDER BY seq DESC) AS bytes_from_here FROM dl_activities WHERE conversation_id = $1),
       trimmed AS (
         DELETE FROM dl_activities WHERE conversation_id = $1
         AND (seq <= (SELECT seq FROM bumped) - $4 OR seq IN (SELECT seq FROM newer WHERE bytes_from_here + $5 > $6)))
       SELECT count(*)::integer AS appended FROM inserted`,
      [conversationId, this.limits.idleMs, json, this.limits.maxActivities, bytes, this.limits.maxConversationBytes],
    );
    return rows[0].appended === 1;
  }

  async since(conversationId: string, watermark: number): Promise<ActivityPage | undefined> {
    const { rows } = await this.database.query<{ next_seq: string; activity: ChannelActivity | null }>(
      `WITH conversation AS (SELECT next_seq FROM dl_conversations WHERE id = $1 AND ${LIVE}),
       touched AS (
         UPDATE dl_conversations SET expires_at = now() + ${IDLE}
         WHERE id = $1 AND ${LIVE} AND expires_at < now() + ${IDLE} * 0.9)
       SELECT conversation.next_seq, a.activity FROM conversation
       LEFT JOIN dl_activities a ON a.conversation_id = $1 AND a.seq >= greatest($3, conversation.next_seq - $4)
       ORDER BY a.seq`,
      [conversationId, this.limits.idleMs, watermark, this.limits.maxActivities],
    );
    if (rows.length === 0) return undefined;
    return {
      watermark: Number(rows[0].next_seq),
      activities: rows.flatMap((row) => (row.activity ? [row.activity] : [])),
    };
  }
}
