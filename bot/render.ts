import { ActionTypes, CardFactory, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { AskResult, Decision } from '../services/assistant.js';
import type { Localizer } from '../services/i18n.js';
import type { Entry, LocalizedText } from '../services/knowledge/schema.js';
import { LANGS, textDirection, type Lang } from '../services/languages.js';

/** What a button sends back in `activity.value`; the bot acts on it without reading any text. */
export type ActionValue =
  | { type: 'entry'; entryId: string }
  | { type: 'setLanguage'; lang: Lang }
  | { type: 'feedback'; entryId: string; rating: 'up' | 'down' };

/** One key fact, ready to show: a localized label and value, with a link where there is one. */
export interface FactLine {
  kind: 'phone' | 'address' | 'district' | 'hours' | 'website' | 'email' | 'languages';
  text: string;
  href?: string;
}

/** The structured answer in `channelData.answer`, which our widget renders as text, never as HTML. */
export interface AnswerCard {
  entryId: string;
  title: string;
  answer: string;
  details?: string;
  facts: FactLine[];
  /** Each source as "Source: <title>", with its URL. */
  sources: { text: string; title: string; url: string }[];
  verified: string;
  verifiedLabel: string;
}

export type Reply = Partial<Activity>;

function pick(text: LocalizedText | undefined, lang: Lang): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[lang] ?? text.en ?? text.zh;
}

function messageBack(title: string, value: ActionValue, displayText = title): CardAction {
  return { type: ActionTypes.MessageBack, title, text: displayText, displayText, value };
}

/** Turns decisions into Bot Framework activities, with every fixed string from i18next. */
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

  factLines(entry: Entry, lang: Lang): FactLine[] {
    const { facts } = entry;
    const lines: FactLine[] = [];
    for (const phone of facts.phones ?? []) {
      const label = this.t(lang, `phoneKind.${phone.kind}`);
      const key = phone.extension ? 'answer.phoneWithExtension' : 'answer.phone';
      lines.push({
        kind: 'phone',
        text: this.t(lang, key, { label, number: phone.number, extension: phone.extension }),
        href: `tel:${phone.number.replace(/[^\d+]/g, '')}`,
      });
    }
    const address = pick(facts.address, lang);
    if (address) lines.push({ kind: 'address', text: this.t(lang, 'answer.address', { value: address }) });
    if (facts.district) {
      lines.push({ kind: 'district', text: this.t(lang, 'answer.district', { value: this.t(lang, `district.${facts.district}`) }) });
    }
    const hours = pick(facts.hours, lang);
    if (hours) lines.push({ kind: 'hours', text: this.t(lang, 'answer.hours', { value: hours }) });
    if (facts.languages) {
      const names = new Intl.DisplayNames([lang], { type: 'language' });
      const value = new Intl.ListFormat(lang).format(facts.languages.map((code) => names.of(code) ?? code));
      lines.push({ kind: 'languages', text: this.t(lang, 'answer.languages', { value }) });
    }
    if (facts.website) lines.push({ kind: 'website', text: this.t(lang, 'answer.website', { value: facts.website }), href: facts.website });
    if (facts.email) lines.push({ kind: 'email', text: this.t(lang, 'answer.email', { value: facts.email }), href: `mailto:${facts.email}` });
    return lines;
  }

  answerCard(entry: Entry, lang: Lang): AnswerCard {
    const content = entry.content[lang];
    return {
      entryId: entry.id,
      title: content.title,
      answer: content.answer,
      details: content.details,
      facts: this.factLines(entry, lang),
      sources: entry.sources.map((source) => {
        const title = source.title ?? new URL(source.url).hostname;
        return { text: this.t(lang, 'answer.source', { title }), title, url: source.url };
      }),
      verified: entry.verified,
      verifiedLabel: this.t(lang, 'answer.verified', { date: formatDate(entry.verified, lang) }),
    };
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
    const card = this.answerCard(entry, lang);
    const body = this.answerMarkdown(card, lang);
    const reply = this.message(lang, lead ? `${lead}\n\n${body}` : body, { answer: card, entryId: entry.id });
    reply.suggestedActions = {
      to: [],
      actions: [
        ...related.map((e) => messageBack(e.content[lang].title, { type: 'entry', entryId: e.id })),
        messageBack(this.t(lang, 'feedback.up'), { type: 'feedback', entryId: entry.id, rating: 'up' }),
        messageBack(this.t(lang, 'feedback.down'), { type: 'feedback', entryId: entry.id, rating: 'down' }),
      ],
    };
    return reply;
  }

  decision(decision: Decision, lang: Lang): Reply[] {
    switch (decision.kind) {
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
          actions: decision.entries.map((e) => messageBack(e.content[lang].title, { type: 'entry', entryId: e.id })),
        };
        return [reply];
      }
      case 'fallback':
        return [this.message(lang, this.t(lang, decision.reason === 'empty' ? 'fallback.empty' : 'fallback.noMatch'), { kind: 'fallback' })];
    }
  }

  result(result: AskResult): Reply[] {
    return this.decision(result.decision, result.lang);
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
    const starters = this.message(lang, this.t(lang, 'welcome.startersPrompt'), { kind: 'starters' });
    starters.suggestedActions = {
      to: [],
      actions: this.localizer.list(lang, 'welcome.starters').map((q) => ({ type: ActionTypes.ImBack, title: q, value: q })),
    };
    return [intro, starters];
  }

  languageSwitched(lang: Lang): Reply[] {
    return [this.message(lang, this.t(lang, 'language.switched'), { kind: 'languageSwitched' }), ...this.welcome(lang).slice(1)];
  }

  feedbackThanks(lang: Lang): Reply {
    return this.message(lang, this.t(lang, 'feedback.thanks'), { kind: 'feedbackThanks' });
  }

  error(lang: Lang, correlationId: string): Reply {
    return this.message(lang, this.t(lang, 'errors.generic', { correlationId }), { kind: 'error' });
  }
}

export function formatDate(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * Knowledge text is shown as text: characters that open markdown markup (emphasis, links, HTML, code) are
 * escaped. Parentheses stay: without a preceding `]` they cannot form a link.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|~])/g, '\\$1');
}
