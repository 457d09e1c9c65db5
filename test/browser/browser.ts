import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startApp, type RunningApp } from '../http/harness.js';

/** Debian's Chromium, installed by `.ci/run`; never a downloaded browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SCREENSHOT_DIR = 'test-results/screenshots';

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

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
