import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../services/staff/passwords.js';
import { SCREENSHOT_DIR, useAppAndBrowser } from './browser.js';

const PASSWORD = 'a long hotline passphrase';
const ctx = useAppAndBrowser(async () => ({ STAFF_ACCOUNTS: `operator=${await hashPassword(PASSWORD)}` }));

/** A new page with the operator logged in to the console. */
async function loggedIn() {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.app.url}/staff/`);
  await page.locator('#username').fill('operator');
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#password').press('Enter');
  await page.locator('#query').waitFor({ state: 'visible' });
  return page;
}

describe('the hotline staff console', () => {
  it('logs in, searches in Chinese and shows the Russian answer beside the Chinese original', async () => {
    const page = await loggedIn();
    expect(await page.locator('#login').isHidden()).toBe(true);
    await page.locator('#caller-lang').selectOption('ru');
    await page.locator('#query').fill('外国人怎么预约协和医院');
    const first = page.locator('.result').first();
    await first.waitFor({ timeout: 10_000 });
    const [caller, original] = await first.locator('.pair > article').all();
    expect(await caller.getAttribute('lang')).toBe('ru');
    expect(await caller.locator('h3').textContent()).toMatch(/[а-яА-Я]/);
    expect(await original.getAttribute('lang')).toBe('zh');
    expect(await original.locator('h3').textContent()).toMatch(/协和/);
    expect(await caller.locator('a[href^="http"]').count()).toBeGreaterThan(0);
    // Every fact names the source that states it, so staff can check it on the phone.
    const facts = caller.locator('li');
    expect(await facts.count()).toBeGreaterThan(0);
    for (const fact of await facts.all()) expect(await fact.locator('.fact-source a[href^="http"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/staff-console.png`, fullPage: true });

    // The "/" shortcut focuses the search box from anywhere on the page.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('query');
    await page.close();
  });

  it('shows a list question\'s places, with the list heading in the caller\'s language beside Chinese', async () => {
    const page = await loggedIn();
    await page.locator('#caller-lang').selectOption('fr');
    await page.locator('#query').fill('哪些医院有国际部?');
    await page.locator('#list:not([hidden]) article').first().waitFor({ timeout: 10_000 });
    const [caller, original] = await page.locator('#list > article').all();
    expect(await caller.getAttribute('lang')).toBe('fr');
    expect(await original.locator('h3').textContent()).toMatch(/医院/);
    expect(await page.locator('.result').count()).toBeGreaterThan(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/staff-console-list.png`, fullPage: true });
    await page.close();
  });

  it('shows the login form, not the console, without a session', async () => {
    const page = await ctx.browser.newPage();
    await page.goto(`${ctx.app.url}/staff/`);
    await page.locator('#username').waitFor({ state: 'visible' });
    expect(await page.locator('#console').isHidden()).toBe(true);
    await page.close();
  });
});
