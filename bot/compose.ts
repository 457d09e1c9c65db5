import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } from 'botbuilder';
import { Redis } from 'ioredis';
import type { Config } from '../services/config.js';
import { openFeedbackStore } from '../services/feedback/open.js';
import { scheduleRetention } from '../services/feedback/retention.js';
import { createLocalizer } from '../services/i18n.js';
import { createLanguageSwitchDetector } from '../services/language/switch.js';
import type { Logger } from '../services/logger.js';
import { LiveRetrieval } from '../services/liveRetrieval.js';
import { Metrics } from '../services/observability/metrics.js';
import { buildRetrieval, modelLoader, withDense } from '../services/startup.js';
import { AssistantBot } from './assistantBot.js';
import { Renderer } from './render.js';
import { DirectLineChannel } from '../services/directline/channel.js';
import { MemoryConversationStore } from '../services/directline/conversations.js';
import { RedisConversationStore } from '../services/directline/redisConversationStore.js';
import { TokenSigner } from '../services/directline/tokens.js';
import { RedisStorage } from './redisStorage.js';
import { createApp } from './server.js';
import { staffRouter } from './staffRoutes.js';

const BOT_ID = 'beijing-assistant';

/** The Redis every instance shares. It connects now, so an unreachable REDIS_URL stops the start-up. */
async function connectRedis(url: string, log: Logger): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true });
  // Later outages are retried by ioredis itself; without a listener each attempt would be an unhandled error event.
  redis.on('error', (error) => log.warn({ err: error }, 'redis connection error'));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  return redis;
}

/**
 * Wires the product from its configuration: knowledge and retrieval, the bot, the adapter and the HTTP app.
 * `index.ts` calls it to serve; tests call it to get the same app without a port.
 * With REDIS_URL, conversation state and Direct Line conversations live in Redis (several instances); without,
 * in this process's memory.
 */
export async function composeApp(config: Config, log: Logger) {
  const metrics = new Metrics();
  // The lexical path answers at once; the dense path is loaded or built in the background, then swapped in.
  const loadModel = modelLoader(config);
  const retrieval = new LiveRetrieval(
    await buildRetrieval(config, log),
    { lexical: () => buildRetrieval(config, log), dense: (base) => withDense(config, log, base, loadModel) },
    log,
    (status) => metrics.setRetrievalStatus(status),
  );
  metrics.observeEmbeddingCache(() => retrieval.assistant.embeddingCache);
  const localizer = createLocalizer(config.localesDir);
  const feedback = await openFeedbackStore(config, log);
  const redis = config.redis.url ? await connectRedis(config.redis.url, log) : undefined;
  const stopRetention = scheduleRetention(feedback, config.retentionDays, log);

  // With no MicrosoftAppId, authentication is off (local development); with one, every request must carry a valid token.
  const auth = new ConfigurationBotFrameworkAuthentication(config.botAuth);
  const adapter = new CloudAdapter(auth);
  const bot = new AssistantBot({
    retrieval,
    metrics,
    renderer: new Renderer(localizer),
    detectLanguageSwitch: createLanguageSwitchDetector(localizer),
    feedback,
    conversationState: new ConversationState(redis ? new RedisStorage(redis, config.redis.keyPrefix, config.redis.stateTtlMs) : new MemoryStorage()),
    maxMessageChars: config.http.maxMessageChars,
    log,
  });
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, conversationId: context.activity.conversation?.id }, 'unhandled turn error');
  };

  const { directLine: dl } = config;
  const limits = { maxConversations: dl.maxConversations, idleMs: dl.idleMs, maxActivities: dl.maxActivities };
  const channel = new DirectLineChannel({
    store: redis ? new RedisConversationStore(redis, config.redis.keyPrefix, limits) : new MemoryConversationStore(limits),
    signer: new TokenSigner(dl.secret, dl.tokenTtlSeconds),
    botId: BOT_ID,
    log,
  });

  const staff = staffRouter({ config: config.staff, retrieval, localizer, store: feedback, log });
  const app = createApp({ adapter, bot, channel, localizer, staff, http: config.http, authEnabled: config.botAuth.MicrosoftAppId !== '', retrieval, adminToken: config.adminToken, metrics, log });
  /** Stops background work and closes the store and Redis: for a graceful shutdown, after the server stopped. */
  const close = async () => {
    stopRetention();
    await feedback.close();
    await redis?.quit();
  };
  return { app, channel, retrieval, metrics, localizer, feedback, close };
}
