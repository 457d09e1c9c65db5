import { timingSafeEqual } from 'node:crypto';
import cors from 'cors';
import type { Request, RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import helmet from 'helmet';
import type { WindowCounters } from '../../services/limits/counters.js';

/**
 * Security headers with a strict Content-Security-Policy for our pages: scripts only from our origin (no inline
 * script), no plugins, no framing by other sites. Styles allow 'unsafe-inline' because Web Chat injects its own.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    // The widget script and its strings are meant to be loaded by other sites' pages.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}

/** CORS for what an embedded widget calls: only the configured portal origins ('*' is for local development). */
export function widgetCors(allowedOrigins: readonly string[]): RequestHandler {
  return cors({
    origin: allowedOrigins.includes('*') ? true : [...allowedOrigins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization'],
    maxAge: 600,
  });
}

/**
 * With Bot Framework authentication off (local development, or our own Direct Line channel), nothing vouches for
 * an activity's serviceUrl, and the bot would post its replies to any address a caller names. So replies may only
 * go back in the response (deliveryMode expectReplies) or to our own channel's connector.
 */
export function replyTargetGuard(authEnabled: boolean, connectorUrl: () => string): RequestHandler {
  return (req, res, next) => {
    const { deliveryMode, serviceUrl } = req.body as { deliveryMode?: string; serviceUrl?: string };
    if (authEnabled || deliveryMode === 'expectReplies' || serviceUrl?.startsWith(`${connectorUrl()}`)) {
      next();
      return;
    }
    res.status(403).json({
      error: { code: 'Forbidden', message: 'Without authentication the bot replies only with deliveryMode "expectReplies" or through the local Direct Line channel.' },
    });
  };
}

const MINUTE_MS = 60_000;

/** express-rate-limit's store over our window counters, so that every instance sharing them counts together. */
function counterStore(counters: WindowCounters): Store {
  return {
    increment: async (key) => {
      const { hits, resetAt } = await counters.increment(key, MINUTE_MS);
      return { totalHits: hits, resetTime: resetAt };
    },
    decrement: (key) => counters.decrement(key),
    resetKey: (key) => counters.reset(key),
  };
}

/** A per-minute limit with a 429, `Retry-After` and the standard RateLimit headers, counted in `counters`. */
export function perMinuteLimit(counters: WindowCounters, limit: number, key: (req: Request) => string, name: string): RequestHandler {
  return rateLimit({
    windowMs: MINUTE_MS,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: counterStore(counters),
    keyGenerator: (req) => `rate:${name}:${key(req)}`,
    handler: (_req, res, _next, options) => {
      res.set('retry-after', String(Math.ceil(options.windowMs / 1000)));
      res.status(429).json({ error: { code: 'TooManyRequests', message: 'Too many requests; please slow down.' } });
    },
  });
}

/** Compares a secret a client sent with the expected one in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
