import type { Activity } from './activity.js';

/** What `tokens/generate`, `tokens/refresh` and `conversations` answer. */
export interface IssuedToken {
  conversationId: string;
  token: string;
  expires_in: number;
}

export interface ActivityPage {
  activities: Activity[];
  watermark: string;
}

/** A non-2xx answer. 403 and 404 mean the conversation cannot be resumed (expired token or conversation). */
export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

export function isConversationLost(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 403 || error.status === 404);
}

/** The Direct Line 3.0 calls the widget makes, over plain fetch (polling, no WebSocket). */
export class DirectLineClient {
  private readonly base: string;

  constructor(origin: string) {
    this.base = `${origin}/v3/directline`;
  }

  generateToken(locale: string): Promise<IssuedToken> {
    return this.request('POST', '/tokens/generate', undefined, { locale });
  }

  /** Opens the token's conversation, which makes the bot send its welcome. */
  startConversation(token: string): Promise<IssuedToken> {
    return this.request('POST', '/conversations', token);
  }

  refreshToken(token: string): Promise<IssuedToken> {
    return this.request('POST', '/tokens/refresh', token);
  }

  activitiesSince(conversationId: string, token: string, watermark: string): Promise<ActivityPage> {
    const path = `/conversations/${encodeURIComponent(conversationId)}/activities?watermark=${encodeURIComponent(watermark)}`;
    return this.request('GET', path, token);
  }

  postActivity(conversationId: string, token: string, activity: Activity): Promise<{ id: string }> {
    return this.request('POST', `/conversations/${encodeURIComponent(conversationId)}/activities`, token, activity);
  }

  private async request<T>(method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    if (!response.ok) throw new HttpError(response.status);
    return (await response.json()) as T;
  }
}
