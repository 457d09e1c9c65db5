import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import { AggregatorRegistry } from 'prom-client';
import type { Config } from '../services/config.js';
import type { Logger } from '../services/logger.js';
import { composeApp } from './compose.js';
import { createMetricsApp } from './http/metrics.js';

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * One server process: builds the product, listens, and stops gracefully. Resolves, once it listens, to the lines
 * that tell a person where everything is.
 */
export async function serve(config: Config, log: Logger): Promise<string> {
  const { app, retrieval, metrics, close } = await composeApp(config, log);
  const server = createServer(app);
  const port = await listen(server, config.port, config.host);
  // A cluster worker's metrics are served by the primary, summed over all workers.
  // (Constructing an AggregatorRegistry is what makes a worker answer the primary's requests.)
  if (cluster.isWorker) {
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([metrics.registry]);
  }
  const metricsServer = config.metrics.enabled && cluster.isPrimary ? createServer(createMetricsApp(metrics.registry)) : undefined;
  const metricsPort = metricsServer ? await listen(metricsServer, config.metrics.port, config.metrics.host) : undefined;

  const origin = `http://${config.host}:${port}`;
  log.info({ ...retrieval.status }, 'ready');
  const banner = [
    '',
    `Beijing foreign residents' assistant is running (${retrieval.status.entries} knowledge entries, dense path ${retrieval.status.dense.state}).`,
    `  Demo portal with the widget:  ${origin}/`,
    `  Official Web Chat:            ${origin}/webchat?lang=en`,
    `  Hotline staff console:        ${origin}/staff/`,
    `  Bot endpoint:  ${origin}/api/messages`,
    `  Direct Line:   ${origin}/v3/directline`,
    `  Readiness:     ${origin}/readyz`,
    metricsPort ? `  Metrics:       http://${config.metrics.host}:${metricsPort}/metrics` : '',
    '',
  ].join('\n');

  // SIGHUP reloads the knowledge base without downtime: built aside, then swapped; a failed build keeps the old one.
  process.on('SIGHUP', () => {
    retrieval.reload().catch(() => undefined);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const forced = setTimeout(() => {
      log.warn('requests still running at the end of the grace period; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    forced.unref();
    metricsServer?.close();
    server.close(() => {
      void close().then(() => {
        log.info('stopped');
        process.exit(0);
      });
    });
    // Keep-alive connections with no request in flight would hold server.close() open.
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  return banner;
}
