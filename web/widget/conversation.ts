import type { Lang } from '../../services/languages.js';
import type { Activity, OutgoingMessage } from './activity.js';
import { isConversationLost, type ActivityPage, type DirectLineClient } from './directLine.js';
import { randomId } from './randomId.js';
import { nextPollDelay } from './schedule.js';
import { refreshTime, type Session, type SessionStore } from './session.js';

export interface ConversationEvents {
  /**
   * Activities read from the server, oldest first. `history` is what was already shown before the page reloaded
   * (redraw it, but do not act on it again); `fresh` is new.
   */
  received(history: Activity[], fresh: Activity[]): void;
  /** Whether the last poll reached the server. */
  connection(ok: boolean): void;
}

/**
 * One Direct Line conversation: started on first use, or resumed from the tab's saved session after a reload;
 * polled while the chat is open; its token refreshed halfway through its life. When the server no longer knows
 * it (expired, or the server restarted), it is forgotten and the next poll or message starts a new one.
 */
export class Conversation {
  private session?: Session;
  /** The conversation being started, shared by a poll and a message that both need it. */
  private starting?: Promise<Session>;
  /** Activities before this watermark were handled before the page reloaded. */
  private handledUpTo = 0;
  private polling = false;
  private keepPolling = false;
  private timer?: ReturnType<typeof setTimeout>;
  private failures = 0;
  private lastSentAt = 0;

  constructor(
    private readonly client: DirectLineClient,
    private readonly store: SessionStore,
    private readonly events: ConversationEvents,
    private lang: Lang,
    saved?: Session,
  ) {
    if (saved) {
      // Rebuild the transcript from the whole history; the saved watermark marks where "new" begins.
      this.session = { ...saved, watermark: '0' };
      this.handledUpTo = Number(saved.watermark);
    }
  }

  /**
   * Reads a conversation resumed after a reload once, even with the chat closed: opening it is then instant,
   * and the redrawn history is not announced to screen readers as new messages.
   */
  restoreTranscript(): void {
    if (this.session) this.pollSoon();
  }

  startPolling(): void {
    this.keepPolling = true;
    this.pollSoon();
  }

  stopPolling(): void {
    this.keepPolling = false;
    clearTimeout(this.timer);
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
    if (this.session) this.update(this.session, { lang });
  }

  /** Sends a message; throws when it could not be delivered, so the caller can offer to retry. */
  async post(message: OutgoingMessage, clientActivityID: string): Promise<void> {
    try {
      const session = await this.readySession();
      await this.client.postActivity(session.conversationId, session.token, {
        type: 'message',
        text: message.text,
        value: message.value,
        locale: this.lang,
        from: { id: session.userId },
        channelData: { clientActivityID },
      });
    } catch (error) {
      if (isConversationLost(error)) this.forget();
      throw error;
    }
    this.lastSentAt = Date.now();
    this.pollSoon();
  }

  /** Polls after `delay`, unless a poll is running: it schedules the next one itself when it ends. */
  private pollSoon(delay = 0): void {
    clearTimeout(this.timer);
    if (!this.polling) this.timer = setTimeout(() => void this.poll(), delay);
  }

  private async poll(): Promise<void> {
    this.polling = true;
    try {
      const session = await this.readySession();
      this.receive(session, await this.client.activitiesSince(session.conversationId, session.token, session.watermark));
      this.failures = 0;
      this.events.connection(true);
    } catch (error) {
      if (isConversationLost(error)) {
        this.forget();
      } else {
        this.failures += 1;
        this.events.connection(false);
      }
    } finally {
      this.polling = false;
    }
    if (this.keepPolling) this.pollSoon(nextPollDelay(this.failures, Date.now() - this.lastSentAt));
  }

  private receive(session: Session, page: ActivityPage): void {
    const watermark = Number(page.watermark);
    const historyCount = Math.max(0, this.handledUpTo - (watermark - page.activities.length));
    this.events.received(page.activities.slice(0, historyCount), page.activities.slice(historyCount));
    this.handledUpTo = Math.max(this.handledUpTo, watermark);
    this.update(session, { watermark: page.watermark });
  }

  /** The conversation, started if needed, with its token refreshed if due. */
  private async readySession(): Promise<Session> {
    const session = await this.started();
    if (Date.now() < session.refreshAt) return session;
    const refreshed = await this.client.refreshToken(session.token);
    return this.update(session, { token: refreshed.token, refreshAt: refreshTime(refreshed.expires_in) });
  }

  private started(): Promise<Session> {
    if (this.session) return Promise.resolve(this.session);
    this.starting ??= this.start().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async start(): Promise<Session> {
    const generated = await this.client.generateToken(this.lang);
    const opened = await this.client.startConversation(generated.token);
    this.session = {
      conversationId: opened.conversationId,
      token: opened.token,
      refreshAt: refreshTime(opened.expires_in),
      watermark: '0',
      lang: this.lang,
      userId: randomId(),
    };
    this.store.save(this.session);
    return this.session;
  }

  /**
   * Saves changes to the current session, if it is still the given conversation (it may have been forgotten
   * meanwhile). Changes go into the current session, not the given copy, which may be older.
   */
  private update(session: Session, changes: Partial<Session>): Session {
    if (this.session?.conversationId !== session.conversationId) return { ...session, ...changes };
    this.session = { ...this.session, ...changes };
    this.store.save(this.session);
    return this.session;
  }

  private forget(): void {
    this.session = undefined;
    this.handledUpTo = 0;
    this.store.clear();
  }
}
