import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { composeApp } from '../../bot/compose.js';
import { loadConfig } from '../../services/config.js';
import { createLogger, type Logger } from '../../services/logger.js';

/** Bot Framework authentication on, with an app id Azure never issued: no token can be valid. */
export const BOT_AUTH_ON = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' };

export interface RunningApp {
  url: string;
  composed: Awaited<ReturnType<typeof composeApp>>;
  close(): Promise<void>;
}

/**
 * The product's calibration with other lexical thresholds, as the env that selects it: `answer: 0` answers the best
 * candidate, for tests of conversation mechanics (follow-ups, lists, switches, rendering) that must not depend on
 * where the fitted decision sits (`npm run eval` measures that); `answer: 1` never answers outright.
 */
export function lexicalThresholds(answer: number, clarify: number): Record<string, string> {
  const calibration = JSON.parse(readFileSync('config/decision.json', 'utf8'));
  calibration.lexical = { ...calibration.lexical, answer, clarify };
  const file = join(mkdtempSync(join(tmpdir(), 'calibration-')), 'decision.json');
  writeFileSync(file, JSON.stringify(calibration));
  return { DECISION_CALIBRATION: file };
}

/** Starts the real product (bundled knowledge, no model) on a free loopback port with a scratch data folder. */
export async function startApp(env: Record<string, string> = {}, log: Logger = createLogger('silent')): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'assistant-http-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, MODELS_DIR: join(dataDir, 'models'), ...env });
  const composed = await composeApp(config, log);
  await composed.retrieval.denseSettled();
  const server: Server = await new Promise((resolve) => {
    const s = composed.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    composed,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await composed.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let sequence = 0;

/** Posts one activity with deliveryMode expectReplies and returns the bot's replies from the response body. */
export async function send(app: RunningApp, activity: Partial<Activity>, headers: Record<string, string> = {}): Promise<Partial<Activity>[]> {
  const response = await post(app, activity, headers);
  if (response.status !== 200) throw new Error(`POST /api/messages answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { activities: Partial<Activity>[] };
  return body.activities;
}

export function post(app: RunningApp, activity: Partial<Activity>, headers: Record<string, string> = {}) {
  sequence += 1;
  const full = {
    type: 'message',
    id: `activity-${sequence}`,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies',
    from: { id: 'user-1', name: 'Resident' },
    recipient: { id: 'bot', name: 'Assistant' },
    conversation: { id: `conversation-${sequence}` },
    timestamp: new Date().toISOString(),
    ...activity,
  };
  return fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(full),
  });
}

/** The structured answer a reply carries, if any. */
export function answerOf(reply: Partial<Activity>): { entryId: string; title: string } | undefined {
  return (reply.channelData as { answer?: { entryId: string; title: string } } | undefined)?.answer;
}

/** One call to the local Direct Line API (`/v3/directline` + path), as a Web Chat or widget client makes it. */
export function directLine(
  app: RunningApp,
  path: string,
  token: string | undefined,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${app.url}/v3/directline${path}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export interface OpenedConversation {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** Gets a token and opens its conversation (which sends the welcome); fails the test if either is refused. */
export async function openDirectLineConversation(app: RunningApp, headers: Record<string, string> = {}): Promise<OpenedConversation> {
  const generated = await directLine(app, '/tokens/generate', undefined, { headers });
  if (generated.status !== 200) throw new Error(`tokens/generate answered ${generated.status}`);
  const { token } = (await generated.json()) as { token: string };
  const started = await directLine(app, '/conversations', token, { headers });
  if (started.status !== 201) throw new Error(`conversations answered ${started.status}`);
  return (await started.json()) as OpenedConversation;
}
