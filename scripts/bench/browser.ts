/** Time to first answer in a real browser: the demo portal, the widget opened, one question. */
import { launchBrowser } from '../../test/browser/launch.js';

const WIDGET = 'beijing-assistant';

export interface FirstAnswer {
  /** From navigation start to the answer on screen (page, widget script, strings, token, welcome, question). */
  pageToAnswerMs: number;
  /** From pressing Enter to the answer on screen (Direct Line post, bot, poll, render). */
  sendToAnswerMs: number;
}

/** In the browser the tests use: Debian's Chromium, or the one from npm. */
export async function widgetFirstAnswer(origin: string): Promise<FirstAnswer> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ locale: 'en-US' });
    const started = performance.now();
    await page.goto(`${origin}/`);
    await page.locator(`${WIDGET} .launcher`).click();
    const input = page.locator(`${WIDGET} input`);
    await input.fill('Can I call 12345 in English?');
    const sent = performance.now();
    await input.press('Enter');
    await page.locator(`${WIDGET} .answer h3`).first().waitFor({ timeout: 20_000 });
    const answered = performance.now();
    return { pageToAnswerMs: answered - started, sendToAnswerMs: answered - sent };
  } finally {
    await browser.close();
  }
}
