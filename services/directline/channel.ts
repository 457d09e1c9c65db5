import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { ChannelActivity, ConversationStore } from './conversations.js';
import { TokenSigner, type IssuedToken, type TokenClaims } from './tokens.js';

export const CHANNEL_ID = 'directline';

export class BotUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BotUnavailableError';
  }
}

export interface DirectLineOptions {
  store: ConversationStore;
  signer: TokenSigner;
  /** Secret path segment of the connector endpoint: only the bot, which receives it as serviceUrl, can post replies. */
  connectorKey: string;
  botId: string;
  log: Logger;
}

export interface StartedConversation extends IssuedToken {
  conversationId: string;
}

/**
 * A local Direct Line 3.0 channel, as Azure's would be: it keeps conversations, delivers the user's activities to
 * the bot by POSTing them to /api/messages, and stores what the bot sends back to its connector endpoint.
 * The bot sees these activities exactly as from any Bot Framework channel.
 */
export class DirectLineChannel {
  private origin = '';

  constructor(private readonly options: DirectLineOptions) {}

  /** Called once the server listens: where the bot endpoint and the connector are, on loopback. */
  listenOn(origin: string): void {
    this.origin = origin;
  }

  get connectorKey(): string {
    return this.options.connectorKey;
  }

  get serviceUrl(): string {
    return `${this.origin}/v3/connector/${this.connectorKey}`;
  }

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
      await this.deliver(claims.conversationId, {
        type: 'conversationUpdate',
        locale: claims.locale,
        membersAdded: [{ id: claims.userId }],
        from: { id: claims.userId, role: 'user' },
      });
    }
    return this.refreshToken(claims);
  }

  /** Stores the user's activity (with Web Chat's clientActivityID echoed back) and delivers it to the bot. */
  async postUserActivity(claims: TokenClaims, activity: Record<string, unknown>): Promise<string> {
    const { store } = this.options;
    if (!(await store.has(claims.conversationId))) await store.create(claims.conversationId, claims.userId);
    // The user cannot choose how the bot replies: the channel stores the replies it receives at its connector.
    const { deliveryMode: _ignored, ...rest } = activity;
    const sender = activity.from as { id?: string } | undefined;
    const from = { ...sender, id: sender?.id ?? claims.userId, role: 'user' };
    return this.deliver(claims.conversationId, { ...rest, from });
  }

  /** What the bot posted back to the connector endpoint; undefined when the conversation is gone. */
  async receiveFromBot(conversationId: string, activity: Record<string, unknown>): Promise<string | undefined> {
    const id = randomUUID();
    const stored: ChannelActivity = {
      ...activity,
      id,
      timestamp: new Date().toISOString(),
      from: { ...(activity.from as Record<string, unknown> | undefined), id: this.options.botId, role: 'bot' },
    };
    return (await this.options.store.append(conversationId, stored)) ? id : undefined;
  }

  async activitiesSince(conversationId: string, watermark: number) {
    const page = await this.options.store.since(conversationId, watermark);
    // serviceUrl is the connector's secret address: it never leaves the server.
    return page && { ...page, activities: page.activities.map(({ serviceUrl: _hidden, ...rest }) => ({ ...rest }) as ChannelActivity) };
  }

  private async deliver(conversationId: string, activity: Record<string, unknown>): Promise<string> {
    const id = randomUUID();
    const full: ChannelActivity = {
      ...activity,
      id,
      channelId: CHANNEL_ID,
      serviceUrl: this.serviceUrl,
      timestamp: new Date().toISOString(),
      conversation: { id: conversationId },
      recipient: { id: this.options.botId, role: 'bot' },
    };
    if (full.type === 'message') await this.options.store.append(conversationId, full);
    let response: Response;
    try {
      response = await fetch(`${this.origin}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(full),
      });
    } catch (error) {
      throw new BotUnavailableError('the bot could not be reached', { cause: error });
    }
    if (!response.ok) throw new BotUnavailableError(`the bot answered ${response.status}`);
    return id;
  }
}
