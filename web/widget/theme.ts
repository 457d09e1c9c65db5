/**
 * The widget's colours, in one place so that test/unit/widgetTheme.test.ts can check every text and background
 * pair against WCAG AA (4.5:1 for text, 3:1 for focus rings and control borders).
 */
export const palette = {
  /** Launcher, header, user messages and the send button, with `onAccent` text; also links and chip text. */
  accent: '#0b4f8a',
  accentHover: '#083b68',
  onAccent: '#ffffff',
  surface: '#ffffff',
  botBubble: '#eef2f6',
  chipHover: '#e2ecf6',
  text: '#1c2228',
  mutedText: '#4d5966',
  /** Decorative separators only. */
  divider: '#d5dce3',
  /** The input's border: a control boundary, 3:1 at least. */
  inputBorder: '#6b7785',
  error: '#a8201a',
  errorBackground: '#fdeceb',
} as const;
