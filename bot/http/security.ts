import { timingSafeEqual } from 'node:crypto';
import cors from 'cors';
import type { Request, RequestHandler, Response } from 'express';
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
 * With Bot Framework authentication off (local development, or tests), nothing vouches for an activity's
 * serviceUrl, and the bot would post its replies to any address a caller names. So replies may only go back in the
 * response (deliveryMode expectReplies). Our own Direct Line channel does not come this way: its turns run in process.
 */
export function replyTargetGuard(authEnabled: boolean): RequestHandler {
  return (req, res, next) => {
    if (authEnabled || (req.body as { deliveryMode?: string }).deliveryMode === 'expectReplies') {
      next();
      return;
    }
    res.status(403).json({ error: { code: 'Forbidden', message: 'Without authentication the bot replies only with deliveryMode "expectReplies".' } });
  };
}

const UNAUTHENTICATED_CHANNEL = 'unauthenticated';

/**
 * Without authentication, the channel an activity names is only the caller's word: it becomes "unauthenticated",
 * so that feedback is never filed under a real channel's name, and no caller reaches the conversation state of our
 * Direct Line channel's conversations (state is keyed by channel and conversation).
 */
export function unverifiedChannel(authEnabled: boolean): RequestHandler {
  return (req, _res, next) => {
    if (!authEnabled) (req.body as { channelId: string }).channelId = UNAUTHENTICATED_CHANNEL;
    next();
  };
}


/** express-rate-limit's store over our window counters, so that every instance sharing them counts together. */
function counterStore(counters: WindowCounters, windowMs: number): Store {
  return {
    increment: async (key) => {
      const { hits, resetAt } = await counters.increment(key, windowMs);
      return { totalHits: hits, resetTime: resetAt };
    },
    decrement: (key) => counters.decrement(key),
    resetKey: (key) => counters.reset(key),
  };
}

export interface WindowLimit {
  /** Names the limit in its counters' keys. */
  name: string;
  limit: number;
  windowMs: number;
  /** Whose requests count together: an address, or a conversation the server issued. */
  key: (req: Request, res: Response) => string;
}

/** A limit per window with a 429, `Retry-After` and the standard RateLimit headers, counted in `counters`. */
export function windowLimit(counters: WindowCounters, { name, limit, windowMs, key }: WindowLimit): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: counterStore(counters, windowMs),
    keyGenerator: (req, res) => `rate:${name}:${key(req, res)}`,
    handler: (_req, res) => {
      res.set('retry-after', String(Math.ceil(windowMs / 1000)));
      res.status(429).json({ error: { code: 'TooManyRequests', message: 'Too many requests; please slow down.' } });
    },
  });
}

export const MINUTE_MS = 60_000;

/** Compares a secret a client sent with the expected one in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
