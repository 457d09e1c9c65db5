import { describe, expect, it } from 'vitest';
import { BOT_AUTH_ON } from '../http/harness.js';
import { useAppAndBrowser } from './browser.js';

// With Bot Framework authentication on, /api/messages wants a token from Azure; the local Direct Line channel runs
// the bot's turns in process, so the widget works exactly as without it (#11: it used to get 502).
const ctx = useAppAndBrowser(() => BOT_AUTH_ON);

describe('the widget with Bot Framework authentication on', () => {
  it('opens, greets and answers a question', async () => {
    const page = await (await ctx.browser.newContext({ locale: 'en-US' })).newPage();
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(`${ctx.app.url}/healthz`);
    await page.setContent(`<!doctype html><html lang="en"><body><script src="${ctx.app.url}/widget.js" data-lang="en" defer></script></body></html>`);
    await page.locator('beijing-assistant .launcher').click();
    await page.locator('beijing-assistant .message.bot').first().waitFor();
    await page.locator('beijing-assistant input').fill('How do I call an ambulance?');
    await page.locator('beijing-assistant input').press('Enter');
    await expect.poll(() => page.locator('beijing-assistant .message.bot', { hasText: '120' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
