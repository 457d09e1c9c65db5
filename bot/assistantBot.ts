import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { AskResult, ConversationContext, Decision } from '../services/assistant.js';
import { ListQuerySchema, type ListQuery } from '../services/conversation/listQuestions.js';
import type { FeedbackStore } from '../services/feedback/store.js';
import type { Entry } from '../services/knowledge/schema.js';
import type { LanguageSwitchDetector } from '../services/language/switch.js';
import { isLang, langFromLocale, DEFAULT_LANG, type Lang } from '../services/languages.js';
import type { LiveRetrieval } from '../services/liveRetrieval.js';
import type { Logger } from '../services/logger.js';
import type { Metrics } from '../services/observability/metrics.js';
import { storedQuestion } from '../services/privacy/storedQuestion.js';
import { cleanUserText } from '../services/text.js';
import { abilitiesOf, type ActionValue, type Renderer } from './render.js';

export interface BotDependencies {
  /** Read at each turn: a knowledge reload swaps what it holds. */
  retrieval: LiveRetrieval;
  metrics: Metrics;
  renderer: Renderer;
  detectLanguageSwitch: LanguageSwitchDetector;
  feedback: FeedbackStore;
  conversationState: ConversationState;
  /** Longer messages are cut, and the user is told. */
  maxMessageChars: number;
  /** A follow-up this long after the last answer no longer refers to it. */
  contextIdleMs: number;
  log: Logger;
}

/** Entry ids are short slugs; anything longer is not one, and is not looked up or stored. */
const MAX_ENTRY_ID_CHARS = 128;
const isEntryId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ENTRY_ID_CHARS;

function actionValue(value: unknown): ActionValue | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.type === 'setLanguage' && isLang(v.lang)) return { type: 'setLanguage', lang: v.lang };
  if (v.type === 'entry' && isEntryId(v.entryId)) return { type: 'entry', entryId: v.entryId };
  if (v.type === 'feedback' && isEntryId(v.entryId) && (v.rating === 'up' || v.rating === 'down')) {
    return { type: 'feedback', entryId: v.entryId, rating: v.rating };
  }
  if (v.type === 'listPage' && Number.isInteger(v.offset) && (v.offset as number) > 0) {
    const query = ListQuerySchema.safeParse(v.query);
    if (query.success) return { type: 'listPage', query: query.data, offset: v.offset as number };
  }
  return undefined;
}

/** What the conversation was last about (the entry answered or named, or the list given), and when (ms since the epoch). */
interface ConversationTopic extends ConversationContext {
  at: number;
  /** The entry was named by a question we could not answer: shown again, it is that fallback again. */
  unanswered?: boolean;
}

/** The "did you mean" choices last offered, and the stored unanswered question they were offered for. */
interface OfferedChoices {
  unansweredId: number;
  entryIds: string[];
}

/**
 * The Bot Framework face of the assistant: keeps the conversation's language in conversation state, turns
 * button presses and language switches into actions, and hands every question to `assistant.ask`.
 */
export class AssistantBot extends ActivityHandler {
  private readonly conversationLang: StatePropertyAccessor<Lang | undefined>;
  private readonly conversationTopic: StatePropertyAccessor<ConversationTopic | undefined>;
  private readonly offeredChoices: StatePropertyAccessor<OfferedChoices | undefined>;

  constructor(private readonly deps: BotDependencies) {
    super();
    this.conversationLang = deps.conversationState.createProperty<Lang | undefined>('conversationLang');
    this.conversationTopic = deps.conversationState.createProperty<ConversationTopic | undefined>('conversationTopic');
    this.offeredChoices = deps.conversationState.createProperty<OfferedChoices | undefined>('offeredChoices');

    this.onMembersAdded(async (context, next) => {
      const userJoined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id);
      if (userJoined) await context.sendActivities(this.deps.renderer.welcome(await this.languageOf(context)));
      await next();
    });

