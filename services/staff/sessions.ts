import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { WindowCounters } from '../limits/counters.js';

export interface StaffSession {
  username: string;
  /** Sent back by the console in a header on every state-changing request (synchronizer-token CSRF defence). */
  csrfToken: string;
}

export const newSecretToken = () => randomBytes(32).toString('base64url');

/**
 * Staff sessions, expiring after a period of inactivity: in memory for one process, or in the shared PostgreSQL
 * so that a hotline operator's requests may land on any instance.
 */
export interface StaffSessionStore {
  /** A new session; its id goes in the cookie. */
  create(username: string): Promise<{ id: string; session: StaffSession }>;
  /** The session, renewed; undefined when unknown or idle too long. */
  get(id: string | undefined): Promise<StaffSession | undefined>;
  destroy(id: string | undefined): Promise<void>;
}

export class MemoryStaffSessions implements StaffSessionStore {
  private readonly sessions: LRUCache<string, StaffSession>;

  constructor(idleMs: number, maxSessions = 1000) {
    this.sessions = new LRUCache({ max: maxSessions, ttl: idleMs, updateAgeOnGet: true });
  }

  async create(username: string): Promise<{ id: string; session: StaffSession }> {
    const id = newSecretToken();
    const session = { username, csrfToken: newSecretToken() };
    this.sessions.set(id, session);
    return { id, session };
  }

  async get(id: string | undefined): Promise<StaffSession | undefined> {
    return id ? this.sessions.get(id) : undefined;
  }

  async destroy(id: string | undefined): Promise<void> {
    if (id) this.sessions.delete(id);
  }
}

/**
 * Slows down password guessing: after `maxFailures` logins for one username or one address within the window
 * (a successful one starts the count over), further attempts are refused until the window passes. An attempt is
 * counted before its password is checked, so a burst of concurrent guesses cannot all slip in before the count.
 */
export class LoginThrottle {
  constructor(
    private readonly counters: WindowCounters,
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt for each key; false when any of them is over the limit, and the attempt must be refused. */
  async admit(keys: string[]): Promise<boolean> {
    const counts = await Promise.all(keys.map((key) => this.counters.increment(`login:${key}`, this.windowMs)));
    return counts.every(({ hits }) => hits <= this.maxFailures);
  }

  async reset(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.counters.reset(`login:${key}`)));
  }
}
