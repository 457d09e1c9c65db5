import express, { type Express } from 'express';

/** What the metrics page shows: one process's registry, or the cluster primary's sum over its workers. */
export interface MetricsSource {
  contentType: string;
  metrics(): Promise<string>;
}

/** A separate app for Prometheus, served on its own (loopback by default) port, so the public never sees it. */
export function createMetricsApp(source: MetricsSource): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', async (_req, res) => {
    res.set('content-type', source.contentType).send(await source.metrics());
  });
  return app;
}
