import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { ActivityPage, ChannelActivity, ConversationStore } from './conversations.js';
import { TokenSigner, type IssuedToken, type TokenClaims } from './tokens.js';

export const CHANNEL_ID = 'directline';

/**
 * The address the bot's activities name as their channel's service. The bot never posts to it: its turns run in
 * process with the replies returned (`BotTurn`). `.invalid` never resolves, so nothing could reach it by mistake.
 */
const LOCAL_SERVICE_URL = 'https://directline.invalid/';

export class BotUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BotUnavailableError';
  }
}

/** Runs the bot's turn for an activity in this process and resolves with the replies the bot sent in it. */
export type BotTurn = (activity: ChannelActivity) => Promise<Record<string, unknown>[]>;

/** What a client may post: `bot/http/validation.ts` checks it and drops anything else before the channel sees it. */
export interface UserActivity {
  type: 'message' | 'typing' | 'event';
  name?: string;
  text?: string;
  textFormat?: string;
  locale?: string;
  from?: { id: string; name?: string };
  channelData?: Record<string, unknown>;
  value?: unknown;
}

export interface DirectLineOptions {
  store: ConversationStore;
  signer: TokenSigner;
  runTurn: BotTurn;
  botId: string;
  log: Logger;
}

export interface StartedConversation extends IssuedToken {
  conversationId: string;
}

/**
 * A local Direct Line 3.0 channel, as Azure's would be: it keeps conversations, hands the user's activities to the
 * bot and stores the bot's replies for the client to poll. The bot sees these activities exactly as from any Bot
 * Framework channel. The turn runs in process rather than over HTTP, so it needs no token when Bot Framework
 * authentication is on, and the bot never posts to an address taken from a request.
 */
export class DirectLineChannel {
  constructor(private readonly options: DirectLineOptions) {}

  verify(token: string | undefined): TokenClaims | undefined {
    return this.options.signer.verify(token);
  }

  /** A token for a new conversation, as `POST /tokens/generate` returns it. */
  generateToken(locale?: string): StartedConversation {
    const conversationId = randomUUID();
    return { conversationId, ...this.options.signer.issue(conversationId, `dl_${randomUUID()}`, locale) };
  }

  refreshToken(claims: TokenClaims): StartedConversation {
    return { conversationId: claims.conversationId, ...this.options.signer.issue(claims.conversationId, claims.userId, claims.locale) };
  }

  /** Opens the token's conversation (once) and tells the bot the user joined, so its welcome fires. */
  async startConversation(claims: TokenClaims): Promise<StartedConversation> {
    const { store } = this.options;
    if (!(await store.has(claims.conversationId))) {
      await store.create(claims.conversationId, claims.userId);
      await this.deliver(claims, {
        type: 'conversationUpdate',
        locale: claims.locale,
        membersAdded: [{ id: claims.userId }],
      });
    }
    return this.refreshToken(claims);
  }

  /** Stores the user's message (with Web Chat's clientActivityID echoed back), and stores the bot's replies. */
  async postUserActivity(claims: TokenClaims, activity: UserActivity): Promise<string> {
    const { store } = this.options;
    if (!(await store.has(claims.conversationId))) await store.create(claims.conversationId, claims.userId);
    return this.deliver(claims, { ...activity });
  }

  async activitiesSince(conversationId: string, watermark: number): Promise<ActivityPage | undefined> {
    return this.options.store.since(conversationId, watermark);
  }

  private async deliver(claims: TokenClaims, activity: Record<string, unknown>): Promise<string> {
    const { store, botId, runTurn } = this.options;
    const { conversationId } = claims;
    const id = randomUUID();
    const sender = activity.from as { id?: string; name?: string } | undefined;
    const full: ChannelActivity = {
      ...activity,
      id,
      channelId: CHANNEL_ID,
      timestamp: new Date().toISOString(),
      conversation: { id: conversationId },
      from: { ...sender, id: sender?.id ?? claims.userId, role: 'user' },
      recipient: { id: botId, role: 'bot' },
    };
    if (full.type === 'message') await store.append(conversationId, full);
    let replies: Record<string, unknown>[];
    try {
      replies = await runTurn({ ...full, serviceUrl: LOCAL_SERVICE_URL });
    } catch (error) {
      throw new BotUnavailableError('the bot could not take the activity', { cause: error });
    }
    for (const reply of replies) {
      // The service address stays on the server; the channel numbers and dates the replies as it stores them.
      const { serviceUrl: _hidden, ...shown } = reply;
      await store.append(conversationId, {
        ...shown,
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        from: { ...(reply.from as Record<string, unknown> | undefined), id: botId, role: 'bot' },
      });
    }
    return id;
  }
}
