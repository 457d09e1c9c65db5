/** Vitest global setup: unpack the browser from npm once, before the browser test files start in parallel. */
import { prepareBrowser } from '../browser/launch.js';

export default async function setup(): Promise<void> {
  await prepareBrowser();
}
