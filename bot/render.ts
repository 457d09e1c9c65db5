import { ActionTypes, AttachmentLayoutTypes, CardFactory, Channels, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { AskResult, Decision } from '../services/assistant.js';
import type { ListQuery } from '../services/conversation/listQuestions.js';
import { LIST_PAGE_SIZE, listCard, type ListDecision } from '../services/listCard.js';
import type { Localizer } from '../services/i18n.js';
import { answerCard, type AnswerCard } from '../services/answerCard.js';
import type { FactKind } from '../services/conversation/factQuestions.js';
import type { Entry } from '../services/knowledge/schema.js';
import { LANGS, textDirection, type Lang } from '../services/languages.js';

/** What a button sends back in `activity.value`; the bot acts on it without reading any text. */
export type ActionValue =
  | { type: 'entry'; entryId: string }
  | { type: 'setLanguage'; lang: Lang }
  | { type: 'feedback'; entryId: string; rating: 'up' | 'down' }
  /** The next page of a list: the query travels in the button, so paging needs no state. */
  | { type: 'listPage'; query: ListQuery; offset: number };

/** How a channel shows replies: with cards and buttons, or as text only (SMS, email). */
export interface ChannelAbilities {
  cards: boolean;
}
const WITH_CARDS: ChannelAbilities = { cards: true };
/** Channels that show text only. */
const TEXT_ONLY_CHANNELS: ReadonlySet<string> = new Set([Channels.Sms, Channels.Email]);

export function abilitiesOf(channelId: string): ChannelAbilities {
  return { cards: !TEXT_ONLY_CHANNELS.has(channelId) };
}

export type Reply = Partial<Activity>;

function messageBack(title: string, value: ActionValue, displayText = title): CardAction {
  return { type: ActionTypes.MessageBack, title, text: displayText, displayText, value };
}

/** A button that answers one entry: "did you mean" choices and related topics. */
function entryChoice(entry: Entry, lang: Lang): CardAction {
  return messageBack(entry.content[lang].title, { type: 'entry', entryId: entry.id });
}

/** Turns decisions into Bot Framework activities, with every fixed string from i18next. */
const FALLBACK_KEYS: Record<Extract<Decision, { kind: 'fallback' }>['reason'], string> = {
  'no-match': 'fallback.noMatch',
  empty: 'fallback.empty',
  'other-place': 'fallback.otherPlace',
};

export class Renderer {
  constructor(private readonly localizer: Localizer) {}

  private t(lang: Lang, key: string, values?: Record<string, unknown>) {
    return this.localizer.t(lang, key, values);
  }

  /** Every reply carries its language and writing direction, so channels can lay Arabic out right to left. */
  private message(lang: Lang, text: string, extra: Record<string, unknown> = {}): Reply {
    const activity = MessageFactory.text(text);
    activity.locale = lang;
    activity.textFormat = 'markdown';
    activity.channelData = { lang, dir: textDirection(lang), ...extra };
    return activity;
  }

  /** Markdown for channels that show text (Web Chat, Teams); our widget uses the structured card instead. */
  private answerMarkdown(card: AnswerCard, lang: Lang): string {
    const sources = card.sources.map((s) => this.t(lang, 'answer.source', { title: `[${escapeMarkdown(s.title)}](${s.url})` }));
    return [
      `**${escapeMarkdown(card.title)}**`,
      escapeMarkdown(card.answer),
      card.details ? escapeMarkdown(card.details) : '',
      card.facts.map((f) => `- ${escapeMarkdown(f.text)}`).join('\n'),
      [...sources, card.verifiedLabel].join('  \n'),
    ]
      .filter(Boolean)
      .join('\n\n');
  }

  entryAnswer(entry: Entry, lang: Lang, related: Entry[] = [], lead?: string): Reply {
    const card = answerCard(entry, lang, this.localizer);
    const body = this.answerMarkdown(card, lang);
    // The lead (an emergency's "call 120 now") travels on its own too, so the widget need not parse markdown.
    const reply = this.message(lang, lead ? `${lead}\n\n${body}` : body, { answer: card, lead, entryId: entry.id });
    reply.suggestedActions = {
      to: [],
      actions: [
        ...related.map((e) => entryChoice(e, lang)),
        messageBack(this.t(lang, 'feedback.up'), { type: 'feedback', entryId: entry.id, rating: 'up' }),
        messageBack(this.t(lang, 'feedback.down'), { type: 'feedback', entryId: entry.id, rating: 'down' }),
      ],
    };
    return reply;
  }

  /**
   * One fact of an entry, first and plainly, with its sources; then the full answer as a button. When the entry
   * does not state the fact, it says so and points to the source and to 12345: it never guesses.
   */
  factAnswer(entry: Entry, fact: FactKind, lang: Lang): Reply {
    const card = answerCard(entry, lang, this.localizer);
    const lines = card.facts.filter((line) => line.kind === fact);
    const fullAnswer = messageBack(this.t(lang, 'fact.fullAnswer'), { type: 'entry', entryId: entry.id });
    if (lines.length === 0) {
      const [source] = card.sources;
      const text = this.t(lang, 'fact.missing', { title: escapeMarkdown(card.title), source: `[${escapeMarkdown(source.title)}](${source.url})` });
      const reply = this.message(lang, text, { kind: 'factMissing', fact, entryId: entry.id });
      reply.suggestedActions = { to: [], actions: [fullAnswer] };
      return reply;
    }
    const factCard: AnswerCard = { ...card, answer: '', details: undefined, facts: lines };
    const reply = this.message(lang, this.answerMarkdown(factCard, lang), { kind: 'fact', fact, answer: factCard, entryId: entry.id });
    reply.suggestedActions = { to: [], actions: [fullAnswer] };
    return reply;
  }

  /**
   * A list: the heading with the count and filters, then one page of places. With cards, each place is a card in a
   * carousel with a button to its full entry; as text, a numbered line. Our widget renders `channelData.list`.
   */
  listAnswer(decision: ListDecision, lang: Lang, offset = 0, channel: ChannelAbilities = WITH_CARDS): Reply {
    const card = listCard(decision, lang, this.localizer);
    const page = card.items.slice(offset, offset + LIST_PAGE_SIZE);
    const remaining = card.items.length - offset - page.length;
    const notes = [card.notStated, card.items.length > 0 ? card.sourcesNote : undefined].filter(Boolean).map((n) => escapeMarkdown(n!));
    const head = [`**${escapeMarkdown(card.heading)}**`, card.filters && escapeMarkdown(card.filters), card.none && escapeMarkdown(card.none)].filter(Boolean);
    const lines = channel.cards ? [] : [page.map((item, i) => `${offset + i + 1}. ${escapeMarkdown(item.text)} — [${escapeMarkdown(item.source.title)}](${item.source.url})`).join('\n')];
    const text = [...head, ...lines, ...notes].filter(Boolean).join('\n\n');
    const reply = this.message(lang, text, { kind: 'list', list: { ...card, items: page }, offset, total: card.items.length, entryIds: card.items.map((item) => item.entryId) });
    if (channel.cards && page.length > 0) {
      reply.attachmentLayout = AttachmentLayoutTypes.Carousel;
      reply.attachments = page.map((item) =>
        CardFactory.heroCard(item.name, item.facets, undefined, [
          messageBack(this.t(lang, 'list.open'), { type: 'entry', entryId: item.entryId }, item.name),
          { type: ActionTypes.OpenUrl, title: this.t(lang, 'list.source'), value: item.source.url },
        ]),
      );
    }
    if (channel.cards && remaining > 0) {
      const more = messageBack(this.t(lang, 'list.showMore', { count: Math.min(remaining, LIST_PAGE_SIZE) }), {
        type: 'listPage',
        query: decision.query,
        offset: offset + page.length,
      });
      reply.suggestedActions = { to: [], actions: [more] };
    }
    return reply;
  }

  decision(decision: Decision, lang: Lang, channel: ChannelAbilities = WITH_CARDS): Reply[] {
    switch (decision.kind) {
      case 'list':
        return [this.listAnswer(decision, lang, 0, channel)];
      case 'fact':
        return [this.factAnswer(decision.entry, decision.fact, lang)];
      case 'answer':
        return [this.entryAnswer(decision.entry, lang, decision.alternatives)];
      case 'emergency': {
        const number = decision.entry.facts.phones?.[0]?.number ?? '';
        return [this.entryAnswer(decision.entry, lang, [], this.t(lang, 'emergency.lead', { number }))];
      }
      case 'clarify': {
        const reply = this.message(lang, this.t(lang, 'clarify.prompt'), { kind: 'clarify' });
        reply.suggestedActions = {
          to: [],
          actions: decision.entries.map((e) => entryChoice(e, lang)),
        };
        return [reply];
      }
      case 'fallback': {
        if (!decision.named) return [this.message(lang, this.t(lang, FALLBACK_KEYS[decision.reason]), { kind: 'fallback' })];
        // Not `entryId`: nothing was answered. The named place is offered, as a "did you mean" choice is.
        const reply = this.message(lang, this.t(lang, 'fallback.named', { title: escapeMarkdown(decision.named.content[lang].title) }), { kind: 'fallback', namedEntryId: decision.named.id });
        reply.suggestedActions = { to: [], actions: [entryChoice(decision.named, lang)] };
        return [reply];
      }
    }
  }

  result(result: AskResult, channel: ChannelAbilities = WITH_CARDS): Reply[] {
    const replies = this.decision(result.decision, result.lang, channel);
    return result.unsupportedLanguage ? [this.unsupportedLanguage(result.lang), ...replies] : replies;
  }

  /** For a message in a language we do not speak: which nine we do, each named in its own language. */
  private unsupportedLanguage(lang: Lang): Reply {
    const names = new Intl.ListFormat(lang, { type: 'conjunction' }).format(LANGS.map((code) => this.t(code, 'language.name')));
    return this.message(lang, this.t(lang, 'language.unsupported', { languages: names }), { kind: 'unsupportedLanguage' });
  }

  /** The welcome: greeting, a language picker, and starter questions as suggested actions. */
  welcome(lang: Lang): Reply[] {
    const intro = this.message(lang, [this.t(lang, 'welcome.greeting'), this.t(lang, 'welcome.disclaimer')].join('\n\n'), {
      kind: 'welcome',
    });
    intro.attachments = [
      CardFactory.heroCard(
        this.t(lang, 'language.pickerPrompt'),
        undefined,
        LANGS.map((code) => messageBack(this.t(code, 'language.name'), { type: 'setLanguage', lang: code })),
      ),
    ];
    return [intro, this.starters(lang)];
  }

  /** Starter questions as suggested actions. */
  private starters(lang: Lang): Reply {
    const starters = this.message(lang, this.t(lang, 'welcome.startersPrompt'), { kind: 'starters' });
    starters.suggestedActions = {
      to: [],
      actions: this.localizer.list(lang, 'welcome.starters').map((q) => ({ type: ActionTypes.ImBack, title: q, value: q })),
    };
    return starters;
  }

  /** The switch confirmed, then the answer or list being discussed in the new language, or else the starter questions. */
  languageSwitched(lang: Lang, topic?: Decision, channel: ChannelAbilities = WITH_CARDS): Reply[] {
    return [this.message(lang, this.t(lang, 'language.switched'), { kind: 'languageSwitched' }), ...(topic ? this.decision(topic, lang, channel) : [this.starters(lang)])];
  }

  truncated(lang: Lang, count: number): Reply {
    return this.message(lang, this.t(lang, 'errors.truncated', { count }), { kind: 'truncated' });
  }

  feedbackThanks(lang: Lang): Reply {
    return this.message(lang, this.t(lang, 'feedback.thanks'), { kind: 'feedbackThanks' });
  }

  error(lang: Lang, correlationId: string): Reply {
    return this.message(lang, this.t(lang, 'errors.generic', { correlationId }), { kind: 'error' });
  }
}

/**
 * Knowledge text is shown as text: characters that open markdown markup (emphasis, links, HTML, code) are
 * escaped. Parentheses stay: without a preceding `]` they cannot form a link.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|~])/g, '\\$1');
}
