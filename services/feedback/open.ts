import { join } from 'node:path';
import type { Config } from '../config.js';
import { SqliteFeedbackStore } from './sqliteStore.js';
import type { FeedbackStore } from './store.js';

/** The configured feedback store: SQLite in DATA_DIR by default. */
export async function openFeedbackStore(config: Config): Promise<FeedbackStore> {
  return new SqliteFeedbackStore(join(config.dataDir, 'assistant.db'));
}
