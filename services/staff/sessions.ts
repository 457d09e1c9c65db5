import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface StaffSession {
  username: string;
  /** Sent back by the console in a header on every state-changing request (synchronizer-token CSRF defence). */
  csrfToken: string;
}

const token = () => randomBytes(32).toString('base64url');

/** Staff sessions in memory, expiring after a period of inactivity. */
export class StaffSessions {
  private readonly sessions: LRUCache<string, StaffSession>;

  constructor(idleMs: number, maxSessions = 1000) {
    this.sessions = new LRUCache({ max: maxSessions, ttl: idleMs, updateAgeOnGet: true });
  }

  create(username: string): { id: string; session: StaffSession } {
    const id = token();
    const session = { username, csrfToken: token() };
    this.sessions.set(id, session);
    return { id, session };
  }

  get(id: string | undefined): StaffSession | undefined {
    return id ? this.sessions.get(id) : undefined;
  }

  destroy(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }
}

/**
 * Slows down password guessing: after `maxFailures` failed logins for one username or one address within the
 * window, further attempts are refused until the window passes.
 */
export class LoginThrottle {
  private readonly failures: LRUCache<string, number>;

  constructor(
    private readonly maxFailures: number,
    windowMs: number,
  ) {
    this.failures = new LRUCache({ max: 10_000, ttl: windowMs });
  }

  isBlocked(keys: string[]): boolean {
    return keys.some((key) => (this.failures.get(key) ?? 0) >= this.maxFailures);
  }

  recordFailure(keys: string[]): void {
    for (const key of keys) this.failures.set(key, (this.failures.get(key) ?? 0) + 1, { noUpdateTTL: true });
  }

  reset(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
