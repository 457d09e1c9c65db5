import type { Lang } from '../../services/languages.js';
import { button, h, icon, ICONS } from './dom.js';
import type { Strings, WidgetKey } from './strings.js';
import type { TranscriptElements } from './transcript.js';

export interface PanelHandlers {
  opened(): void;
  closed(): void;
  submitted(text: string): void;
  languageChosen(lang: Lang): void;
}

/**
 * The widget's frame: the launcher button and the chat panel (header with title, language picker and close
 * button; the transcript's elements; the connection notice; the message form). It handles opening, closing,
 * focus and the keyboard, and puts the UI strings in place; what the messages are is the transcript's business.
 */
export class Panel implements TranscriptElements {
  readonly log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', tabindex: '0' });
  readonly suggestions = h('div', { class: 'chips suggestions', role: 'group', hidden: '' });
  private readonly typingLabel = h('span');
  readonly typing = h('div', { class: 'typing', hidden: '' }, h('span', { class: 'dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')), this.typingLabel);
  private readonly root = h('div', { class: 'root' });
  private readonly launcherLabel = h('span');
  private readonly launcher = button({ class: 'launcher', 'aria-haspopup': 'dialog', 'aria-controls': 'panel' }, () => this.open(), icon(ICONS.chat), this.launcherLabel);
  private readonly dialog = h('section', { class: 'panel', id: 'panel', role: 'dialog', 'aria-labelledby': 'title', hidden: '' });
  private readonly title = h('h2', { class: 'title', id: 'title' });
  private readonly languageLabel = h('span', { class: 'sr-only' });
  private readonly languagePicker = h('select');
  private readonly closeButton = button({ class: 'icon-button' }, () => this.close(), icon(ICONS.close));
  private readonly connection = h('p', { class: 'connection', role: 'status' });
  private readonly inputLabel = h('label', { class: 'sr-only', for: 'input' });
  private readonly input = h('input', { id: 'input', type: 'text', autocomplete: 'off', enterkeyhint: 'send' });
  private readonly sendButton = h('button', { class: 'send', type: 'submit' }, icon(ICONS.send));
  private connectionLost = false;

  constructor(
    shadow: ShadowRoot,
    private strings: Strings,
    private readonly handlers: PanelHandlers,
  ) {
    const form = h('form', { class: 'composer' }, this.inputLabel, this.input, this.sendButton);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      this.input.value = '';
      handlers.submitted(text);
    });
    this.languagePicker.addEventListener('change', () => handlers.languageChosen(this.languagePicker.value as Lang));
    this.dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
    this.dialog.append(
      h('div', { class: 'header' }, this.title, h('label', { class: 'language' }, icon(ICONS.globe), this.languageLabel, this.languagePicker), this.closeButton),
      this.log,
      this.typing,
      this.connection,
      this.suggestions,
      form,
    );
    this.root.append(this.launcher, this.dialog);
    this.applyStrings(strings);
    shadow.append(this.root);
  }

  applyStrings(strings: Strings): void {
    this.strings = strings;
    const t = (key: WidgetKey) => strings.t(key);
    this.root.lang = strings.lang;
    this.root.dir = strings.dir;
    this.launcherLabel.textContent = t('launcher');
    this.title.textContent = t('title');
    this.languageLabel.textContent = t('language');
    this.languagePicker.replaceChildren(...strings.languages.map(({ code, name }) => h('option', { value: code, lang: code }, name)));
    this.languagePicker.value = strings.lang;
    this.closeButton.setAttribute('aria-label', t('close'));
    this.log.setAttribute('aria-label', t('log'));
    this.suggestions.setAttribute('aria-label', t('suggestions'));
    this.typingLabel.textContent = t('typing');
    this.inputLabel.textContent = t('inputLabel');
    this.input.placeholder = t('placeholder');
    this.sendButton.setAttribute('aria-label', t('send'));
    this.renderConnection();
  }

  open(): void {
    this.dialog.hidden = false;
    this.launcher.hidden = true;
    this.input.focus();
    this.handlers.opened();
  }

  close(): void {
    this.dialog.hidden = true;
    this.launcher.hidden = false;
    this.launcher.focus();
    this.handlers.closed();
  }

  focusInput(): void {
    this.input.focus();
  }

  /** A polite status line, changed only when the state changes so that screen readers announce it once. */
  showConnectionProblem(on: boolean): void {
    if (on === this.connectionLost) return;
    this.connectionLost = on;
    this.renderConnection();
  }

  /** Empty, and so hidden, while the connection works. */
  private renderConnection(): void {
    this.connection.textContent = this.connectionLost ? this.strings.t('connectionError') : '';
  }
}
