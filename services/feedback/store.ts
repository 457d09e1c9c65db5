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

/** A question the assistant could not answer with confidence, kept (redacted) for editors' gap analysis. */
export interface UnansweredQuestion {
  /** Already redacted: see services/privacy/redact.ts. */
  text: string;
  lang: Lang;
  outcome: 'fallback' | 'clarify';
  /** The closest entry's category, for grouping by topic; undefined when nothing came close. */
  category?: string;
}

/** What `npm run report` prints. */
export interface EditorsReport {
  unanswered: { lang: string; category: string; text: string; count: number }[];
  /** "Did you mean" questions and the entry the resident chose: phrasings that entry's questions may lack. */
  resolvedChoices: { lang: string; text: string; entryId: string; count: number }[];
  negativeFeedback: { entryId: string; down: number; up: number }[];
  flaggedEntries: { entryId: string; flags: number; lastComment: string }[];
}

/**
 * Where feedback, staff flags and unanswered questions go: SQLite for one instance, PostgreSQL for several.
 * A write resolves only once it is durably stored.
 */
export interface FeedbackStore {
  record(feedback: Feedback): Promise<void>;
  recent(limit: number): Promise<StoredFeedback[]>;
  recordFlag(flag: StaffFlag): Promise<StoredFlag>;
  flags(limit: number): Promise<StoredFlag[]>;
  /** Returns the stored question's id, so a choice made next can be recorded against it. */
  recordUnanswered(question: UnansweredQuestion): Promise<number>;
  /** Records that the resident chose this entry among the "did you mean" choices offered for the question. */
  resolveUnanswered(id: number, entryId: string): Promise<void>;
  /** The top rows of each part of the editors' report. */
  report(limit: number): Promise<EditorsReport>;
  /** Deletes feedback, flags and questions older than this many days; returns how many rows went. */
  purgeOlderThan(days: number): Promise<number>;
}
