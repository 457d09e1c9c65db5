import { describe, expect, it } from 'vitest';
import { boldRuns } from '../../web/widget/markdown.js';

describe('bold text in bot messages', () => {
  it('splits **bold** markup into runs', () => {
    expect(boldRuns('Call **110** or **120** now')).toEqual([
      { text: 'Call ', bold: false },
      { text: '110', bold: true },
      { text: ' or ', bold: false },
      { text: '120', bold: true },
      { text: ' now', bold: false },
    ]);
  });

  it('leaves text without markup, and unbalanced markers, as plain text', () => {
    expect(boldRuns('plain')).toEqual([{ text: 'plain', bold: false }]);
    expect(boldRuns('a ** b')).toEqual([{ text: 'a ** b', bold: false }]);
  });

  it('keeps HTML as text for the renderer to put in text nodes', () => {
    expect(boldRuns('**<img src=x onerror=alert(1)>**')).toEqual([{ text: '<img src=x onerror=alert(1)>', bold: true }]);
  });
});
