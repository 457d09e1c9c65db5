import { isLang, type Lang } from '../../services/languages.js';

/** What survives a page reload in this tab: the conversation, where reading it had got to, and the language. */
export interface Session {
  conversationId: string;
  token: string;
  /** When to refresh the token (epoch ms): halfway through its lifetime. */
  refreshAt: number;
  /** Direct Line watermark: every activity before it has been shown and acted upon. */
  watermark: string;
  lang: Lang;
  userId: string;
}

export function refreshTime(expiresInSeconds: number, now = Date.now()): number {
  return now + (expiresInSeconds * 1000) / 2;
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.conversationId === 'string' &&
    typeof s.token === 'string' &&
    typeof s.refreshAt === 'number' &&
    typeof s.watermark === 'string' &&
    typeof s.userId === 'string' &&
    isLang(s.lang)
  );
}

/**
 * The session in sessionStorage, under one key per assistant server. Storage may be disabled or full (private
 * modes, sandboxed frames): the widget then still works, it just forgets the conversation on reload.
 */
export class SessionStore {
  constructor(private readonly key: string) {}

  load(): Session | undefined {
    try {
      const value: unknown = JSON.parse(sessionStorage.getItem(this.key) ?? 'null');
      return isSession(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  save(session: Session): void {
    try {
      sessionStorage.setItem(this.key, JSON.stringify(session));
    } catch {
      // Storage unavailable: see the class comment.
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      // Storage unavailable: there is nothing to clear.
    }
  }
}
