import express, { type Express } from 'express';
import type { CloudAdapter } from 'botbuilder';
import type { RetrievalStatus } from '../services/startup.js';
import type { AssistantBot } from './assistantBot.js';

export interface AppDependencies {
  adapter: CloudAdapter;
  bot: AssistantBot;
  status: () => RetrievalStatus;
}

/** The HTTP surface. Routes only translate HTTP to calls; the logic lives in the bot and the services. */
export function createApp({ adapter, bot, status }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '64kb' }));

  app.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    res.json({ status: 'ready', ...status() });
  });
  return app;
}
