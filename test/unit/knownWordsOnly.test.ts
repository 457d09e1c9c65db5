import { describe, expect, it } from 'vitest';
import { keepKnownWords } from '../../services/privacy/knownWordsOnly.js';

const vocabulary = (words: string[]) => {
  const known = new Set(words);
  return (word: string) => known.has(word);
};

describe('keeping only the words the knowledge base uses', () => {
  it('replaces every other word with one "…", keeping masks, punctuation and short numbers', () => {
    const known = vocabulary(['my', 'residence', 'permit', 'expired', 'call', 'me', 'at']);
    expect(keepKnownWords('Zanele Dlamini here: my residence permit expired 3 days ago, call me at [phone].', 'en', known)).toBe(
      '…: my residence permit expired 3 …, call me at [phone].',
    );
  });

  it('segments Chinese into words (Intl.Segmenter): a name made of unknown words goes', () => {
    expect(keepKnownWords('我的居留许可过期了', 'zh', vocabulary(['我的', '居留', '许可', '过期', '了']))).toBe('我的居留许可过期了');
    expect(keepKnownWords('我叫欧阳娜娜,居留许可过期了', 'zh', vocabulary(['我', '叫', '居留', '许可', '过期', '了']))).toBe('我叫…,居留许可过期了');
  });

  it('drops long numbers the rules did not mask, and keeps a word only in its known form', () => {
    expect(keepKnownWords('plate 88231 Residence', 'en', vocabulary(['residence']))).toBe('… Residence');
  });
});
