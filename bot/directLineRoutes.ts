import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { BotUnavailableError, type DirectLineChannel, type UserActivity } from '../services/directline/channel.js';
import type { TokenClaims } from '../services/directline/tokens.js';
import type { Logger } from '../services/logger.js';
import { directLineUserActivity, validateBody } from './http/validation.js';

function bearer(req: Request): string | undefined {
  const header = req.get('authorization') ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function tokenBody(started: { conversationId: string; token: string; expiresIn: number }) {
  return { conversationId: started.conversationId, token: started.token, expires_in: started.expiresIn };
}

/** The limits on the channel's routes; those after the token check may key on `claimsOf(res)`. */
export interface DirectLineLimits {
  /** Issuing a token starts a conversation: limited per address. */
  newConversation: RequestHandler[];
  /** Posting an activity. */
  post: RequestHandler[];
  /** Polling for activities. */
  poll: RequestHandler[];
  /** Refreshing a token, or opening its conversation. */
  token: RequestHandler[];
}

/** The verified token's claims, once `authorize` has run for the request. */
export const claimsOf = (res: Response): TokenClaims => res.locals.claims as TokenClaims;

/**
 * The HTTP face of the local Direct Line 3.0 channel: the subset Web Chat and our widget use when polling. Each
 * route checks the token first, so the limits after it count per conversation the server issued, then calls the
 * channel.
 */
export function directLineRouter(
  channel: DirectLineChannel,
  limits: DirectLineLimits,
  { log, maxMessageChars }: { log: Logger; maxMessageChars: number },
): Router {
  const router = Router();

  /** Checks the token (and, on a conversation's routes, that it is that conversation's); 403 otherwise. */
  const authorize = (req: Request, res: Response, next: NextFunction) => {
    const claims = channel.verify(bearer(req));
    const { conversationId } = req.params as { conversationId?: string };
    if (!claims || (conversationId !== undefined && claims.conversationId !== conversationId)) {
      res.status(403).json({ error: { code: 'BadArgument', message: 'Invalid or expired token for this conversation.' } });
      return;
    }
    res.locals.claims = claims;
    next();
  };

  const botFailure = (res: Response, error: unknown) => {
    if (!(error instanceof BotUnavailableError)) throw error;
    log.error({ err: error }, 'direct line could not deliver an activity to the bot');
    res.status(502).json({ error: { code: 'BotError', message: 'The bot is not available right now.' } });
  };

  router.post('/v3/directline/tokens/generate', ...limits.newConversation, (req, res) => {
    const locale = (req.body as { locale?: unknown } | undefined)?.locale;
    res.json(tokenBody(channel.generateToken(typeof locale === 'string' && /^[a-zA-Z-]{2,16}$/.test(locale) ? locale : undefined)));
  });

  router.post('/v3/directline/tokens/refresh', ...limits.token, authorize, (_req, res) => {
    res.json(tokenBody(channel.refreshToken(claimsOf(res))));
  });

  router.post('/v3/directline/conversations', ...limits.token, authorize, async (_req, res) => {
    try {
      res.status(201).json(tokenBody(await channel.startConversation(claimsOf(res))));
    } catch (error) {
      botFailure(res, error);
    }
  });

  router.get('/v3/directline/conversations/:conversationId/activities', authorize, ...limits.poll, async (req, res) => {
    const watermark = Number.parseInt(String(req.query.watermark ?? '0'), 10);
    const page = await channel.activitiesSince(claimsOf(res).conversationId, Number.isFinite(watermark) && watermark >= 0 ? watermark : 0);
    if (!page) {
      res.status(404).json({ error: { code: 'BadArgument', message: 'Conversation not found or expired.' } });
      return;
    }
    res.json({ activities: page.activities, watermark: String(page.watermark) });
  });

  router.post(
    '/v3/directline/conversations/:conversationId/activities',
    authorize,
    ...limits.post,
    validateBody(directLineUserActivity(maxMessageChars)),
    async (req, res) => {
      try {
        res.json({ id: await channel.postUserActivity(claimsOf(res), req.body as UserActivity) });
      } catch (error) {
        botFailure(res, error);
      }
    },
  );

  return router;
}
