import { fileURLToPath } from 'node:url';
import cookieParser from 'cookie-parser';
import express, { type Express, type Router } from 'express';
import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../services/config.js';
import type { DirectLineChannel } from '../services/directline/channel.js';
import type { Localizer } from '../services/i18n.js';
import type { WindowCounters } from '../services/limits/counters.js';
import { isLang, LANGS, textDirection } from '../services/languages.js';
import type { Logger } from '../services/logger.js';
import type { LiveRetrieval } from '../services/liveRetrieval.js';
import type { Metrics } from '../services/observability/metrics.js';
import type { AssistantBot } from './assistantBot.js';
import { claimsOf, directLineRouter } from './directLineRoutes.js';
import { jsonErrorHandler } from './http/errors.js';
import { requestLogging } from './http/requestLog.js';
import { MINUTE_MS, replyTargetGuard, sameSecret, securityHeaders, unverifiedChannel, widgetCors, windowLimit, type WindowLimit } from './http/security.js';
import { IncomingActivity, limitJsonDepth, validateBody } from './http/validation.js';

export interface AppDependencies {
  adapter: CloudAdapter;
  bot: AssistantBot;
  channel: DirectLineChannel;
  localizer: Localizer;
  staff: Router;
  /** The rate limits' counters: shared by every instance when they live in PostgreSQL. */
  counters: WindowCounters;
  http: Config['http'];
  directLine: Config['directLine'];
  /** Bot Framework authentication is on (an app id is configured). */
  authEnabled: boolean;
  retrieval: LiveRetrieval;
  /** Bearer token for `POST /admin/reload`; without one the route does not exist. */
  adminToken: string | undefined;
  metrics: Metrics;
  log: Logger;
}

const fromProjectRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The HTTP surface. Routes only translate HTTP to calls; the logic lives in the bot and the services. */
export function createApp(deps: AppDependencies): Express {
  const { adapter, bot, channel, localizer, staff, counters, http, directLine, authEnabled, retrieval, adminToken, metrics, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', http.trustProxyHops);
  app.use(requestLogging(log, metrics));
  app.use(securityHeaders());
  app.use(express.json({ limit: http.maxBodyBytes }), limitJsonDepth(http.maxJsonDepth));

  const limit = (options: WindowLimit) => windowLimit(counters, options);
  const address = (req: express.Request) => req.ip ?? 'unknown';
  const perIp = limit({ name: 'ip', limit: http.ratePerIpPerMinute, windowMs: MINUTE_MS, key: address });
  const perIssuedConversation = (name: string, perMinute: number) =>
    limit({ name, limit: perMinute, windowMs: MINUTE_MS, key: (_req, res) => claimsOf(res).conversationId });

  app.post(
    '/api/messages',
    validateBody(IncomingActivity),
    replyTargetGuard(authEnabled),
    unverifiedChannel(authEnabled),
    // Without authentication any caller can name any conversation, so only its address counts; with it, the
    // channel service (Azure's) vouches for the conversation, and its many users share its few addresses.
    authEnabled
      ? limit({ name: 'conversation', limit: http.ratePerConversationPerMinute, windowMs: MINUTE_MS, key: (req) => (req.body as { conversation: { id: string } }).conversation.id })
      : perIp,
    async (req, res) => {
      await adapter.process(req, res, (context) => bot.run(context));
    },
  );
  app.use(['/v3/directline', '/api/i18n'], widgetCors(http.widgetOrigins));
  app.use('/api/i18n', perIp);
  app.use(
    directLineRouter(
      channel,
      {
        newConversation: [
          perIp,
          limit({ name: 'dl-tokens', limit: directLine.tokensPerIpPerMinute, windowMs: MINUTE_MS, key: address }),
          limit({ name: 'dl-conversations', limit: directLine.conversationsPerIp, windowMs: directLine.idleMs, key: address }),
        ],
        token: [perIp],
        post: [perIp, perIssuedConversation('conversation', http.ratePerConversationPerMinute)],
        // Not per address: fifty residents behind one office's address each poll every second or so.
        poll: [perIssuedConversation('dl-polls', directLine.pollsPerMinute)],
      },
      { log, maxMessageChars: http.maxMessageChars },
    ),
  );
  app.use('/staff/api', perIp);
  // The official Web Chat: our page, and Microsoft's prebuilt bundle from node_modules (no CDN).
  app.get('/webchat/webchat.js', (_req, res) => {
    res.sendFile(fromProjectRoot('node_modules/botframework-webchat/dist/webchat.js'));
  });
  app.use('/webchat', express.static(fromProjectRoot('web/webchat')));

  // The widget: its bundle, and its strings from the same i18next resources as the bot.
  app.get('/widget.js', (_req, res) => {
    res.sendFile(fromProjectRoot('web/dist/widget.js'), { headers: { 'cache-control': 'public, max-age=300' } });
  });
  app.get('/api/i18n/:lang', (req, res) => {
    const { lang } = req.params;
    if (!isLang(lang)) {
      res.status(404).json({ error: `unknown language; use one of ${LANGS.join(' ')}` });
      return;
    }
    const languages = LANGS.map((code) => ({ code, name: localizer.t(code, 'language.name'), dir: textDirection(code) }));
    res.set('cache-control', 'public, max-age=300').json({ lang, dir: textDirection(lang), languages, strings: localizer.bundle(lang) });
  });
  // The hotline staff console: its page, and its API (which requires a staff session).
  app.use(cookieParser(), staff);
  app.use('/staff', express.static(fromProjectRoot('web/staff')));
  // The demo "portal" page with the widget embedded.
  app.use('/', express.static(fromProjectRoot('web/demo')));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    res.json({ status: 'ready', ...retrieval.status });
  });
  if (adminToken) {
    // Reloads the knowledge base without downtime (as SIGHUP does): built aside, then swapped.
    app.post('/admin/reload', async (req, res) => {
      if (!sameSecret(req.get('authorization') ?? '', `Bearer ${adminToken}`)) {
        res.status(401).json({ error: { code: 'Unauthorized', message: 'A valid admin token is required.' } });
        return;
      }
      try {
        res.json({ status: 'reloaded', ...(await retrieval.reload()) });
      } catch (error) {
        res.status(422).json({ error: { code: 'ReloadFailed', message: (error as Error).message.slice(0, 4000) } });
      }
    });
  }
  app.use(jsonErrorHandler(log));
  return app;
}
