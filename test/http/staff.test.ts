import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../services/staff/passwords.js';
import { startApp, type RunningApp } from './harness.js';

const PASSWORD = 'a long hotline passphrase';
let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ STAFF_ACCOUNTS: `operator=${await hashPassword(PASSWORD)}`, STAFF_LOGIN_MAX_FAILURES: '3' });
});
afterAll(() => app.close());

async function login(username = 'operator', password = PASSWORD) {
  const response = await fetch(`${app.url}/staff/api/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers.get('set-cookie') ?? '';
  return { response, cookie: cookie.split(';')[0], setCookie: cookie };
}

describe('the staff console API', () => {
  it('has no anonymous access', async () => {
    expect((await fetch(`${app.url}/staff/api/search?q=PUMCH`)).status).toBe(401);
    expect((await fetch(`${app.url}/staff/api/flags`)).status).toBe(401);
  });

  it('logs in with a configured account behind an httpOnly, secure, SameSite=Strict cookie', async () => {
    const { response, setCookie } = await login();
    expect(response.status).toBe(200);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Secure/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(((await response.json()) as { csrfToken: string }).csrfToken.length).toBeGreaterThan(20);
  });

  it('searches in Chinese and shows the Russian answer beside the Chinese original', async () => {
    const { cookie } = await login();
    const response = await fetch(`${app.url}/staff/api/search?q=${encodeURIComponent('外国人怎么预约协和医院')}&callerLang=ru`, { headers: { cookie } });
    const body = (await response.json()) as { queryLang: string; results: { entryId: string; caller: { lang: string; title: string; sources: unknown[]; verifiedLabel: string }; original: { lang: string; title: string } }[] };
    expect(body.queryLang).toBe('zh');
    const [top] = body.results;
    expect(top.entryId).toBe('medical-pumch-booking-for-foreigners');
    expect(top.caller.lang).toBe('ru');
    expect(top.caller.title).toMatch(/[а-яА-Я]/);
    expect(top.original.lang).toBe('zh');
    expect(top.caller.sources.length).toBeGreaterThan(0);
    expect(top.caller.verifiedLabel).toBeTruthy();
  });

  it('stores a flag only with the CSRF token, and lists it for editors', async () => {
    const { response, cookie } = await login();
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const flag = { entryId: 'hotline-12345', reason: 'outdated', comment: 'The English desk hours changed.' };
    const post = (headers: Record<string, string>) =>
      fetch(`${app.url}/staff/api/flags`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify(flag) });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrfToken })).status).toBe(201);
    const listed = (await (await fetch(`${app.url}/staff/api/flags`, { headers: { cookie } })).json()) as { flags: { entryId: string; username: string }[] };
    expect(listed.flags[0]).toMatchObject({ entryId: 'hotline-12345', username: 'operator' });
  });

  it('refuses bad input with a 400', async () => {
    const { cookie } = await login();
    expect((await fetch(`${app.url}/staff/api/search?q=`, { headers: { cookie } })).status).toBe(400);
    expect((await fetch(`${app.url}/staff/api/search?q=x&callerLang=xx`, { headers: { cookie } })).status).toBe(400);
  });

  it('throttles repeated failed logins with 429 and Retry-After: past the free attempts, one per backoff period', async () => {
    for (let i = 0; i < 3; i++) expect((await login('operator', 'wrong password')).response.status).toBe(401);
    expect((await login('operator', 'wrong password')).response.status).toBe(401);
    const blocked = await login('operator', 'wrong password');
    expect(blocked.response.status).toBe(429);
    // The first backoff period is 30 s: the owner is told to wait about that long, not the whole window.
    expect(Number(blocked.response.headers.get('retry-after'))).toBeGreaterThan(20);
    expect(Number(blocked.response.headers.get('retry-after'))).toBeLessThanOrEqual(30);
  });
});

describe('staff login throttling under a burst', () => {
  it('counts each concurrent guess before checking its password: 3 + 1 of 10 are checked, and then even the right password waits', async () => {
    const burstApp = await startApp({ STAFF_ACCOUNTS: `operator=${await hashPassword(PASSWORD)}`, STAFF_LOGIN_MAX_FAILURES: '3' });
    try {
      const attempt = (password: string) =>
        fetch(`${burstApp.url}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password }) });
      const statuses = (await Promise.all(Array.from({ length: 10 }, () => attempt('wrong password')))).map((response) => response.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(4);
      expect(statuses.filter((status) => status === 429)).toHaveLength(6);
      expect((await attempt(PASSWORD)).status).toBe(429);
    } finally {
      await burstApp.close();
    }
  });
});
