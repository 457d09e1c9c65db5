import { isLang, type Lang } from '../../services/languages.js';
import { messageForAction, type Activity, type OutgoingMessage } from './activity.js';
import { Conversation } from './conversation.js';
import { DirectLineClient } from './directLine.js';
import { chooseLanguage } from './language.js';
import { Panel } from './panel.js';
import { randomId } from './randomId.js';
import { retryWithBackoff } from './schedule.js';
import { SessionStore, type Session } from './session.js';
import { fetchStrings, type Strings } from './strings.js';
import { Transcript } from './transcript.js';

export interface WidgetOptions {
  /** The assistant server the script was loaded from. */
  origin: string;
  /** The portal's `data-lang`, if any. */
  requestedLang?: string;
}

/** Loads the UI strings, then shows the launcher; the conversation starts when the chat is first opened. */
export async function startWidget(shadow: ShadowRoot, { origin, requestedLang }: WidgetOptions): Promise<void> {
  const store = new SessionStore(`beijing-assistant:${origin}`);
  const saved = store.load();
  const lang = chooseLanguage(saved?.lang, requestedLang, navigator.languages);
  const strings = await retryWithBackoff(() => fetchStrings(origin, lang));
  new ChatWidget(shadow, origin, strings, store, saved);
}

/** Connects the panel and transcript (what the user sees and does) to the conversation (what the server says). */
class ChatWidget {
  private readonly panel: Panel;
  private readonly transcript: Transcript;
  private readonly conversation: Conversation;
  /** The latest language asked for; its strings may still be loading. */
  private wantedLang: Lang;

  constructor(
    shadow: ShadowRoot,
    private readonly origin: string,
    private strings: Strings,
    store: SessionStore,
    saved: Session | undefined,
  ) {
    this.wantedLang = strings.lang;
    this.panel = new Panel(shadow, strings, {
      opened: () => this.conversation.startPolling(),
      closed: () => this.conversation.stopPolling(),
      submitted: (text) => this.send({ text }),
      languageChosen: (lang) => void this.switchLanguage(lang, true),
    });
    this.transcript = new Transcript(this.panel, () => this.strings, (action) => {
      // A pressed suggestion disappears with the next message: keep the keyboard focus somewhere useful.
      this.panel.focusInput();
      this.send(messageForAction(action));
    });
    const events = {
      received: (history: Activity[], fresh: Activity[]) => this.receive(history, fresh),
      connection: (ok: boolean) => this.panel.showConnectionProblem(!ok),
    };
    this.conversation = new Conversation(new DirectLineClient(origin), store, events, strings.lang, saved);
    this.conversation.restoreTranscript();
  }

  private receive(history: Activity[], fresh: Activity[]): void {
    this.transcript.showHistory(history);
    this.transcript.showNew(fresh);
    // The bot confirms every language change (from its own language buttons too): the UI follows it.
    for (const activity of fresh) {
      const { kind, lang } = activity.channelData ?? {};
      if (kind === 'languageSwitched' && isLang(lang)) void this.switchLanguage(lang, false);
    }
  }

  /** Shows the message at once, then sends it; if that fails, the message offers a retry and keeps its text. */
  private send(message: OutgoingMessage): void {
    const clientActivityID = randomId();
    const shown = this.transcript.addOwnMessage(message.text, clientActivityID);
    const attempt = async () => {
      this.transcript.setTyping(true);
      try {
        await this.conversation.post(message, clientActivityID);
      } catch {
        this.transcript.setTyping(false);
        shown.failed(() => {
          this.panel.focusInput();
          void attempt();
        });
      }
    };
    void attempt();
  }

  /** Changes the UI language; a choice in the picker (`tellBot`) also moves the bot's conversation to it. */
  private async switchLanguage(lang: Lang, tellBot: boolean): Promise<void> {
    if (lang === this.wantedLang) return;
    this.wantedLang = lang;
    this.conversation.setLanguage(lang);
    if (tellBot) {
      const name = this.strings.languages.find((option) => option.code === lang)?.name ?? lang;
      this.send({ text: name, value: { type: 'setLanguage', lang } });
    }
    const strings = await retryWithBackoff(() => fetchStrings(this.origin, lang));
    if (lang !== this.wantedLang) return;
    this.strings = strings;
    this.panel.applyStrings(strings);
  }
}
