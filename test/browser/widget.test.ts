import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, useAppAndBrowser } from './browser.js';

// The real product serves web/dist/widget.js: build it first (`npm run build`, also run by `npm install`).

const ctx = useAppAndBrowser();

const pageErrors: Error[] = [];
afterEach(() => {
  expect(pageErrors).toEqual([]);
  pageErrors.length = 0;
});

const HOST = 'beijing-assistant';
const en = JSON.parse(readFileSync('locales/en/translation.json', 'utf8'));
const fr = JSON.parse(readFileSync('locales/fr/translation.json', 'utf8'));
const de = JSON.parse(readFileSync('locales/de/translation.json', 'utf8'));
const ar = JSON.parse(readFileSync('locales/ar/translation.json', 'utf8'));
const ja = JSON.parse(readFileSync('locales/ja/translation.json', 'utf8'));

const HOTLINE_TITLE = '12345 citizen hotline (foreign-language service)';

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await ctx.browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 800 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error));
  return page;
}

/**
 * A portal page with the one-tag embed, set on the app's origin (widgetCrossOrigin.test.ts covers portals on
 * other origins, which need WIDGET_ALLOWED_ORIGINS).
 */
async function portal(page: Page, { tag = `<script src="${ctx.app.url}/widget.js" data-lang="en" defer></script>`, head = '', body = '<h1>Portal</h1>' } = {}) {
  await page.goto(`${ctx.app.url}/healthz`);
  await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}${tag}</body></html>`);
}

const launcher = (page: Page) => page.locator(`${HOST} .launcher`);
const panel = (page: Page) => page.locator(`${HOST} .panel`);
const input = (page: Page) => page.locator(`${HOST} input`);
const answerTitle = (page: Page, title: string) => page.locator(`${HOST} .answer h3`, { hasText: title });

/** The class of the element focused inside the widget, if the focus is there. */
const focusedClass = (page: Page) =>
  page.evaluate((tag) => (document.activeElement?.tagName.toLowerCase() === tag ? document.querySelector(tag)!.shadowRoot!.activeElement?.className : undefined), HOST);

async function open(page: Page, greeting = en.welcome.greeting.slice(0, 20)) {
  await launcher(page).click();
  await page.locator(`${HOST} .message.bot`, { hasText: greeting }).first().waitFor();
}

async function ask(page: Page, question: string) {
  await input(page).fill(question);
  await input(page).press('Enter');
}

describe('the embeddable widget', () => {
  it('answers in English on the demo portal, with safe links and the verified label', async () => {
    const page = await newPage();
    await page.goto(`${ctx.app.url}/`);
    await open(page);
    await ask(page, 'How can I call 12345 in English?');
    await answerTitle(page, HOTLINE_TITLE).waitFor();
    const answer = page.locator(`${HOST} .answer`).last();
    expect(await answer.locator('.verified').textContent()).toMatch(/^Last verified: /);
    expect(await answer.locator('.facts a[href^="tel:"]').count()).toBeGreaterThan(0);
    const sources = answer.locator('.sources a');
    expect(await sources.count()).toBeGreaterThan(0);
    for (const link of await sources.all()) {
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(await page.locator(`${HOST} .suggestions .chip`, { hasText: en.feedback.up }).count()).toBe(1);
    await page.waitForTimeout(300); // let the scroll settle for the screenshot
    await page.screenshot({ path: `${SCREENSHOT_DIR}/widget-en.png` });
    await page.context().close();
  });

  it('opens in Arabic from data-lang, lays the panel out right to left, and answers', async () => {
    const page = await newPage();
    await portal(page, { tag: `<script src="${ctx.app.url}/widget.js" data-lang="ar" defer></script>` });
    await launcher(page).click();
    await page.locator(`${HOST} .message.bot`, { hasText: ar.welcome.greeting.slice(0, 10) }).first().waitFor();
    expect(await page.locator(`${HOST} .root`).getAttribute('dir')).toBe('rtl');
    expect(await panel(page).evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    const box = (await panel(page).boundingBox())!;
    expect(box.x).toBeLessThan(100); // mirrored: in the bottom-left corner
    await ask(page, 'هل توجد مدرسة فرنسية في بكين؟');
    await answerTitle(page, 'الثانوية الفرنسية الدولية شارل ديغول في بكين (LFIP)').waitFor();
    expect(await page.locator(`${HOST} .message.bot .bubble`).last().getAttribute('dir')).toBe('rtl');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/widget-ar.png` });
    await page.context().close();
  });

  it('answers a list question with one line per place, each opening its entry, and pages on with "show more"', async () => {
    const page = await newPage();
    await portal(page);
    await open(page);
    await ask(page, 'list all the IB schools');
    const list = page.locator(`${HOST} .answer.list`).last();
    await list.waitFor();
    expect(await list.locator('h3').textContent()).toMatch(/^Schools in our sources: \d+$/);
    expect(await list.locator('.places > li').count()).toBe(8);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/widget-list-en.png` });
    const more = page.locator(`${HOST} .suggestions .chip`, { hasText: 'Show' });
    await more.click();
    await page.locator(`${HOST} .places[start="9"]`).waitFor();
    // Its button opens the place's full answer, with its sources and verification date.
    await list.locator('.places > li button').first().click();
    await page.locator(`${HOST} .answer:not(.list) .verified`).last().waitFor();
    await page.context().close();
  });

  it('lays a list out right to left in Arabic, and says so when nothing matches', async () => {
    const page = await newPage();
    await portal(page, { tag: `<script src="${ctx.app.url}/widget.js" data-lang="ar" defer></script>` });
    await open(page, ar.welcome.greeting.slice(0, 10));
    await ask(page, 'ما هي المدارس في تشاويانغ التي تقدم دبلوم البكالوريا الدولية؟');
    const list = page.locator(`${HOST} .answer.list`).last();
    await list.waitFor();
    expect(await page.locator(`${HOST} .message.bot .bubble`).last().getAttribute('dir')).toBe('rtl');
    expect(await list.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await list.locator('.places > li').count()).toBeGreaterThan(1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/widget-list-ar.png` });
    await ask(page, 'هل توجد مدارس في بينغو؟');
    await page.locator(`${HOST} .answer.list p`, { hasText: '12345' }).waitFor();
    await page.context().close();
  });

  it('opens in Japanese from the browser language when the tag has no data-lang, and answers', async () => {
    const page = await newPage({ locale: 'ja-JP' });
    await page.goto(`${ctx.app.url}/`);
    expect(await launcher(page).textContent()).toBe(ja.widget.launcher);
    await open(page, ja.welcome.greeting.slice(0, 10));
    await ask(page, '北京に日本人学校はありますか?');
    await answerTitle(page, '北京日本人学校').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/widget-ja.png` });
    await page.context().close();
  });

  it('switches language from its picker and from the bot\'s language buttons, and keeps it after a reload', async () => {
    const page = await newPage();
    await page.goto(`${ctx.app.url}/`);
    await open(page);
    await page.locator(`${HOST} select`).selectOption('fr');
    await page.locator(`${HOST} .message.bot`, { hasText: fr.language.switched }).waitFor();
    await expect.poll(() => page.locator(`${HOST} .title`).textContent()).toBe(fr.widget.title);
    expect(await input(page).getAttribute('placeholder')).toBe(fr.widget.placeholder);
    expect(await page.locator(`${HOST} .suggestions .chip`).first().textContent()).toBe(fr.welcome.starters[0]);

    // The welcome's hero card: the bot confirms the switch, and the widget follows it.
    await page.locator(`${HOST} .card .chip`, { hasText: 'Deutsch' }).click();
    await page.locator(`${HOST} .message.bot`, { hasText: de.language.switched }).waitFor();
    await expect.poll(() => page.locator(`${HOST} .title`).textContent()).toBe(de.widget.title);
    expect(await page.locator(`${HOST} select`).inputValue()).toBe('de');

    await page.reload();
    expect(await launcher(page).textContent()).toBe(de.widget.launcher);
    await page.context().close();
  });

  it('stays intact on a page with hostile CSS, and answers', async () => {
    const page = await newPage();
    const hostile = `<style>
      html { font-size: 40px !important; }
      body { font: 40px/3 serif !important; color: #c0f !important; background: #222 !important; direction: rtl !important;
             letter-spacing: 6px !important; text-transform: uppercase !important; }
      body * { all: unset !important; }
      body > :not(main), div, section, form, span, p, ul, li, h2, h3, svg { display: none !important; }
      button, input, select { display: none !important; }
      body *::before, body *::after { content: "HOSTILE" !important; font-size: 90px !important; }
      ${HOST} { display: none !important; visibility: hidden !important; opacity: 0 !important; transform: scale(0) !important;
                position: absolute !important; left: -9999px !important; }
    </style>`;
    await portal(page, { head: hostile, body: '<main><h1>Portal with hostile styles</h1></main>' });
    await launcher(page).waitFor();
    expect(await launcher(page).isVisible()).toBe(true);
    const style = await launcher(page).evaluate((element) => {
      const computed = getComputedStyle(element);
      return { fontSize: computed.fontSize, color: computed.color, textTransform: computed.textTransform };
    });
    expect(style).toEqual({ fontSize: '15px', color: 'rgb(255, 255, 255)', textTransform: 'none' });
    expect(await page.evaluate((tag) => getComputedStyle(document.querySelector(tag)!, '::before').content, HOST)).toBe('none');
    await open(page);
    const box = (await panel(page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1100);
    expect(box.width).toBeGreaterThan(300);
    await ask(page, 'How can I call 12345 in English?');
    await answerTitle(page, HOTLINE_TITLE).waitFor();
    expect(await answerTitle(page, HOTLINE_TITLE).isVisible()).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/widget-hostile.png` });
    await page.context().close();
  });

  it('works with the keyboard alone: open, type, send, choose a suggestion, close', async () => {
    const page = await newPage();
    await portal(page);
    await launcher(page).waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedClass(page)).toBe('launcher');
    await page.keyboard.press('Enter');
    expect(await panel(page).isVisible()).toBe(true);
    expect(await page.evaluate((tag) => document.querySelector(tag)!.shadowRoot!.activeElement?.id, HOST)).toBe('input');
    expect(await panel(page).getAttribute('aria-labelledby')).toBe('title');
    expect(await page.locator(`${HOST} [role="log"][aria-live="polite"]`).count()).toBe(1);

    await page.keyboard.type('How can I call 12345 in English?');
    await page.keyboard.press('Enter');
    await answerTitle(page, HOTLINE_TITLE).waitFor();

    // Back from the input to the suggestions: the last one is "not helpful".
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate((tag) => document.querySelector(tag)!.shadowRoot!.activeElement?.textContent, HOST)).toBe(en.feedback.down);
    await page.keyboard.press('Enter');
    await page.locator(`${HOST} .message.bot`, { hasText: en.feedback.thanks }).waitFor();
    const feedback = await ctx.app.composed.feedback.recent(10);
    expect(feedback.some((f) => f.rating === 'down' && f.channel === 'directline')).toBe(true);
    expect(await page.evaluate((tag) => document.querySelector(tag)!.shadowRoot!.activeElement?.id, HOST)).toBe('input');

    await page.keyboard.press('Escape');
    expect(await panel(page).isVisible()).toBe(false);
    expect(await focusedClass(page)).toBe('launcher');
    await page.keyboard.press('Space');
    expect(await panel(page).isVisible()).toBe(true);
    await page.context().close();
  });

  it('shows a user\'s HTML as text and runs none of it', async () => {
    const page = await newPage();
    await page.goto(`${ctx.app.url}/`);
    await open(page);
    const payloads = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=1</script>'];
    for (const payload of payloads) {
      await ask(page, payload);
      await page.locator(`${HOST} .message.user .bubble`, { hasText: payload }).waitFor();
    }
    // The "I don't know" text before its nested emergency sentence (which the welcome also carries).
    const noMatch = en.fallback.noMatch.replace(/\$t\([^)]*\)/, '').trim();
    await expect.poll(() => page.locator(`${HOST} .message.bot`, { hasText: noMatch }).count(), { timeout: 10_000 }).toBe(2);
    const inert = () =>
      page.evaluate((tag) => {
        const root = document.querySelector(tag)!.shadowRoot!;
        return { xss: (window as { __xss?: unknown }).__xss, injected: root.querySelectorAll('img, script').length + document.querySelectorAll('img').length };
      }, HOST);
    expect(await inert()).toEqual({ xss: undefined, injected: 0 });
    // Redrawn from the server's history, still text.
    await page.reload();
    await open(page);
    await page.locator(`${HOST} .message.user .bubble`, { hasText: payloads[0] }).waitFor();
    expect(await inert()).toEqual({ xss: undefined, injected: 0 });
    await page.context().close();
  });

  it('renders a malicious bot reply as text, without unsafe links', async () => {
    const page = await newPage();
    const payload = '<img src=x onerror="window.__xss=1">';
    // Tamper with the first history page: the widget must not trust what the bot sends either.
    const firstHistoryPage = (url: URL) => url.pathname.endsWith('/activities') && url.searchParams.get('watermark') === '0';
    await page.route(firstHistoryPage, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.activities.push({
        type: 'message',
        from: { id: 'bot', role: 'bot' },
        text: `**${payload}**`,
        channelData: {
          lang: 'en',
          dir: 'ltr',
          answer: {
            entryId: 'evil',
            lang: 'en',
            title: payload,
            answer: '<script>window.__xss=1</script>',
            facts: [{ kind: 'website', text: 'fact', href: 'javascript:window.__xss=1' }],
            sources: [{ text: 'source', title: 'source', url: 'data:text/html,<script>window.__xss=1</script>' }],
            verified: '2025-01-01',
            verifiedLabel: payload,
          },
        },
        suggestedActions: { actions: [{ type: 'imBack', title: payload, value: payload }] },
      });
      // Malformed (no facts, no sources): left out, and the conversation goes on.
      body.activities.push({ type: 'message', from: { role: 'bot' }, channelData: { answer: { title: 'malformed' } } });
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${ctx.app.url}/`);
    await launcher(page).click();
    await answerTitle(page, payload).waitFor();
    const report = await page.evaluate((tag) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      return {
        xss: (window as { __xss?: unknown }).__xss,
        injected: root.querySelectorAll('img, script').length,
        links: root.querySelectorAll('.answer a').length,
      };
    }, HOST);
    expect(report).toEqual({ xss: undefined, injected: 0, links: 0 });
    expect(await page.locator(`${HOST} .suggestions .chip`, { hasText: payload }).count()).toBe(1);
    expect(await page.locator(`${HOST} .message`, { hasText: 'malformed' }).count()).toBe(0);
    await ask(page, 'How can I call 12345 in English?');
    await answerTitle(page, HOTLINE_TITLE).waitFor();
    expect(await page.locator(`${HOST} .connection`).textContent()).toBe('');
    await page.context().close();
  });

  it('keeps the conversation across a page reload', async () => {
    const page = await newPage();
    await page.goto(`${ctx.app.url}/`);
    await open(page);
    await ask(page, 'How can I call 12345 in English?');
    await answerTitle(page, HOTLINE_TITLE).waitFor();
    const messages = await page.locator(`${HOST} .message`).count();

    await page.reload();
    await launcher(page).click();
    await answerTitle(page, HOTLINE_TITLE).waitFor();
    await page.locator(`${HOST} .message.user`, { hasText: 'How can I call 12345 in English?' }).waitFor();
    expect(await page.locator(`${HOST} .message`).count()).toBe(messages);
    expect(await page.locator(`${HOST} .message.bot`, { hasText: en.welcome.greeting.slice(0, 20) }).count()).toBe(1);
    await page.context().close();
  });

  it('fits a 320 px wide screen', async () => {
    const page = await newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${ctx.app.url}/`);
    await open(page);
    await ask(page, 'How can I call 12345 in English?');
    await answerTitle(page, HOTLINE_TITLE).waitFor();
    const box = (await panel(page).boundingBox())!;
    expect(box).toMatchObject({ x: 0, width: 320 });
    const overflow = await page.locator(`${HOST} .log`).evaluate((log) => log.scrollWidth - log.clientWidth);
    expect(overflow).toBe(0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/widget-320px.png` });
    await page.context().close();
  });

  it('offers a retry when sending fails, keeping the text, and recovers when polling fails', async () => {
    const page = await newPage();
    await page.goto(`${ctx.app.url}/`);
    await open(page);
    const activities = '**/v3/directline/conversations/*/activities*';
    await page.route(activities, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback()));
    await ask(page, 'How can I call 12345 in English?');
    const failed = page.locator(`${HOST} .message.user`, { hasText: 'How can I call 12345 in English?' });
    await failed.locator('.failed', { hasText: en.widget.sendFailed }).waitFor();
    expect(await page.locator(`${HOST} .typing`).isVisible()).toBe(false);
    await page.unroute(activities);
    await failed.getByRole('button', { name: en.widget.retry }).click();
    await answerTitle(page, HOTLINE_TITLE).waitFor();
    expect(await failed.locator('.failed').count()).toBe(0);

    await page.route(activities, (route) => route.abort('internetdisconnected'));
    await page.locator(`${HOST} .connection`, { hasText: en.widget.connectionError }).waitFor();
    await page.unroute(activities);
    await expect.poll(() => page.locator(`${HOST} .connection`).textContent(), { timeout: 10_000 }).toBe('');
    await page.context().close();
  });

  it('refreshes its token before it expires', async () => {
    const page = await newPage();
    await page.clock.install();
    await page.goto(`${ctx.app.url}/`);
    await open(page);
    const refreshed = page.waitForResponse('**/v3/directline/tokens/refresh');
    await page.clock.fastForward('16:00'); // past half of the 30-minute token lifetime
    expect((await refreshed).status()).toBe(200);
    await ask(page, 'How can I call 12345 in English?');
    await answerTitle(page, HOTLINE_TITLE).waitFor();
    await page.context().close();
  });

  it('works on the demo portal under a strict Content-Security-Policy', async () => {
    const page = await newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await page.route(`${ctx.app.url}/`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "default-src 'self'" } });
    });
    await page.goto(`${ctx.app.url}/`);
    await open(page);
    expect(await launcher(page).evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(11, 79, 138)');
    await ask(page, 'How can I call 12345 in English?');
    await answerTitle(page, HOTLINE_TITLE).waitFor();
    expect(await page.locator('#snippet-code').textContent()).toBe(`<script src="${ctx.app.url}/widget.js" defer></script>`);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('leaks no globals and mounts once even if the tag is included twice', async () => {
    const page = await newPage();
    const globalsOnPortal = async (tag: string) => {
      await portal(page, { tag });
      if (tag) await launcher(page).waitFor();
      return page.evaluate(() => Object.getOwnPropertyNames(window));
    };
    const withoutWidget = new Set(await globalsOnPortal(''));
    const tag = `<script src="${ctx.app.url}/widget.js" defer></script>`;
    const withWidget = await globalsOnPortal(tag + tag);
    expect(withWidget.filter((name) => !withoutWidget.has(name))).toEqual([]);
    expect(await page.locator(HOST).count()).toBe(1);
    await page.context().close();
  });
});
