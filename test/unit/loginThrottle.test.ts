import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryWindowCounters } from '../../services/limits/counters.js';
import { LoginThrottle } from '../../services/staff/sessions.js';

const LIMITS = { maxFailures: 5, maxPerAddress: 20, windowMs: 15 * 60_000 };

describe('the login throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const admitted = async (throttle: LoginThrottle, account: string, address: string) => (await throttle.admit(account, address)).admitted;

  it('slows a guesser with a growing backoff instead of locking the owner out for the window', async () => {
    const throttle = new LoginThrottle(new MemoryWindowCounters(), { ...LIMITS, maxPerAddress: 1_000 });
    // The attacker uses up the free attempts, then tries once more: that opens a 30 s backoff.
    for (let i = 0; i < 6; i++) expect(await admitted(throttle, 'operator', `attacker-${i}`)).toBe(true);
    const refused = await throttle.admit('operator', 'owner');
    expect(refused).toEqual({ admitted: false, retryAfterMs: 30_000 });
    // The owner, told to wait 30 s, gets in then, long before the 15-minute window has passed.
    vi.advanceTimersByTime(30_001);
    expect(await admitted(throttle, 'operator', 'owner')).toBe(true);
    await throttle.succeeded('operator');
    expect(await admitted(throttle, 'operator', 'owner')).toBe(true);
  });

  it('makes each further attempt wait longer, up to 5 minutes', async () => {
    const throttle = new LoginThrottle(new MemoryWindowCounters(), { ...LIMITS, maxPerAddress: 1_000 });
    for (let i = 0; i < 5; i++) await throttle.admit('operator', `a-${i}`);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      expect(await admitted(throttle, 'operator', `b-${i}`)).toBe(true);
      const refused = await throttle.admit('operator', `c-${i}`);
      if (refused.admitted) throw new Error('an attempt inside a backoff period was admitted');
      waits.push(refused.retryAfterMs);
      vi.advanceTimersByTime(refused.retryAfterMs + 1);
    }
    // Each admitted and each refused attempt counts, so the period quadruples from one admitted attempt to the next
    // (all within the 15-minute window, after which the account's count starts over).
    expect(waits.map((ms) => ms / 1000)).toEqual([30, 120, 300, 300]);
  });

  it('limits the attempts of one address whatever names it tries', async () => {
    const throttle = new LoginThrottle(new MemoryWindowCounters(), LIMITS);
    const results = [];
    for (let i = 0; i < 25; i++) results.push(await admitted(throttle, `made-up-${i}`, 'attacker'));
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(await admitted(throttle, 'operator', 'office')).toBe(true);
  });

  it('is not flushed by failures under thousands of made-up names from thousands of addresses', async () => {
    const throttle = new LoginThrottle(new MemoryWindowCounters(), LIMITS);
    for (let i = 0; i < 6; i++) await throttle.admit('operator', 'attacker');
    expect(await admitted(throttle, 'operator', 'attacker-2')).toBe(false);
    for (let i = 0; i < 5_000; i++) await throttle.admit(`made-up-${i}`, `10.0.${i >> 8}.${i & 255}`);
    expect(await admitted(throttle, 'operator', 'attacker-3')).toBe(false);
  });
});
