import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, useAppAndBrowser } from './browser.js';

const ctx = useAppAndBrowser();

/** The Web Chat page in English, once its welcome has arrived; and its send box. */
async function openWebChat() {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.app.url}/webchat?lang=en`);
  await page.getByText('Hello! I answer questions', { exact: false }).first().waitFor({ timeout: 20_000 });
  return { page, input: page.locator('[data-id="webchat-sendbox-input"]') };
}

describe('the official Bot Framework Web Chat against our Direct Line', () => {
  it('completes a round trip: the answer appears and the message is not marked "Send failed"', async () => {
    const { page, input } = await openWebChat();
    await input.fill('How can I call 12345 in English?');
    await input.press('Enter');
    await page.getByText('12345 citizen hotline (foreign-language service)').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/webchat-en.png` });
    expect(await page.getByText('Send failed', { exact: false }).count()).toBe(0);
    await page.close();
  });

  it('shows a list answer as a carousel of cards, each with a button that opens its entry', async () => {
    const { page, input } = await openWebChat();
    await input.fill('Which hospitals have an international department?');
    await input.press('Enter');
    await page.getByText('Hospitals in our sources', { exact: false }).first().waitFor({ timeout: 20_000 });
    const open = page.getByRole('button', { name: 'Open' });
    await open.first().waitFor();
    expect(await open.count()).toBeGreaterThan(1);
    await open.first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/webchat-list-en.png` });
    await open.first().click();
    await page.getByText('Last verified', { exact: false }).first().waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('opens in Arabic, right to left, with the welcome in Arabic', async () => {
    const page = await ctx.browser.newPage();
    await page.goto(`${ctx.app.url}/webchat?lang=ar`);
    await page.getByText('مرحبًا!', { exact: false }).first().waitFor({ timeout: 20_000 });
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/webchat-ar.png` });
    await page.close();
  });
});
