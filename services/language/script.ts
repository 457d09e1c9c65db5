/** Writing systems that decide how a piece of text is analyzed and which language it can be. */
export type Script = 'han' | 'kana' | 'hangul' | 'arabic' | 'cyrillic' | 'latin' | 'digit' | 'other';

const PATTERNS: [Script, RegExp][] = [
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}ー]/u],
  ['han', /\p{Script=Han}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['latin', /\p{Script=Latin}/u],
  ['digit', /\p{Nd}/u],
];

function testedScriptOf(char: string): Script {
  for (const [script, pattern] of PATTERNS) if (pattern.test(char)) return script;
  return 'other';
}

/**
 * The script of each character of the Basic Multilingual Plane seen so far, as its index in SCRIPTS plus one (0: not
 * seen yet). Every message is read character by character several times, and up to seven Unicode property tests per
 * character cost a long message milliseconds; the table costs 64 KiB.
 */
const BMP_SCRIPTS = new Uint8Array(0x10000);
const SCRIPTS: Script[] = [...PATTERNS.map(([script]) => script), 'other'];

export function scriptOf(char: string): Script {
  const code = char.codePointAt(0) ?? 0;
  if (code > 0xffff) return testedScriptOf(char);
  if (BMP_SCRIPTS[code] === 0) BMP_SCRIPTS[code] = SCRIPTS.indexOf(testedScriptOf(char)) + 1;
  return SCRIPTS[BMP_SCRIPTS[code] - 1];
}

/** How many characters of each script a text holds. */
export function countScripts(text: string): Record<Script, number> {
  const counts: Record<Script, number> = { han: 0, kana: 0, hangul: 0, arabic: 0, cyrillic: 0, latin: 0, digit: 0, other: 0 };
  for (const char of text) counts[scriptOf(char)]++;
  return counts;
}

/** The script of a word: its first non-digit letter decides, so "12345热线" counts as Han. */
export function wordScript(word: string): Script {
  let sawDigit = false;
  for (const char of word) {
    const script = scriptOf(char);
    if (script === 'digit') sawDigit = true;
    else if (script !== 'other') return script;
  }
  return sawDigit ? 'digit' : 'other';
}
