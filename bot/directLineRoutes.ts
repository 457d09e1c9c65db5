import { Router, type Request, type Response } from 'express';
import { BotUnavailableError, type DirectLineChannel } from '../services/directline/channel.js';
import type { TokenClaims } from '../services/directline/tokens.js';
import type { Logger } from '../services/logger.js';

function bearer(req: Request): string | undefined {
  const header = req.get('authorization') ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function tokenBody(started: { conversationId: string; token: string; expiresIn: number }) {
  return { conversationId: started.conversationId, token: started.token, expires_in: started.expiresIn };
}

/**
 * The HTTP face of the local Direct Line 3.0 channel (the subset Web Chat uses when polling), and the connector
 * endpoint the bot replies to. Each route checks the token, then calls the channel.
 */
export function directLineRouter(channel: DirectLineChannel, log: Logger): Router {
  const router = Router();

  /** The token's claims, or a 403 when it is missing, forged, expired or for another conversation. */
  const authorize = (req: Request, res: Response, conversationId?: string): TokenClaims | undefined => {
    const claims = channel.verify(bearer(req));
    if (!claims || (conversationId !== undefined && claims.conversationId !== conversationId)) {
      res.status(403).json({ error: { code: 'BadArgument', message: 'Invalid or expired token for this conversation.' } });
      return undefined;
    }
    return claims;
  };

  const botFailure = (res: Response, error: unknown) => {
    if (!(error instanceof BotUnavailableError)) throw error;
    log.error({ err: error }, 'direct line could not deliver an activity to the bot');
    res.status(502).json({ error: { code: 'BotError', message: 'The bot is not available right now.' } });
  };

  router.post('/v3/directline/tokens/generate', (req, res) => {
    const locale = (req.body as { locale?: unknown } | undefined)?.locale;
    res.json(tokenBody(channel.generateToken(typeof locale === 'string' && /^[a-zA-Z-]{2,16}$/.test(locale) ? locale : undefined)));
  });

  router.post('/v3/directline/tokens/refresh', (req, res) => {
    const claims = authorize(req, res);
    if (claims) res.json(tokenBody(channel.refreshToken(claims)));
  });

  router.post('/v3/directline/conversations', async (req, res) => {
    const claims = authorize(req, res);
    if (!claims) return;
    try {
      res.status(201).json(tokenBody(await channel.startConversation(claims)));
    } catch (error) {
      botFailure(res, error);
    }
  });

  router.get('/v3/directline/conversations/:conversationId/activities', async (req, res) => {
    const claims = authorize(req, res, req.params.conversationId);
    if (!claims) return;
    const watermark = Number.parseInt(String(req.query.watermark ?? '0'), 10);
    const page = await channel.activitiesSince(claims.conversationId, Number.isFinite(watermark) && watermark >= 0 ? watermark : 0);
    if (!page) {
      res.status(404).json({ error: { code: 'BadArgument', message: 'Conversation not found or expired.' } });
      return;
    }
    res.json({ activities: page.activities, watermark: String(page.watermark) });
  });

  router.post('/v3/directline/conversations/:conversationId/activities', async (req, res) => {
    const claims = authorize(req, res, req.params.conversationId);
    if (!claims) return;
    try {
      res.json({ id: await channel.postUserActivity(claims, req.body as Record<string, unknown>) });
    } catch (error) {
      botFailure(res, error);
    }
  });

  // The connector: where the bot's replies arrive (serviceUrl + /v3/conversations/...).
  const receive = async (req: Request, res: Response) => {
    if (req.params.key !== channel.connectorKey) {
      res.status(404).end();
      return;
    }
    const id = await channel.receiveFromBot(String(req.params.conversationId), req.body as Record<string, unknown>);
    if (id) res.json({ id });
    else res.status(404).json({ error: { code: 'BadArgument', message: 'Conversation not found or expired.' } });
  };
  router.post('/v3/connector/:key/v3/conversations/:conversationId/activities', receive);
  router.post('/v3/connector/:key/v3/conversations/:conversationId/activities/:replyToId', receive);

  return router;
}
