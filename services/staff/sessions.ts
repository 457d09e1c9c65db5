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

export interface LoginLimits {
  /** Attempts per account within the window before each further one has to wait its turn. */
  maxFailures: number;
  /** Attempts per client address within the window, whatever names it tries. */
  maxPerAddress: number;
  windowMs: number;
}

export type LoginAdmission = { admitted: true } | { admitted: false; retryAfterMs: number };

/** Past an account's free attempts, the first wait; it doubles with each further attempt, up to the cap. */
const BACKOFF_FIRST_MS = 30_000;
const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * Slows down password guessing without locking the owner out. Every attempt is counted before its password is
 * checked, so concurrent guesses cannot slip in before the count.
 * - Per address: past `maxPerAddress` attempts in the window, refused until it passes. This is what stops one
 *   client from trying many names, and from flooding the counters with made-up ones.
 * - Per account: past `maxFailures`, one attempt per backoff period (30 s, 1 min, 2 min … 5 min, growing with
 *   each attempt, refused ones included). A guesser is slowed to a crawl; the owner waits minutes, not the window.
 * A successful login starts the account's count over.
 */
export class LoginThrottle {
  constructor(
    private readonly counters: WindowCounters,
    private readonly limits: LoginLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async admit(account: string, address: string): Promise<LoginAdmission> {
    const { maxFailures, maxPerAddress, windowMs } = this.limits;
    const byAddress = await this.counters.increment(`login:ip:${address}`, windowMs);
    if (byAddress.hits > maxPerAddress) return this.refuse(byAddress.resetAt);
    const byAccount = await this.counters.increment(`login:user:${account}`, windowMs);
    const over = byAccount.hits - maxFailures;
    if (over <= 0) return { admitted: true };
    const backoffMs = Math.min(BACKOFF_FIRST_MS * 2 ** (over - 1), BACKOFF_MAX_MS);
    // One attempt opens a backoff period; the others that arrive within it are refused.
    const period = await this.counters.increment(`login:backoff:${account}`, backoffMs);
    return period.hits === 1 ? { admitted: true } : this.refuse(period.resetAt);
  }

  async succeeded(account: string): Promise<void> {
    await Promise.all([this.counters.reset(`login:user:${account}`), this.counters.reset(`login:backoff:${account}`)]);
  }

  private refuse(until: Date): LoginAdmission {
    return { admitted: false, retryAfterMs: Math.max(1000, until.getTime() - this.now()) };
  }
}
