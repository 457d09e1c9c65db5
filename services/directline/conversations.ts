import { LRUCache } from 'lru-cache';

/** The activity shape the channel stores and serves; it is the Bot Framework activity, kept as plain JSON. */
export type ChannelActivity = Record<string, unknown> & { id: string };

interface Conversation {
  /** Activities kept, oldest first; `offset` is the watermark of the first one kept. */
  activities: ChannelActivity[];
  offset: number;
  userId: string;
}

export interface ConversationLimits {
  maxConversations: number;
  /** A conversation nobody touched for this long is dropped. */
  idleMs: number;
  /** Older activities are dropped past this many; watermarks stay valid. */
  maxActivities: number;
}

/**
 * Where Direct Line conversations live: in memory for one instance, in PostgreSQL when several instances share them.
 * Every implementation bounds the number of conversations, their idle time and their history length.
 */
export interface ConversationStore {
  has(conversationId: string): Promise<boolean>;
  create(conversationId: string, userId: string): Promise<void>;
  /** Appends an activity; resolves false when the conversation is unknown or expired. */
  append(conversationId: string, activity: ChannelActivity): Promise<boolean>;
  /** Activities after a watermark, and the new watermark; undefined when the conversation is unknown. */
  since(conversationId: string, watermark: number): Promise<{ activities: ChannelActivity[]; watermark: number } | undefined>;
}

/** The conversations in this process's memory: least recently used go first past the limit. */
export class MemoryConversationStore implements ConversationStore {
  private readonly conversations: LRUCache<string, Conversation>;

  constructor(private readonly limits: ConversationLimits) {
    this.conversations = new LRUCache({ max: limits.maxConversations, ttl: limits.idleMs, updateAgeOnGet: true });
  }

  get size(): number {
    return this.conversations.size;
  }

  async has(conversationId: string): Promise<boolean> {
    return this.conversations.has(conversationId);
  }

  async create(conversationId: string, userId: string): Promise<void> {
    if (!this.conversations.has(conversationId)) this.conversations.set(conversationId, { activities: [], offset: 0, userId });
  }

  async append(conversationId: string, activity: ChannelActivity): Promise<boolean> {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return false;
    conversation.activities.push(activity);
    const excess = conversation.activities.length - this.limits.maxActivities;
    if (excess > 0) {
      conversation.activities.splice(0, excess);
      conversation.offset += excess;
    }
    return true;
  }

  async since(conversationId: string, watermark: number): Promise<{ activities: ChannelActivity[]; watermark: number } | undefined> {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    const start = Math.max(0, watermark - conversation.offset);
    return { activities: conversation.activities.slice(start), watermark: conversation.offset + conversation.activities.length };
  }
}
