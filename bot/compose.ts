import { ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } from 'botbuilder';
import type { Config } from '../services/config.js';
import { scheduleHousekeeping } from '../services/housekeeping.js';
import { createLocalizer } from '../services/i18n.js';
import { createLanguageSwitchDetector } from '../services/language/switch.js';
import type { Logger } from '../services/logger.js';
import { LiveRetrieval } from '../services/liveRetrieval.js';
import { Metrics } from '../services/observability/metrics.js';
import { vocabularyOf } from '../services/privacy/knowledgeVocabulary.js';
import { buildRetrieval, modelLoader, withDense } from '../services/startup.js';
import { AssistantAdapter } from './adapter.js';
import { AssistantBot } from './assistantBot.js';
import { Renderer } from './render.js';
import { DirectLineChannel } from '../services/directline/channel.js';
import { TokenSigner } from '../services/directline/tokens.js';
import { openStores } from '../services/stores.js';
import { PostgresStorage } from './postgresStorage.js';
import { createApp } from './server.js';
import { staffRouter } from './staffRoutes.js';

const BOT_ID = 'beijing-assistant';

/**
 * Wires the product from its configuration: knowledge and retrieval, the bot, the adapter and the HTTP app.
 * `index.ts` calls it to serve; tests call it to get the same app without a port.
 * With DATABASE_URL, everything kept between requests lives in that PostgreSQL (several instances); without, in
 * this process's memory and a SQLite file.
 */
export async function composeApp(config: Config, log: Logger) {
  const metrics = new Metrics();
  // The lexical path answers at once; the dense path is loaded or built in the background, then swapped in.
  const loadModel = modelLoader(config);
  const buildLexical = async () => {
    const built = await buildRetrieval(config, log);
    // Redacting a stored question needs the knowledge base's vocabulary (about 1.5 s of segmenting, in time slices).
    // Built now, so the first unanswered question does not wait for it, nor, under load, for much longer.
    vocabularyOf(built.kb).catch((error: unknown) => log.error({ err: error }, 'redaction vocabulary could not be built'));
    return built;
  };
  const retrieval = new LiveRetrieval(
    await buildLexical(),
    { lexical: buildLexical, dense: (base) => withDense(config, log, base, loadModel) },
    log,
    (status) => metrics.setRetrievalStatus(status),
  );
  metrics.observeEmbeddingCache(() => retrieval.assistant.embeddingCache);
  const localizer = createLocalizer(config.localesDir);
  const stores = await openStores(config, log);
  const { feedback } = stores;
  const stopHousekeeping = scheduleHousekeeping(stores, config.retentionDays, log);

  // With no MicrosoftAppId, authentication is off (local development); with one, every request must carry a valid token.
  const auth = new ConfigurationBotFrameworkAuthentication(config.botAuth);
  const adapter = new AssistantAdapter(auth, config.botAuth.MicrosoftAppId);
  const bot = new AssistantBot({
    retrieval,
    metrics,
    renderer: new Renderer(localizer),
    detectLanguageSwitch: createLanguageSwitchDetector(localizer),
    feedback,
    conversationState: new ConversationState(stores.database ? new PostgresStorage(stores.database, config.conversationStateTtlMs) : new MemoryStorage()),
    maxMessageChars: config.http.maxMessageChars,
    contextIdleMs: config.conversationContextIdleMs,
    log,
  });
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, conversationId: context.activity.conversation?.id }, 'unhandled turn error');
  };

  const channel = new DirectLineChannel({
    store: stores.conversations,
    signer: new TokenSigner(config.directLine.secret, config.directLine.tokenTtlSeconds),
    runTurn: (activity) => adapter.runLocalTurn(activity, (context) => bot.run(context)),
    botId: BOT_ID,
    log,
  });

  const staff = staffRouter({ config: config.staff, retrieval, localizer, store: feedback, sessions: stores.staffSessions, counters: stores.loginCounters, log });
  const app = createApp({ adapter, bot, channel, localizer, staff, counters: stores.counters, http: config.http, directLine: config.directLine, authEnabled: config.botAuth.MicrosoftAppId !== '', retrieval, adminToken: config.adminToken, metrics, log });
  /** Stops background work and closes the stores: for a graceful shutdown, after the server stopped. */
  const close = async () => {
    stopHousekeeping();
    await stores.close();
  };
  return { app, channel, retrieval, metrics, localizer, feedback, close };
}
