import express, { type Express } from 'express';
import type { Metrics } from '../../services/observability/metrics.js';

/** A separate app for Prometheus, served on its own (loopback by default) port, so the public never sees it. */
export function createMetricsApp(metrics: Metrics): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', async (_req, res) => {
    res.set('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return app;
}
