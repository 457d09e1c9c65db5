import { LRUCache } from 'lru-cache';

/** The activity shape the channel stores and serves; it is the Bot Framework activity, kept as plain JSON. */
export type ChannelActivity = Record<string, unknown> & { id: string };

export interface ConversationLimits {
  maxConversations: number;
  /** A conversation nobody touched for this long is dropped. */
  idleMs: number;
  /** Older activities are dropped past this many; watermarks stay valid. */
  maxActivities: number;
  /** Older activities are dropped once a conversation's activities exceed this many bytes of JSON. */
  maxConversationBytes: number;
}

export interface ActivityPage {
  activities: ChannelActivity[];
  watermark: number;
}

/**
 * Where Direct Line conversations live: in memory for one instance, in PostgreSQL when several instances share them.
 * Every implementation bounds the number of conversations, their idle time and their history's length and size.
 */
export interface ConversationStore {
  has(conversationId: string): Promise<boolean>;
  create(conversationId: string, userId: string): Promise<void>;
  /** Appends an activity; resolves false when the conversation is unknown or expired. */
  append(conversationId: string, activity: ChannelActivity): Promise<boolean>;
  /** Activities after a watermark, and the new watermark; undefined when the conversation is unknown. */
  since(conversationId: string, watermark: number): Promise<ActivityPage | undefined>;
}

interface Conversation {
  /** Activities kept as JSON, oldest first, so their size is known exactly; `offset` is the first one's watermark. */
  activities: string[];
  offset: number;
  bytes: number;
  userId: string;
}

/** What an empty conversation costs, roughly, so that a flood of empty ones also counts against the memory budget. */
const CONVERSATION_OVERHEAD_BYTES = 256;

/**
 * The conversations in this process's memory. Past `maxConversations`, or past `maxMemoryBytes` of stored JSON in
 * all, the least recently used go first; within one, the oldest activities go first past its limits.
 */
export class MemoryConversationStore implements ConversationStore {
  private readonly conversations: LRUCache<string, Conversation>;

  constructor(
    private readonly limits: ConversationLimits & { maxMemoryBytes: number },
  ) {
    this.conversations = new LRUCache({
      max: limits.maxConversations,
      ttl: limits.idleMs,
      updateAgeOnGet: true,
      maxSize: limits.maxMemoryBytes,
      sizeCalculation: (conversation) => CONVERSATION_OVERHEAD_BYTES + conversation.bytes,
    });
  }

  get size(): number {
    return this.conversations.size;
  }

  /** Bytes of JSON held by all conversations, overheads included. */
  get bytes(): number {
    return this.conversations.calculatedSize;
  }

  async has(conversationId: string): Promise<boolean> {
    return this.conversations.has(conversationId);
  }

  async create(conversationId: string, userId: string): Promise<void> {
    if (!this.conversations.has(conversationId)) this.conversations.set(conversationId, { activities: [], offset: 0, bytes: 0, userId });
  }

  async append(conversationId: string, activity: ChannelActivity): Promise<boolean> {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return false;
    const json = JSON.stringify(activity);
    conversation.activities.push(json);
    conversation.bytes += Buffer.byteLength(json);
    const { maxActivities, maxConversationBytes } = this.limits;
    // The newest activity always stays, whatever its size: the request body limit bounds it.
    while (conversation.activities.length > 1 && (conversation.activities.length > maxActivities || conversation.bytes > maxConversationBytes)) {
      conversation.bytes -= Buffer.byteLength(conversation.activities.shift()!);
      conversation.offset += 1;
    }
    // Setting it again re-measures it against the memory budget, evicting the least recently used if need be (only
    // a new object is re-measured, hence the copy; the arrays are shared).
    this.conversations.set(conversationId, { ...conversation });
    return true;
  }

  async since(conversationId: string, watermark: number): Promise<ActivityPage | undefined> {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    const start = Math.max(0, watermark - conversation.offset);
    return {
      activities: conversation.activities.slice(start).map((json) => JSON.parse(json) as ChannelActivity),
      watermark: conversation.offset + conversation.activities.length,
    };
  }
}
