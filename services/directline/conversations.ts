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
 * The Direct Line conversations in memory, bounded in number (least recently used go first), in idle time and
 * in history length, so a flood of conversations cannot exhaust memory.
 */
export class ConversationStore {
  private readonly conversations: LRUCache<string, Conversation>;

  constructor(private readonly limits: ConversationLimits) {
    this.conversations = new LRUCache({ max: limits.maxConversations, ttl: limits.idleMs, updateAgeOnGet: true });
  }

  get size(): number {
    return this.conversations.size;
  }

  has(conversationId: string): boolean {
    return this.conversations.has(conversationId);
  }

  create(conversationId: string, userId: string): void {
    if (!this.conversations.has(conversationId)) this.conversations.set(conversationId, { activities: [], offset: 0, userId });
  }

  /** Appends an activity; returns false when the conversation is unknown or expired. */
  append(conversationId: string, activity: ChannelActivity): boolean {
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

  /** Activities after a watermark, and the new watermark; undefined when the conversation is unknown. */
  since(conversationId: string, watermark: number): { activities: ChannelActivity[]; watermark: number } | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    const start = Math.max(0, watermark - conversation.offset);
    return { activities: conversation.activities.slice(start), watermark: conversation.offset + conversation.activities.length };
  }
}
