import { applyStyles } from './styles.js';
import { startWidget } from './widget.js';

/** The element the widget lives in; everything else is inside its shadow root. */
const HOST_TAG = 'beijing-assistant';

function mount(script: HTMLScriptElement): void {
  if (document.querySelector(HOST_TAG)) return; // the portal included the tag twice
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow);
  document.body.append(host);
  void startWidget(shadow, { origin: new URL(script.src).origin, requestedLang: script.dataset.lang });
}

// document.currentScript is only set while this script runs for the first time: read it before waiting.
const script = document.currentScript;
if (script instanceof HTMLScriptElement) {
  if (document.body) mount(script);
  else document.addEventListener('DOMContentLoaded', () => mount(script));
}
