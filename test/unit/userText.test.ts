import { describe, expect, it } from 'vitest';
import { cleanUserText, keptUserText } from '../../services/text.js';

describe('keptUserText', () => {
  const MAX = 10;
  // Around the length cleanUserText reads (2 × 10 + 2 code units), with characters that clean to nothing, to one
  // unit, or that take two units.
  const texts = [
    '',
    'short question',
    'x'.repeat(21),
    'x'.repeat(22),
    'x'.repeat(23),
    'x'.repeat(24),
    'y'.repeat(60 * 1024),
    '\u202E'.repeat(30) + 'hidden behind overrides',
    '😀'.repeat(11),
    '😀'.repeat(12) + 'tail',
    'x'.repeat(22) + '\uD83D\uDE00' + 'more',
    'a\u0000b\uD800c'.repeat(10),
    'e\u0301'.repeat(20),
  ];

  it('keeps exactly what cleanUserText reads of a message, so cleaning what is kept gives the same text and the same "cut" flag', () => {
    for (const raw of texts) expect(cleanUserText(keptUserText(raw, MAX), MAX)).toEqual(cleanUserText(raw, MAX));
  });

  it('keeps a message it need not cut as it is, and at most 2 × maxChars + 3 code units of a longer one', () => {
    expect(keptUserText('short question', MAX)).toBe('short question');
    expect(keptUserText('x'.repeat(23), MAX)).toBe('x'.repeat(23));
    expect(keptUserText('y'.repeat(60 * 1024), MAX)).toBe('y'.repeat(23));
    expect(keptUserText('y'.repeat(60 * 1024), 1000)).toHaveLength(2_003);
  });
});
