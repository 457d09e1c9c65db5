import type { Lang } from '../languages.js';

export interface Feedback {
  entryId: string;
  rating: 'up' | 'down';
  lang: Lang;
  /** Where it came from: a resident's thumbs in chat, or a hotline staff member. */
  channel: string;
  conversationId?: string;
}

export interface StoredFeedback extends Feedback {
  id: number;
  createdAt: string;
}

/** Where feedback goes. A write resolves only once the feedback is durably stored. */
export interface FeedbackStore {
  record(feedback: Feedback): Promise<void>;
  recent(limit: number): Promise<StoredFeedback[]>;
  close(): Promise<void>;
}
