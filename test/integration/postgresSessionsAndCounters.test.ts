import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryWindowCounters, type WindowCounters } from '../../services/limits/counters.js';
import { PostgresWindowCounters } from '../../services/limits/postgresCounters.js';
import { PostgresStaffSessions } from '../../services/staff/postgresSessions.js';
import { LoginThrottle } from '../../services/staff/sessions.js';
import { scratchSchema, type ScratchSchema } from './scratchDatabase.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the shared store: staff sessions, counters, sweeping', () => {
  let schema: ScratchSchema;
  beforeEach(async () => {
    schema = await scratchSchema();
  });
  afterEach(() => schema?.cleanUp());

  it('shares a staff session between instances, renews it on use, and forgets it when idle or destroyed', async () => {
    const a = new PostgresStaffSessions(await schema.open(), 400);
    const b = new PostgresStaffSessions(await schema.open(), 400);
    const { id, session } = await a.create('operator');
    expect(await b.get(id)).toEqual(session);
    expect(await b.get('made-up')).toBeUndefined();
    expect(await b.get(undefined)).toBeUndefined();
    // Only a hash of the id is stored.
    const stored = await schema.query<{ id_hash: string }>('SELECT id_hash FROM staff_sessions');
    expect(stored.map((row) => row.id_hash)).not.toContain(id);

    for (let i = 0; i < 3; i++) {
      await sleep(200);
      expect(await a.get(id)).toEqual(session);
    }
    await sleep(500);
    expect(await a.get(id)).toBeUndefined();

    const second = await a.create('operator');
    await b.destroy(second.id);
    expect(await a.get(second.id)).toBeUndefined();
  });

  it('keeps at most maxSessions, dropping those closest to expiry', async () => {
    const sessions = new PostgresStaffSessions(await schema.open(), 60_000, 2);
    const first = await sessions.create('one');
    const second = await sessions.create('two');
    await sleep(20);
    await sessions.get(first.id);
    await sessions.create('three');
    expect(await sessions.get(second.id)).toBeUndefined();
    expect(await sessions.get(first.id)).toMatchObject({ username: 'one' });
  });

  const counterKinds: [string, () => Promise<[WindowCounters, WindowCounters]>][] = [
    ['PostgreSQL (two instances)', async () => [new PostgresWindowCounters(await schema.open()), new PostgresWindowCounters(await schema.open())]],
    ['memory (one instance)', async () => {
      const counters = new MemoryWindowCounters();
      return [counters, counters];
    }],
  ];

  it.each(counterKinds)('counts hits in a window exactly, under concurrency, and starts over when it passes: %s', async (_kind, make) => {
    const [a, b] = await make();
    const counts = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).increment('k', 400)));
    expect(counts.map((count) => count.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(counts.map((count) => count.resetAt.getTime())).size).toBe(1);
    // A decrement takes one back, seen from the other instance: the next hit is the 60th again.
    await a.decrement('k');
    expect((await b.increment('k', 400)).hits).toBe(60);
    expect((await a.increment('other', 400)).hits).toBe(1);
    await sleep(450);
    expect((await b.increment('k', 400)).hits).toBe(1);
    await a.reset('k');
    expect((await b.increment('k', 400)).hits).toBe(1);
  });

  it('throttles logins across instances, counting each attempt before its password is checked', async () => {
    const limits = { maxFailures: 3, maxPerAddress: 100, windowMs: 60_000 };
    const a = new LoginThrottle(new PostgresWindowCounters(await schema.open()), limits);
    const b = new LoginThrottle(new PostgresWindowCounters(await schema.open()), limits);
    const admitted = (admission: { admitted: boolean }) => admission.admitted;
    expect(admitted(await a.admit('x', '1'))).toBe(true);
    expect(admitted(await b.admit('x', '2'))).toBe(true);
    expect(admitted(await a.admit('x', '3'))).toBe(true);
    // Past the free attempts, one attempt opens a backoff period and the next ones wait, on either instance.
    expect(admitted(await b.admit('x', '4'))).toBe(true);
    expect(await a.admit('x', '4')).toMatchObject({ admitted: false, retryAfterMs: expect.any(Number) });
    await b.succeeded('x');
    expect(admitted(await a.admit('x', '5'))).toBe(true);

    // A burst: of 20 concurrent attempts on one name, exactly 3 + 1 get through to the password check.
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).admit('burst', String(i))));
    expect(burst.filter(admitted)).toHaveLength(4);
  });

  it('sweeps expired rows from every table that expires, and nothing else', async () => {
    const database = await schema.open();
    const counters = new PostgresWindowCounters(database);
    await counters.increment('gone', 1);
    await counters.increment('kept', 60_000);
    const sessions = new PostgresStaffSessions(database, 1);
    await sessions.create('gone');
    await sleep(20);
    expect(await database.sweepExpired()).toBe(2);
    expect((await counters.increment('kept', 60_000)).hits).toBe(2); // its window survived the sweep
    expect(await database.sweepExpired()).toBe(0);
  });
});
