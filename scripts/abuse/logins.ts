/**
 * The abuse review's login measurements (#11), from outside a running server: how long a failed login takes for a
 * known and an unknown name, how many guesses of a concurrent burst get their password checked, and how long a
 * static file waits while a burst of logins is checked.
 */
import { percentile } from './flood.js';

export interface LoginMeasurements {
  /** Mean ms of a failed login, for the configured name and for made-up ones. */
  knownNameMs: number;
  unknownNameMs: number;
  /** A burst of `burst` wrong passwords for one name, then the right one at once. */
  burst: number;
  burstChecked: number;
  rightPasswordAfterBurst: number;
  /** /widget.js while `flood` concurrent wrong logins for the account, from as many addresses, are handled. */
  flood: number;
  widgetDuringFloodMs: number;
  widgetAloneMs: number;
}

const timed = async <T>(task: () => Promise<T>) => {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
};

/**
 * Runs against a server started with `STAFF_ACCOUNTS` holding `account` (password `password`). Each phase comes from
 * its own made-up address (X-Forwarded-For, so start it with TRUST_PROXY_HOPS=1) so the phases do not throttle
 * one another.
 */
export async function measureLogins(origin: string, account: string, password: string): Promise<LoginMeasurements> {
  let address = 0;
  const login = (username: string, guess: string, from = `203.0.113.${(address++ % 250) + 1}`) =>
    fetch(`${origin}/staff/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ username, password: guess }),
    }).then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    });

  await login('warm-up', 'guess');
  const unknownTimes: number[] = [];
  const knownTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    unknownTimes.push((await timed(() => login(`made-up-${i}`, 'wrong guess'))).ms);
    knownTimes.push((await timed(() => login(account, 'wrong guess'))).ms);
    // The right password starts the account's count over, so the throttle never shortens the next attempt.
    await login(account, password);
  }
  const unknownNameMs = percentile(unknownTimes, 50);
  const knownNameMs = percentile(knownTimes, 50);

  const burst = 40;
  const statuses = await Promise.all(Array.from({ length: burst }, () => login(account, 'wrong guess', '198.51.100.9')));
  const rightPasswordAfterBurst = await login(account, password, '198.51.100.10');

  const widget = () => timed(() => fetch(`${origin}/widget.js`).then((response) => response.arrayBuffer()));
  const widgetAloneMs = (await widget()).ms;
  const flood = 100;
  await login(account, password, '198.51.100.11'); // starts the account's count over
  const floodLogins = Promise.all(Array.from({ length: flood }, () => login(account, 'wrong guess')));
  // Once the guesses have reached their password checks.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const widgetDuringFloodMs = (await widget()).ms;
  await floodLogins;

  return {
    knownNameMs,
    unknownNameMs,
    burst,
    burstChecked: statuses.filter((status) => status === 401).length,
    rightPasswordAfterBurst,
    flood,
    widgetDuringFloodMs,
    widgetAloneMs,
  };
}
