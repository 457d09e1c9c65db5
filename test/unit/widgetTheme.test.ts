import { describe, expect, it } from 'vitest';
import { palette } from '../../web/widget/theme.js';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const TEXT_PAIRS: [keyof typeof palette, keyof typeof palette][] = [
  ['text', 'surface'],
  ['text', 'botBubble'],
  ['mutedText', 'surface'],
  ['mutedText', 'botBubble'],
  ['onAccent', 'accent'],
  ['onAccent', 'accentHover'],
  ['accent', 'surface'],
  ['accent', 'botBubble'],
  ['accent', 'chipHover'],
  ['error', 'surface'],
  ['error', 'errorBackground'],
];

describe('the widget\'s colours', () => {
  it('calculates contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(TEXT_PAIRS)('%s on %s has at least 4.5:1 contrast (WCAG AA text)', (foreground, background) => {
    expect(contrast(palette[foreground], palette[background])).toBeGreaterThanOrEqual(4.5);
  });

  it('makes the input border and the focus rings at least 3:1 against what surrounds them', () => {
    expect(contrast(palette.inputBorder, palette.surface)).toBeGreaterThanOrEqual(3);
    expect(contrast(palette.accent, palette.surface)).toBeGreaterThanOrEqual(3);
    expect(contrast(palette.onAccent, palette.accent)).toBeGreaterThanOrEqual(3);
  });
});
