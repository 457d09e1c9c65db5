import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../services/logger.js';
import { holdingIndexLock } from '../../services/retrieval/indexBuild.js';

const log = createLogger('silent');

describe('the dense index build lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'index-lock-'));
  afterEach(() => rmSync(join(dir, 'k.lock'), { force: true }));

  it('lets one holder work at a time, and the next one in after it', async () => {
    const events: string[] = [];
    const work = (name: string) => async () => {
      events.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([holdingIndexLock(dir, 'k', log, work('a')), holdingIndexLock(dir, 'k', log, work('b'))]);
    expect(results).toEqual(['a', 'b']);
    // Either may win the lock; the other starts only once the first has ended.
    const [first, second] = events[0] === 'a start' ? ['a', 'b'] : ['b', 'a'];
    expect(events).toEqual([`${first} start`, `${first} end`, `${second} start`, `${second} end`]);
    expect(existsSync(join(dir, 'k.lock'))).toBe(false);
  });

  it('takes over a lock whose holder died, and releases the lock when the work fails', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, 'k.lock'), dead);
    await expect(holdingIndexLock(dir, 'k', log, async () => { throw new Error('no model'); })).rejects.toThrow('no model');
    expect(existsSync(join(dir, 'k.lock'))).toBe(false);
  });
});
