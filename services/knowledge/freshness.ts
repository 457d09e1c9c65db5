import type { Entry } from './schema.js';

/**
 * How old an entry's last verification may be: past `warnAfterMonths` kb:check warns and the editors' report lists
 * it; past `failAfterMonths` kb:check fails, because a fact that old may no longer hold.
 */
export const FRESHNESS = { warnAfterMonths: 12, failAfterMonths: 18 } as const;

/** Whole months from an ISO date to today (both YYYY-MM-DD); a month is counted once its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export interface EntryAge {
  entryId: string;
  category: string;
  verified: string;
  months: number;
}

/** Every entry with the age of its last verification, oldest first. */
export function entriesByAge(entries: readonly Entry[], today: string): EntryAge[] {
  return entries
    .map((entry) => ({ entryId: entry.id, category: entry.category, verified: entry.verified, months: monthsBetween(entry.verified, today) }))
    .sort((a, b) => a.verified.localeCompare(b.verified) || a.entryId.localeCompare(b.entryId));
}
