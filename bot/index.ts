/**
 * The composition root: read the configuration, then serve, in this process or, with WEB_CONCURRENCY > 1, in that
 * many cluster workers sharing the port. Prints where everything is.
 */
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { AggregatorRegistry } from 'prom-client';
import { ConfigError, loadConfig, type Config } from '../services/config.js';
import { createLogger } from '../services/logger.js';
import { runPrimary } from './cluster.js';
import { createMetricsApp } from './http/metrics.js';
import { listen, serve } from './serve.js';

let config: Config;
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

if (config.workers > 1 && cluster.isPrimary) {
  runPrimary(config, log);
  let metricsLine = '';
  if (config.metrics.enabled) {
    const aggregator = new AggregatorRegistry();
    const app = createMetricsApp({ contentType: aggregator.contentType, metrics: () => aggregator.clusterMetrics() });
    const metricsPort = await listen(createServer(app), config.metrics.port, config.metrics.host);
    metricsLine = `  Metrics:       http://${config.metrics.host}:${metricsPort}/metrics (all workers)\n`;
  }
  // Every worker says where it listens; a person needs to read that once.
  let printed = false;
  cluster.on('message', (_worker, message: { banner?: string }) => {
    if (printed || !message.banner) return;
    printed = true;
    console.log(`${message.banner.trimEnd()}\n  Workers:       ${config.workers} (WEB_CONCURRENCY)\n${metricsLine}`);
  });
} else {
  const banner = await serve(config, log);
  if (cluster.isWorker) process.send!({ banner });
  else console.log(banner);
}