    this.onMessage(async (context, next) => {
      try {
        await this.handleMessage(context);
      } catch (error) {
        // A failing turn must not end the conversation: apologise in the user's language with a reference.
        const correlationId = randomUUID();
        this.deps.log.error({ err: error, correlationId, conversationId: context.activity.conversation.id }, 'turn failed');
        await context.sendActivity(this.deps.renderer.error(await this.languageOf(context), correlationId));
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  /**
   * Fallbacks and "did you mean"s are kept, redacted, so editors can see what the knowledge base lacks. The choices
   * offered are remembered with the stored question, so the one the resident clicks can be recorded against it.
   */
  private async recordIfUnanswered(context: TurnContext, text: string, result: AskResult): Promise<void> {
    const { decision } = result;
    if (decision.kind !== 'clarify' && !(decision.kind === 'fallback' && decision.reason === 'no-match')) return;
    const closest = result.candidates[0] && this.deps.retrieval.assistant.entry(result.candidates[0].entryId);
    const id = await this.deps.feedback.recordUnanswered({ text: await storedQuestion(text, result.lang, this.deps.retrieval.kb), lang: result.lang, outcome: decision.kind, category: closest?.category });
    const offered = decision.kind === 'clarify' ? decision.entries : decision.named ? [decision.named] : [];
    if (offered.length > 0) await this.offeredChoices.set(context, { unansweredId: id, entryIds: offered.map((e) => e.id) });
  }

  /** A click on one of the "did you mean" choices last offered resolves that question: the editors' report shows it. */
  private async recordIfChoice(context: TurnContext, entryId: string): Promise<void> {
    const offered = await this.offeredChoices.get(context);
    if (!offered?.entryIds.includes(entryId)) return;
    await this.offeredChoices.delete(context);
    await this.deps.feedback.resolveUnanswered(offered.unansweredId, entryId);
  }

  /** What the conversation is about, unless it has been idle longer than `contextIdleMs`. */
  private async currentTopic(context: TurnContext): Promise<ConversationTopic | undefined> {
    const topic = await this.conversationTopic.get(context);
    if (!topic || Date.now() - topic.at > this.deps.contextIdleMs) return undefined;
    return topic;
  }

  /** The topic as the reply to show again (after a language switch); undefined when its entry is gone. */
  private topicDecision(topic: ConversationTopic | undefined): Decision | undefined {
    const { assistant } = this.deps.retrieval;
    if (topic?.list) return assistant.list(topic.list);
    const entry = topic?.entryId ? assistant.entry(topic.entryId) : undefined;
    if (!entry) return undefined;
    return topic?.unanswered ? { kind: 'fallback', reason: 'no-match', named: entry } : { kind: 'answer', entry, alternatives: [] };
  }

  /** Remembers what a reply was about: an entry answered or named, or a list given. */
  private async setTopic(context: TurnContext, topic: { entry: Entry; unanswered?: boolean } | { list: ListQuery }): Promise<void> {
    const about = 'entry' in topic ? { entryId: topic.entry.id, ...(topic.unanswered && { unanswered: true }) } : { list: topic.list };
    await this.conversationTopic.set(context, { ...about, at: Date.now() });
  }

  private async languageOf(context: TurnContext): Promise<Lang> {
    return (await this.conversationLang.get(context)) ?? langFromLocale(context.activity.locale) ?? DEFAULT_LANG;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { renderer } = this.deps;
    const { assistant } = this.deps.retrieval;
    const action = actionValue(context.activity.value);
    const { text, truncated } = cleanUserText(context.activity.text ?? '', this.deps.maxMessageChars);

    const channel = abilitiesOf(context.activity.channelId);
    const switchTo = action?.type === 'setLanguage' ? action.lang : this.deps.detectLanguageSwitch(text);
    if (switchTo) {
      await this.conversationLang.set(context, switchTo);
      // The answer being discussed follows the conversation into the new language.
      await context.sendActivities(renderer.languageSwitched(switchTo, this.topicDecision(await this.currentTopic(context)), channel));
      return;
    }

    const lang = await this.languageOf(context);
    if (action?.type === 'feedback') {
      // Only an entry the knowledge base holds can be rated; the channel is the one the route vouched for (see
      // `unverifiedChannel`), never a label the client chose.
      if (!assistant.entry(action.entryId)) return;
      await this.deps.feedback.record({
        entryId: action.entryId,
        rating: action.rating,
        lang,
        channel: context.activity.channelId,
        conversationId: context.activity.conversation.id,
      });
      await context.sendActivity(renderer.feedbackThanks(lang));
      return;
    }
    const chosen = action?.type === 'entry' ? assistant.entry(action.entryId) : undefined;
    if (chosen) {
      await this.recordIfChoice(context, chosen.id);
      await this.setTopic(context, { entry: chosen });
      await context.sendActivity(renderer.entryAnswer(chosen, lang));
      return;
    }
    if (action?.type === 'listPage') {
      const page = assistant.list(action.query);
      if (page?.kind === 'list') await context.sendActivity(renderer.listAnswer(page, lang, action.offset, channel));
      return;
    }

    const topic = await this.currentTopic(context);
    const result = await assistant.ask(text, {
      conversationLang: await this.conversationLang.get(context),
      locale: context.activity.locale,
      context: topic,
    });
    const { decision } = result;
    if (decision.kind === 'answer' || decision.kind === 'fact' || decision.kind === 'emergency') await this.setTopic(context, { entry: decision.entry });
    if (decision.kind === 'list') await this.setTopic(context, { list: decision.query });
    if (decision.kind === 'fallback' && decision.named) await this.setTopic(context, { entry: decision.named, unanswered: true });
    // A message that itself shows its language (by script or a confident detection) moves the conversation there.
    if (result.langSource === 'script' || result.langSource === 'detector') await this.conversationLang.set(context, result.lang);
    this.deps.log.debug({ text, lang: result.lang, decision: result.decision.kind }, 'answered');
    this.deps.metrics.observeDecision(result.lang, result.decision, result.timings, assistant.denseEnabled);
    // A message cut at the length limit is pasted text or a flood, not a question editors can learn from; each record
    // is a durable write, which a flood of them would turn into a stalled server.
    if (!truncated) await this.recordIfUnanswered(context, text, result);
    const notice = truncated ? [renderer.truncated(result.lang, this.deps.maxMessageChars)] : [];
    await context.sendActivities([...notice, ...renderer.result(result, channel)]);
  }
}
