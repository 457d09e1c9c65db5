/**
 * The shared store's schema, as versions applied in order, once each. Never edit a released version: add one.
 * Versions 1-3 are the feedback store's tables (from before the shared store held anything else).
 */
export const MIGRATIONS = [
  `CREATE TABLE feedback (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     entry_id text NOT NULL,
     rating text NOT NULL CHECK (rating IN ('up', 'down')),
     lang text NOT NULL,
     channel text NOT NULL,
     conversation_id text,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX feedback_entry ON feedback (entry_id);`,
  `CREATE TABLE staff_flags (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     entry_id text NOT NULL,
     reason text NOT NULL CHECK (reason IN ('outdated', 'wrong', 'other')),
     comment text NOT NULL,
     username text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX staff_flags_entry ON staff_flags (entry_id);`,
  `CREATE TABLE unanswered (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     text text NOT NULL,
     lang text NOT NULL,
     outcome text NOT NULL CHECK (outcome IN ('fallback', 'clarify')),
     category text,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX unanswered_lang ON unanswered (lang, category);`,
  // Conversation state (botbuilder Storage items), Direct Line conversations, staff sessions and the rate-limit
  // and login-throttle counters: what used to live in one instance's memory or in Redis. Stored JSON is `json`,
  // not `jsonb`: it keeps the text as sent, and accepts the \u0000 escapes jsonb refuses.
  `CREATE TABLE bot_state (
     key text PRIMARY KEY,
     etag text NOT NULL,
     item json NOT NULL,
     expires_at timestamptz NOT NULL
   );
   CREATE INDEX bot_state_expiry ON bot_state (expires_at);
   CREATE TABLE dl_conversations (
     id text PRIMARY KEY,
     user_id text NOT NULL,
     next_seq bigint NOT NULL DEFAULT 0,
     expires_at timestamptz NOT NULL
   );
   CREATE INDEX dl_conversations_expiry ON dl_conversations (expires_at);
   CREATE TABLE dl_activities (
     conversation_id text NOT NULL REFERENCES dl_conversations (id) ON DELETE CASCADE,
     seq bigint NOT NULL,
     activity json NOT NULL,
     PRIMARY KEY (conversation_id, seq)
   );
   CREATE TABLE staff_sessions (
     id_hash text PRIMARY KEY,
     username text NOT NULL,
     csrf_token text NOT NULL,
     expires_at timestamptz NOT NULL
   );
   CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at);
   CREATE TABLE window_counters (
     key text PRIMARY KEY,
     hits integer NOT NULL,
     expires_at timestamptz NOT NULL
   );
   CREATE INDEX window_counters_expiry ON window_counters (expires_at);`,
  // Each activity's size, so that a conversation's history can be trimmed to a byte budget without reading it.
  `ALTER TABLE dl_activities ADD COLUMN bytes integer NOT NULL DEFAULT 0;`,
  // The entry a resident chose among the "did you mean" choices offered for an unanswered question.
  `ALTER TABLE unanswered ADD COLUMN resolved_entry_id text;`,
];

/** Tables whose rows carry `expires_at`: the sweeper deletes expired rows (readers already ignore them). */
export const EXPIRING_TABLES = ['bot_state', 'dl_conversations', 'staff_sessions', 'window_counters'] as const;
