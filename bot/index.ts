/** The composition root: read the configuration, build the product, serve it, print where. */
import { ConfigError, loadConfig } from '../services/config.js';
import { createLogger } from '../services/logger.js';
import { composeApp } from './compose.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const log = createLogger(config.logLevel);
const { app, channel, retrieval, close } = await composeApp(config, log);
const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const origin = `http://${config.host}:${port}`;
  channel.listenOn(`http://127.0.0.1:${port}`);
  log.info({ ...retrieval.status }, 'ready');
  console.log(
    [
      '',
      `Beijing foreign residents' assistant is running (${retrieval.status.entries} knowledge entries, dense path ${retrieval.status.dense.state}).`,
      `  Bot endpoint:  ${origin}/api/messages`,
      `  Direct Line:   ${origin}/v3/directline`,
      `  Readiness:     ${origin}/readyz`,
      '',
    ].join('\n'),
  );
});

const shutdown = () => {
  log.info('shutting down');
  server.close(() => {
    void close().then(() => process.exit(0));
  });
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
