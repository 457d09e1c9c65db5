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

export const FLAG_REASONS = ['outdated', 'wrong', 'other'] as const;

/** A hotline staff member's report that an entry is outdated or wrong, for the editors. */
export interface StaffFlag {
  entryId: string;
  reason: (typeof FLAG_REASONS)[number];
  comment: string;
  username: string;
}

export interface StoredFlag extends StaffFlag {
  id: number;
  createdAt: string;
}

/** Where feedback and staff flags go. A write resolves only once it is durably stored. */
export interface FeedbackStore {
  record(feedback: Feedback): Promise<void>;
  recent(limit: number): Promise<StoredFeedback[]>;
  recordFlag(flag: StaffFlag): Promise<StoredFlag>;
  flags(limit: number): Promise<StoredFlag[]>;
  close(): Promise<void>;
}
