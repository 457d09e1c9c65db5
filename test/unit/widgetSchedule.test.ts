import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, nextPollDelay, retryWithBackoff } from '../../web/widget/schedule.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('polling and retry timing', () => {
  it('polls every second, faster for a few seconds after sending', () => {
    expect(nextPollDelay(0, 100)).toBe(250);
    expect(nextPollDelay(0, 4_999)).toBe(250);
    expect(nextPollDelay(0, 5_000)).toBe(1_000);
  });

  it('backs off exponentially after failures, up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffDelay)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(nextPollDelay(2, 0)).toBe(4_000);
  });

  it('retries a failing task with growing waits until it succeeds', async () => {
    vi.useFakeTimers();
    const task = vi.fn().mockRejectedValueOnce(new TypeError('offline')).mockRejectedValueOnce(new TypeError('offline')).mockResolvedValue('ok');
    const result = retryWithBackoff(task);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4_000);
    await expect(result).resolves.toBe('ok');
    expect(task).toHaveBeenCalledTimes(3);
  });
});
