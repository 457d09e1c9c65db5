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

export function cleanUserText(raw: string, maxChars: number): CleanText {
  const text = raw.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, ' ').replace(BIDI_CONTROLS, '').normalize('NFC');
  const characters = [...text];
  return characters.length > maxChars ? { text: characters.slice(0, maxChars).join(''), truncated: true } : { text, truncated: false };
}

/** What could identify a person in a question, and the mask each gets when the question is stored. */
const IDENTIFIERS: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]'],
  [/\b[A-Z]{1,2}\d{6,9}\b/gi, '[id-number]'],
  [/\+?\d[\d\s-]{6,}\d/g, '[phone]'],
];

/** Masks what could identify a person in a stored question: emails, phone numbers, passport-like numbers. */
export function redact(text: string): string {
  return IDENTIFIERS.reduce((masked, [pattern, mask]) => masked.replace(pattern, mask), text);
}

/**
 * The question without those identifiers, for retrieval: a passport or phone number says nothing about what is
 * asked, and an unknown "word" would only lower the question's coverage. Short numbers (12345, 120) stay.
 */
export function withoutIdentifiers(text: string): string {
  return IDENTIFIERS.reduce((masked, [pattern]) => masked.replace(pattern, ' '), text);
}
