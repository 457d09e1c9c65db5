import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } from 'botbuilder';
import type { Config } from '../services/config.js';
import { openFeedbackStore } from '../services/feedback/open.js';
import { scheduleRetention } from '../services/feedback/retention.js';
import { createLocalizer } from '../services/i18n.js';
import { createLanguageSwitchDetector } from '../services/language/switch.js';
import type { Logger } from '../services/logger.js';
import { buildRetrieval } from '../services/startup.js';
import { AssistantBot } from './assistantBot.js';
import { Renderer } from './render.js';
import { DirectLineChannel } from '../services/directline/channel.js';
import { MemoryConversationStore } from '../services/directline/conversations.js';
import { TokenSigner } from '../services/directline/tokens.js';
import { createApp } from './server.js';
import { staffRouter } from './staffRoutes.js';

const BOT_ID = 'beijing-assistant';

/**
 * Wires the product from its configuration: knowledge and retrieval, the bot, the adapter and the HTTP app.
 * `index.ts` calls it to serve; tests call it to get the same app without a port.
 */
export async function composeApp(config: Config, log: Logger) {
  const retrieval = await buildRetrieval(config, log);
  const localizer = createLocalizer(config.localesDir);
  const feedback = await openFeedbackStore(config);
  const stopRetention = scheduleRetention(feedback, config.retentionDays, log);

  // With no MicrosoftAppId, authentication is off (local development); with one, every request must carry a valid token.
  const auth = new ConfigurationBotFrameworkAuthentication(config.botAuth);
  const adapter = new CloudAdapter(auth);
  const bot = new AssistantBot({
    assistant: retrieval.assistant,
    renderer: new Renderer(localizer),
    detectLanguageSwitch: createLanguageSwitchDetector(localizer),
    feedback,
    conversationState: new ConversationState(new MemoryStorage()),
    maxMessageChars: config.http.maxMessageChars,
    log,
  });
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, conversationId: context.activity.conversation?.id }, 'unhandled turn error');
  };

  const { directLine: dl } = config;
  const channel = new DirectLineChannel({
    store: new MemoryConversationStore({ maxConversations: dl.maxConversations, idleMs: dl.idleMs, maxActivities: dl.maxActivities }),
    signer: new TokenSigner(dl.secret, dl.tokenTtlSeconds),
    botId: BOT_ID,
    log,
  });

  const staff = staffRouter({ config: config.staff, assistant: retrieval.assistant, localizer, store: feedback, log });
  const app = createApp({ adapter, bot, channel, localizer, staff, http: config.http, log, status: () => retrieval.status });
  /** Stops background work and closes the store: for a graceful shutdown, after the server stopped. */
  const close = async () => {
    stopRetention();
    await feedback.close();
  };
  return { app, channel, retrieval, localizer, feedback, close };
}
