import { palette as c } from './theme.js';

/*
 * All of the widget's CSS, inside its shadow root. Host-page rules cannot reach inside; they can only style the
 * host element and what it passes on by inheritance, which `:host { all: initial }` cuts off. The `!important`
 * there wins over the page's own `!important` rules on the host (shadow-tree rules do, by the cascade). Sizes are
 * in px, not rem: rem follows the page's root font size. Logical properties (inline-start/end) mirror the layout
 * for Arabic.
 */
const css = `
:host{all:initial!important;display:block!important;position:static!important;visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important}
:host::before,:host::after{content:none!important}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.root{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:${c.text};text-align:start;-webkit-text-size-adjust:100%}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
button,input,select,p,ul,h2,h3{font:inherit;color:inherit;margin:0}
button{cursor:pointer}
svg{width:20px;height:20px;flex:none;fill:currentColor}
:focus-visible{outline:3px solid ${c.accent};outline-offset:2px}
.launcher,.panel{position:fixed;inset-block-end:20px;inset-inline-end:20px;z-index:2147483647}
.launcher{display:flex;align-items:center;gap:8px;min-height:48px;max-width:calc(100vw - 40px);padding:10px 20px;padding-inline-start:16px;border:1px solid transparent;border-radius:24px;background:${c.accent};color:${c.onAccent};font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.3)}
.launcher:hover{background:${c.accentHover}}
.launcher svg{width:24px;height:24px}
.panel{display:flex;flex-direction:column;width:380px;max-width:calc(100vw - 40px);height:640px;max-height:calc(100vh - 40px);overflow:hidden;border:1px solid ${c.divider};border-radius:12px;background:${c.surface};box-shadow:0 8px 32px rgba(0,0,0,.3)}
@media (max-width:480px){.panel{inset:0;width:auto;max-width:none;height:auto;max-height:none;border:0;border-radius:0}}
.header{display:flex;align-items:center;gap:6px;padding:8px;padding-inline-start:14px;background:${c.accent};color:${c.onAccent}}
.header :focus-visible{outline-color:${c.onAccent}}
.title{flex:1;min-width:0;font-size:16px;font-weight:600;line-height:1.3}
.language{display:flex;align-items:center;gap:4px}
.language select{max-width:120px;min-height:36px;padding:4px 6px;border:1px solid ${c.onAccent};border-radius:6px;background:${c.accent};color:${c.onAccent}}
.icon-button{display:flex;align-items:center;justify-content:center;width:40px;height:40px;padding:0;border:1px solid transparent;border-radius:8px;background:transparent;color:inherit}
.icon-button:hover{background:${c.accentHover}}
.log{position:relative;flex:1;display:flex;flex-direction:column;gap:12px;padding:14px;overflow-y:auto;overscroll-behavior:contain}
.message{display:flex;flex-direction:column;max-width:90%}
.message.bot{align-self:flex-start}
.message.user{align-self:flex-end;align-items:flex-end}
.bubble{padding:9px 13px;border-radius:14px;white-space:pre-line;overflow-wrap:anywhere}
.bot .bubble{background:${c.botBubble};border-end-start-radius:4px}
.user .bubble{background:${c.accent};color:${c.onAccent};border-end-end-radius:4px}
.bubble>*+*,.answer>*+*,.card>*+*{margin-top:8px}
.answer h3{font-size:16px;font-weight:700;line-height:1.3}
.lead{font-weight:600}
.facts,.sources{padding-inline-start:20px}
.verified{color:${c.mutedText};font-size:13px}
a{color:${c.accent};text-decoration:underline}
.card-title{font-weight:600}
.places{padding-inline-start:24px}
.places li+li{margin-top:8px}
.places li>*+*{margin-inline-start:6px}
.list-facets,.list-source{color:${c.mutedText};font-size:13px}
.chips{display:flex;flex-wrap:wrap;gap:6px}
.chip{min-height:36px;padding:6px 12px;border:1px solid ${c.accent};border-radius:18px;background:${c.surface};color:${c.accent};text-align:start}
.chip:hover{background:${c.chipHover}}
.suggestions{max-height:35%;overflow-y:auto;padding:10px 14px;border-top:1px solid ${c.divider}}
.failed{margin-top:4px;color:${c.error};font-size:13px}
.failed button{padding:0;border:0;background:none;color:${c.accent};text-decoration:underline}
.typing{display:flex;align-items:center;gap:8px;padding:0 14px 8px;color:${c.mutedText};font-size:13px}
.dots{display:flex;gap:3px}
.dots span{width:6px;height:6px;border-radius:50%;background:currentColor;animation:blink 1.2s infinite}
.dots span:nth-child(2){animation-delay:.2s}
.dots span:nth-child(3){animation-delay:.4s}
@keyframes blink{0%,80%,100%{opacity:.25}40%{opacity:1}}
@media (prefers-reduced-motion:reduce){.dots span{animation:none}}
.connection{padding:6px 14px;background:${c.errorBackground};color:${c.error};font-size:13px}
.connection:empty{display:none}
.composer{display:flex;gap:8px;padding:10px 14px;border-top:1px solid ${c.divider}}
.composer input{flex:1;min-width:0;min-height:44px;padding:8px 12px;border:1px solid ${c.inputBorder};border-radius:8px;background:${c.surface};color:${c.text};font-size:16px}
.composer input::placeholder{color:${c.mutedText};opacity:1}
.send{display:flex;align-items:center;justify-content:center;width:44px;height:44px;padding:0;border:1px solid transparent;border-radius:8px;background:${c.accent};color:${c.onAccent}}
.send:hover{background:${c.accentHover}}
[dir=rtl] .send svg{transform:scaleX(-1)}
`;

/** Constructed stylesheets also work under a portal's strict CSP (no inline styles); older browsers get a <style>. */
export function applyStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}
