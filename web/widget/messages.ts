import type { AnswerCard } from '../../services/answerCard.js';
import type { ListCard } from '../../services/listCard.js';
import { HERO_CARD, type Activity, type CardAction, type HeroCard } from './activity.js';
import { button, h } from './dom.js';
import { factHref, sourceHref } from './links.js';
import { boldRuns } from './markdown.js';
import type { Strings } from './strings.js';

/** Builds the DOM of one message. Every text goes in as a text node; links only after a protocol check. */

export type ActionHandler = (action: CardAction) => void;

export function actionButtons(actions: CardAction[], onAction: ActionHandler): HTMLButtonElement[] {
  return actions.map((action) => button({ class: 'chip' }, () => onAction(action), action.title));
}

function paragraphs(text: string): HTMLParagraphElement[] {
  return text.split(/\n{2,}/).map((paragraph) => h('p', {}, ...boldRuns(paragraph).map((run) => (run.bold ? h('strong', {}, run.text) : run.text))));
}

/** A source: a link that opens in a new tab (said to screen readers), or plain text if its URL is not safe. */
function newTabLink(text: string, href: string | undefined, strings: Strings): HTMLElement | string {
  return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text, h('span', { class: 'sr-only' }, ` ${strings.t('newTab')}`)) : text;
}

function answerView(card: AnswerCard, lead: string | undefined, strings: Strings): HTMLElement {
  const fact = (text: string, href: string | undefined) => h('li', {}, href ? h('a', { href }, text) : text);
  const source = (text: string, href: string | undefined) => h('li', {}, newTabLink(text, href, strings));
  return h(
    'div',
    { class: 'answer' },
    lead && h('p', { class: 'lead' }, lead),
    h('h3', {}, card.title),
    card.answer ? h('p', {}, card.answer) : undefined,
    card.details ? h('p', {}, card.details) : undefined,
    card.facts.length > 0 && h('ul', { class: 'facts' }, ...card.facts.map((f) => fact(f.text, factHref(f.href)))),
    card.sources.length > 0 && h('ul', { class: 'sources' }, ...card.sources.map((s) => source(s.text, sourceHref(s.url)))),
    h('p', { class: 'verified' }, card.verifiedLabel),
  );
}

/** A list: its heading, filters, one line per place with a button to its entry, and what it leaves out. */
function listView(card: ListCard, offset: number, strings: Strings, onAction: ActionHandler): HTMLElement {
  const sourceLink = (title: string, href: string | undefined) => h('span', { class: 'list-source' }, newTabLink(title, href, strings));
  const item = (place: ListCard['items'][number]) => {
    const open: CardAction = { type: 'messageBack', title: card.openLabel, text: place.name, displayText: place.name, value: { type: 'entry', entryId: place.entryId } };
    return h(
      'li',
      {},
      h('span', { class: 'card-title' }, place.name),
      place.facets ? h('span', { class: 'list-facets' }, place.facets) : undefined,
      sourceLink(place.source.title, sourceHref(place.source.url)),
      button({ class: 'chip', 'aria-label': `${card.openLabel}: ${place.name}` }, () => onAction(open), card.openLabel),
    );
  };
  return h(
    'div',
    { class: 'answer list' },
    h('h3', {}, card.heading),
    card.filters && h('p', {}, card.filters),
    card.none && h('p', {}, card.none),
    card.items.length > 0 && h('ol', { class: 'places', start: String(offset + 1) }, ...card.items.map(item)),
    card.notStated && h('p', { class: 'verified' }, card.notStated),
    card.items.length > 0 && h('p', { class: 'verified' }, card.sourcesNote),
  );
}

function heroView(card: HeroCard, onAction: ActionHandler): HTMLElement {
  return h(
    'div',
    { class: 'card' },
    card.title && h('p', { class: 'card-title' }, card.title),
    card.text && h('p', {}, card.text),
    h('div', { class: 'chips' }, ...actionButtons(card.buttons ?? [], onAction)),
  );
}

function message(role: 'user' | 'bot', speaker: string, bubble: HTMLElement): HTMLElement {
  return h('div', { class: `message ${role}` }, h('span', { class: 'sr-only' }, speaker), bubble);
}

export function userMessage(text: string, strings: Strings): HTMLElement {
  return message('user', strings.t('you'), h('p', { class: 'bubble', dir: 'auto' }, text));
}

/** A bot reply: its structured answer, or its text; then its hero card, if any. Its language and direction are its own. */
export function botMessage(activity: Activity, strings: Strings, onAction: ActionHandler): HTMLElement {
  const { answer, lead, list, offset, lang, dir } = activity.channelData ?? {};
  const hero = activity.attachments?.find((attachment) => attachment.contentType === HERO_CARD)?.content;
  const bubble = h('div', { class: 'bubble', lang: lang ?? activity.locale, dir: dir === 'rtl' || dir === 'ltr' ? dir : 'auto' });
  if (answer) bubble.append(answerView(answer, lead, strings));
  else if (list) bubble.append(listView(list, offset ?? 0, strings, onAction));
  else if (activity.text) bubble.append(...paragraphs(activity.text));
  // A list's places are its own buttons; its carousel of cards is for Web Chat.
  if (hero && !list) bubble.append(heroView(hero, onAction));
  return message('bot', strings.t('assistant'), bubble);
}
