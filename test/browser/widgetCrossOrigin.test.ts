import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, useAppAndBrowser } from './browser.js';

const HOST = 'beijing-assistant';

/** A portal on another origin (another port), embedding the widget with the one tag, as a real portal would. */
function startPortal(widgetOrigin: () => string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title></head>
      <body><h1>A district portal</h1><script src="${widgetOrigin()}/widget.js" data-lang="en" defer></script></body></html>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let allowedPortal: Server;
let otherPortal: Server;
const portalUrl = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const ctx = useAppAndBrowser(async () => {
  allowedPortal = await startPortal(() => ctx.app.url);
  otherPortal = await startPortal(() => ctx.app.url);
  return { WIDGET_ALLOWED_ORIGINS: portalUrl(allowedPortal) };
});
afterAll(() => {
  allowedPortal?.close();
  otherPortal?.close();
});

describe('the widget on a portal of another origin', () => {
  it('answers on a portal whose origin is in WIDGET_ALLOWED_ORIGINS', async () => {
    const page = await ctx.browser.newPage();
    await page.goto(portalUrl(allowedPortal));
    await page.locator(`${HOST} .launcher`).click();
    await page.locator(`${HOST} input`).fill('Can I call 12345 in English?');
    await page.locator(`${HOST} input`).press('Enter');
    await page.locator(`${HOST} .answer h3`, { hasText: '12345 citizen hotline' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/widget-cross-origin.png` });
    await page.close();
  });

  it('cannot talk to the server from a portal that is not allowed', async () => {
    const page = await ctx.browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/CORS|Access-Control/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(portalUrl(otherPortal));
    // The browser blocks the widget's first call (its strings), so it never shows a chat that cannot work.
    await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator(`${HOST} .message.bot`).count()).toBe(0);
    await page.close();
  });
});
