import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../services/logger.js';
import type { Metrics } from '../../services/observability/metrics.js';

/** A request id accepted from a proxy only if it looks like one; anything else is replaced. */
const REQUEST_ID = /^[\w-]{8,64}$/;

/**
 * Gives every request a correlation id (`x-request-id`, echoed back), logs one JSON line when it finishes —
 * method, route, status and duration; never bodies, query strings, cookies or authorization — and feeds the
 * latency histogram.
 */
export function requestLogging(log: Logger, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.set('x-request-id', requestId);
    res.locals.requestId = requestId;
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The matched route pattern keeps metric labels few (no conversation ids in them).
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      metrics.observeRequest(req.method, route, res.statusCode, seconds);
      log.info({ requestId, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 10_000) / 10 }, 'request');
    });
    next();
  };
}
