/**
 * Cleans text that arrives from users before anything reads it: control characters and bidirectional overrides
 * (which can disguise text, "Trojan Source" style) are removed, lone surrogates (invalid Unicode) become U+FFFD,
 * and over-long messages are cut at a character boundary.
 */
// Matching control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface CleanText {
  text: string;
  /** The message was longer than allowed and was cut. */
  truncated: boolean;
}

/** Past 2 × maxChars + 2 code units, a text surely holds more than maxChars characters. */
const readUnits = (maxChars: number) => 2 * maxChars + 2;

export function cleanUserText(raw: string, maxChars: number): CleanText {
  // A message far over the limit is cut first, so that a flood of huge messages costs no more to clean than long
  // ones: past readUnits, it is truncated anyway.
  const head = raw.length > readUnits(maxChars) ? raw.slice(0, readUnits(maxChars)) : raw;
  const text = head.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, ' ').replace(BIDI_CONTROLS, '').normalize('NFC');
  const characters = [...text];
  const truncated = head !== raw || characters.length > maxChars;
  return { text: characters.length > maxChars ? characters.slice(0, maxChars).join('') : text, truncated };
}

/**
 * What is worth keeping of a message as it arrives: what `cleanUserText` reads of it, and one code unit more, so that
 * it still sees the message was cut. `cleanUserText(keptUserText(raw, n), n)` equals `cleanUserText(raw, n)`. A
 * channel that keeps no more than this holds, stores and echoes 2 KiB of a 60 KiB message, not 60.
 */
export function keptUserText(raw: string, maxChars: number): string {
  if (raw.length <= readUnits(maxChars) + 1) return raw;
  // A slice would keep the whole message alive (V8 slices point into their source): the kept part is copied, so the
  // message dies young instead of being carried into the old generation by every turn that is still running.
  return Buffer.from(raw.slice(0, readUnits(maxChars) + 1), 'utf16le').toString('utf16le');
}

/**
 * Arabic-Indic and Persian digits as 0–9 ("١٠" is 10). Both blocks start at a code point ending in 0, so a digit's
 * value is its code point modulo 16.
 */
export function withWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) % 16));
}

/** Emails, passport-like and phone numbers: dropped before retrieval. (Stored questions go through services/privacy.) */
const IDENTIFIERS: RegExp[] = [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, /\b[A-Z]{1,2}\d{6,9}\b/gi, /\+?\d[\d\s-]{6,}\d/g];

/**
 * The question without those identifiers, for retrieval: a passport or phone number says nothing about what is
 * asked, and an unknown "word" would only lower the question's coverage. Short numbers (12345, 120) stay.
 */
export function withoutIdentifiers(text: string): string {
  return IDENTIFIERS.reduce((masked, pattern) => masked.replace(pattern, ' '), text);
}
