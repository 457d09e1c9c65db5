import { join } from 'node:path';
import type { Config } from './config.js';
import { PostgresDatabase } from './database/postgres.js';
import { MemoryConversationStore, type ConversationStore } from './directline/conversations.js';
import { PostgresConversationStore } from './directline/postgresConversationStore.js';
import { PostgresFeedbackStore } from './feedback/postgresStore.js';
import { SqliteFeedbackStore } from './feedback/sqliteStore.js';
import type { FeedbackStore } from './feedback/store.js';
import { MemoryWindowCounters, type WindowCounters } from './limits/counters.js';
import { PostgresWindowCounters } from './limits/postgresCounters.js';
import type { Logger } from './logger.js';
import { PostgresStaffSessions } from './staff/postgresSessions.js';
import { MemoryStaffSessions, type StaffSessionStore } from './staff/sessions.js';

/** Everything the product keeps between requests. */
export interface Stores {
  feedback: FeedbackStore;
  conversations: ConversationStore;
  staffSessions: StaffSessionStore;
  counters: WindowCounters;
  /** The login throttle's counters: in memory, apart from the rate limits', so that their keys cannot evict these. */
  loginCounters: WindowCounters;
  /** The shared PostgreSQL when DATABASE_URL is set; the bot keeps its conversation state there too. */
  database?: PostgresDatabase;
  close(): Promise<void>;
}

/**
 * With DATABASE_URL, every store lives in that one PostgreSQL, so any number of instances (and workers) share
 * everything. Without, one process keeps conversations, sessions and counters in memory and feedback in SQLite.
 */
export async function openStores(config: Config, log: Logger): Promise<Stores> {
  const { directLine: dl, staff } = config;
  const limits = { maxConversations: dl.maxConversations, idleMs: dl.idleMs, maxActivities: dl.maxActivities, maxConversationBytes: dl.maxConversationBytes };
  if (config.databaseUrl) {
    const database = await PostgresDatabase.open(config.databaseUrl, log);
    const counters = new PostgresWindowCounters(database);
    return {
      feedback: new PostgresFeedbackStore(database),
      conversations: new PostgresConversationStore(database, limits),
      staffSessions: new PostgresStaffSessions(database, staff.sessionIdleMs),
      counters,
      loginCounters: counters,
      database,
      close: () => database.close(),
    };
  }
  const feedback = new SqliteFeedbackStore(join(config.dataDir, 'assistant.db'));
  return {
    feedback,
    conversations: new MemoryConversationStore({ ...limits, maxMemoryBytes: dl.maxMemoryBytes }),
    staffSessions: new MemoryStaffSessions(staff.sessionIdleMs),
    counters: new MemoryWindowCounters(),
    loginCounters: new MemoryWindowCounters(),
    close: async () => feedback.close(),
  };
}
