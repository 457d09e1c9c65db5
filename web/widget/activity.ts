import type { AnswerCard } from '../../services/answerCard.js';
import type { ListCard } from '../../services/listCard.js';

/** The parts of Bot Framework activities the widget reads or sends (Direct Line 3.0 JSON). */

export interface CardAction {
  type: string;
  title: string;
  text?: string;
  displayText?: string;
  value?: unknown;
}

export interface HeroCard {
  title?: string;
  text?: string;
  buttons?: CardAction[];
}

export interface Activity {
  type: string;
  text?: string;
  /** What a button sends back (messageBack). */
  value?: unknown;
  locale?: string;
  from?: { id?: string; role?: string };
  channelData?: {
    clientActivityID?: string;
    lang?: string;
    dir?: string;
    kind?: string;
    answer?: AnswerCard;
    /** Text shown before the answer, such as an emergency's "call 120 now". */
    lead?: string;
    /** A list answer: one page of places, numbered from `offset`. */
    list?: ListCard;
    offset?: number;
  };
  suggestedActions?: { actions?: CardAction[] };
  attachments?: { contentType: string; content?: HeroCard }[];
}

export const HERO_CARD = 'application/vnd.microsoft.card.hero';

/** What the user sends: typed text, or a button's text with its value. */
export interface OutgoingMessage {
  text: string;
  value?: unknown;
}

/** A pressed button as a message: imBack posts its value as text; messageBack posts its value and shows its displayText. */
export function messageForAction(action: CardAction): OutgoingMessage {
  if (action.type === 'messageBack') return { text: action.displayText ?? action.text ?? action.title, value: action.value };
  return { text: typeof action.value === 'string' ? action.value : action.title };
}
