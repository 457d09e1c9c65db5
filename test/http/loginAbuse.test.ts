/**
 * The abuse review's login findings (#11) that depend on scrypt's work: every name costs one password check, and a
 * burst of logins cannot fill libuv's thread pool. scrypt is watched through a wrapper around node:crypto's.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type RunningApp } from './harness.js';
import { hashPassword } from '../../services/staff/passwords.js';

const scryptWatch = vi.hoisted(() => ({ calls: 0, running: 0, mostAtOnce: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const scrypt = (...args: unknown[]) => {
    const callback = args.pop() as (error: Error | null, key: Buffer) => void;
    scryptWatch.calls += 1;
    scryptWatch.running += 1;
    scryptWatch.mostAtOnce = Math.max(scryptWatch.mostAtOnce, scryptWatch.running);
    (crypto.scrypt as (...a: unknown[]) => void)(...args, (error: Error | null, key: Buffer) => {
      scryptWatch.running -= 1;
      callback(error, key);
    });
  };
  return { ...crypto, default: { ...crypto, scrypt }, scrypt };
});

const PASSWORD = 'a long hotline passphrase';
let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ STAFF_ACCOUNTS: `operator=${await hashPassword(PASSWORD)}`, STAFF_LOGIN_MAX_PER_ADDRESS: '1000', TRUST_PROXY_HOPS: '1' });
});
afterAll(() => app.close());

const login = (username: string, password: string, address = '192.0.2.1') =>
  fetch(`${app.url}/staff/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password }),
  });

describe('staff logins under attack', () => {
  it('checks a password for an unknown name too, so response time does not tell which names exist', async () => {
    // Let the start-up work (the dummy hash) finish first.
    await login('operator', 'warm-up guess', '192.0.2.2');
    const before = scryptWatch.calls;
    expect((await login('nobody-by-this-name', 'guess', '192.0.2.3')).status).toBe(401);
    expect(scryptWatch.calls - before).toBe(1);
    expect((await login('operator', 'wrong guess', '192.0.2.4')).status).toBe(401);
    expect(scryptWatch.calls - before).toBe(2);
  });

  it('runs at most 2 password checks at once under a burst of 40 logins, and serves the widget meanwhile', async () => {
    scryptWatch.mostAtOnce = 0;
    let loginsFinished = 0;
    const burst = Array.from({ length: 40 }, (_, i) =>
      login(`name-${i}`, 'guess', `192.0.2.${100 + i}`).then((response) => {
        loginsFinished += 1;
        return response.status;
      }),
    );
    const widget = await fetch(`${app.url}/widget.js`);
    expect(widget.status).toBe(200);
    // The widget did not wait for the queue of password checks.
    expect(loginsFinished).toBeLessThan(40);
    expect(await Promise.all(burst)).toEqual(Array(40).fill(401));
    expect(scryptWatch.mostAtOnce).toBe(2);
  });

  it('refuses an address that tries many names, before checking any more passwords', async () => {
    const limited = await startApp({ STAFF_ACCOUNTS: `operator=${await hashPassword(PASSWORD)}`, STAFF_LOGIN_MAX_PER_ADDRESS: '20' });
    try {
      const before = scryptWatch.calls;
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        const response = await fetch(`${limited.url}/staff/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `made-up-${i}`, password: 'guess' }),
        });
        statuses.push(response.status);
      }
      expect(statuses.filter((status) => status === 401)).toHaveLength(20);
      expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
      expect(scryptWatch.calls - before).toBe(20);
    } finally {
      await limited.close();
    }
  });
});
