import type { Activity, CardAction } from './activity.js';
import { button, h } from './dom.js';
import { actionButtons, botMessage, userMessage, type ActionHandler } from './messages.js';
import type { Strings } from './strings.js';

/** Space kept above a new message scrolled to the top of the log. */
const SCROLL_MARGIN_PX = 12;

export interface TranscriptElements {
  log: HTMLElement;
  suggestions: HTMLElement;
  typing: HTMLElement;
}

/** A message the user sent, shown at once; it offers a retry if sending failed. */
export interface OwnMessage {
  failed(retry: () => void): void;
}

/**
 * The conversation as the user sees it: messages in the log, the latest reply's suggested actions, and the
 * typing indicator while a reply is awaited.
 */
export class Transcript {
  /** Messages the user sent from this page: the server's echo of them is not shown twice. */
  private readonly sentHere = new Set<string>();

  constructor(
    private readonly elements: TranscriptElements,
    private readonly strings: () => Strings,
    private readonly onAction: ActionHandler,
  ) {}

  addOwnMessage(text: string, clientActivityID: string): OwnMessage {
    this.sentHere.add(clientActivityID);
    const element = userMessage(text, this.strings());
    this.elements.log.append(element);
    this.showSuggestions([]);
    this.scrollTo(this.elements.log.scrollHeight);
    return {
      failed: (retry) => {
        const notice = h(
          'p',
          { class: 'failed' },
          `${this.strings().t('sendFailed')} `,
          button({}, () => {
            notice.remove();
            retry();
          }, this.strings().t('retry')),
        );
        element.append(notice);
      },
    };
  }

  /** Redraws earlier messages after a reload, scrolled to the end. */
  showHistory(activities: Activity[]): void {
    if (this.append(activities)) this.scrollTo(this.elements.log.scrollHeight);
  }

  /** Shows new messages, scrolled so the first new one starts at the top: long answers are read from their title. */
  showNew(activities: Activity[]): void {
    const first = this.append(activities);
    if (first) this.scrollTo(first.offsetTop - SCROLL_MARGIN_PX);
  }

  setTyping(on: boolean): void {
    this.elements.typing.hidden = !on;
  }

  /** Appends the activities' messages and returns the first one appended. */
  private append(activities: Activity[]): HTMLElement | undefined {
    let first: HTMLElement | undefined;
    for (const activity of activities) {
      if (activity.type !== 'message') continue;
      const fromUser = activity.from?.role === 'user';
      const clientActivityID = activity.channelData?.clientActivityID;
      if (fromUser && clientActivityID && this.sentHere.delete(clientActivityID)) continue;
      let element: HTMLElement;
      try {
        element = fromUser ? userMessage(activity.text ?? '', this.strings()) : botMessage(activity, this.strings(), this.onAction);
      } catch {
        continue; // a malformed activity is left out rather than stopping the conversation
      }
      this.elements.log.append(element);
      first ??= element;
      // As in Web Chat, only the latest message's suggested actions are offered.
      this.showSuggestions(activity.suggestedActions?.actions ?? []);
      if (!fromUser) this.setTyping(false);
    }
    return first;
  }

  private showSuggestions(actions: CardAction[]): void {
    this.elements.suggestions.replaceChildren(...actionButtons(actions, this.onAction));
    this.elements.suggestions.hidden = actions.length === 0;
  }

  private scrollTo(top: number): void {
    this.elements.log.scrollTop = top;
  }
}
