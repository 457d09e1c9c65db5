import { join } from 'node:path';
import type { Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { PostgresFeedbackStore } from './postgresStore.js';
import { SqliteFeedbackStore } from './sqliteStore.js';
import type { FeedbackStore } from './store.js';

/** The configured feedback store: DATABASE_URL's PostgreSQL when set (several instances), else SQLite in DATA_DIR. */
export async function openFeedbackStore(config: Config, log: Logger = createLogger(config.logLevel)): Promise<FeedbackStore> {
  if (config.databaseUrl) return PostgresFeedbackStore.open(config.databaseUrl, log);
  return new SqliteFeedbackStore(join(config.dataDir, 'assistant.db'));
}
