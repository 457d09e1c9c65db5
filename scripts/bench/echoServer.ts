/**
 * The ceiling: a bot that only echoes, on the same botbuilder CloudAdapter + Express stack as the product.
 * `npm run bench` compares the assistant's throughput with this one's.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import express from 'express';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(context.activity.text ?? '');
  await next();
});
const app = express();
app.use(express.json());
app.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`Bot endpoint:  http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/messages`);
});
