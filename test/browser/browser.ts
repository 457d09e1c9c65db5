import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startApp, type RunningApp } from '../http/harness.js';
import { launchBrowser } from './launch.js';

export { SCREENSHOT_DIR } from './launch.js';

/**
 * Starts the real product and Chromium before a test file's tests and stops both after them. The fields are
 * filled in by `beforeAll`: read them inside tests.
 */
export function useAppAndBrowser(env: () => Promise<Record<string, string>> | Record<string, string> = () => ({})): { app: RunningApp; browser: Browser } {
  const context = {} as { app: RunningApp; browser: Browser };
  beforeAll(async () => {
    [context.app, context.browser] = await Promise.all([startApp(await env()), launchBrowser()]);
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.app?.close();
  });
  return context;
}
