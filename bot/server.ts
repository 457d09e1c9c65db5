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
import { directLineRouter } from './directLineRoutes.js';
import { jsonErrorHandler } from './http/errors.js';
import { requestLogging } from './http/requestLog.js';
import { perMinuteLimit, replyTargetGuard, sameSecret, securityHeaders, widgetCors } from './http/security.js';
import { DirectLineUserActivity, IncomingActivity, limitJsonDepth, validateBody } from './http/validation.js';

export interface AppDependencies {
  adapter: CloudAdapter;
  bot: AssistantBot;
  channel: DirectLineChannel;
  localizer: Localizer;
  staff: Router;
  /** The rate limits' counters: shared by every instance when they live in PostgreSQL. */
  counters: WindowCounters;
  http: Config['http'];
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
  const { adapter, bot, channel, localizer, staff, counters, http, authEnabled, retrieval, adminToken, metrics, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', http.trustProxyHops);
  app.use(requestLogging(log, metrics));
  app.use(securityHeaders());
  app.use(express.json({ limit: http.maxBodyBytes }), limitJsonDepth(http.maxJsonDepth));

  const perIp = perMinuteLimit(counters, http.ratePerIpPerMinute, (req) => req.ip ?? 'unknown', 'ip');
  const perConversation = (conversationOf: (req: express.Request) => unknown) =>
    perMinuteLimit(counters, http.ratePerConversationPerMinute, (req) => String(conversationOf(req) ?? 'unknown'), 'conversation');

  app.post(
    '/api/messages',
    validateBody(IncomingActivity),
    replyTargetGuard(authEnabled, () => channel.serviceUrl),
    perConversation((req) => (req.body as { conversation?: { id?: string } }).conversation?.id),
    async (req, res) => {
      await adapter.process(req, res, (context) => bot.run(context));
    },
  );
  app.use(['/v3/directline', '/api/i18n'], widgetCors(http.widgetOrigins), perIp);
  app.post(
    '/v3/directline/conversations/:conversationId/activities',
    perConversation((req) => req.params.conversationId),
    validateBody(DirectLineUserActivity),
  );
  app.use('/staff/api', perIp);
  app.use(directLineRouter(channel, log));
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
