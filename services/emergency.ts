import { normalizeArabic } from './language/analyze.js';
import type { EmergencyKind, Entry } from './knowledge/schema.js';
import { LANGS } from './languages.js';

export interface EmergencyMatch {
  kind: EmergencyKind;
  entry: Entry;
}

export type EmergencyDetector = (text: string) => EmergencyMatch | undefined;

/** Case, accents, Arabic letter variants and punctuation do not matter to a trigger. */
function normalize(text: string): string {
  return normalizeArabic(text.normalize('NFKC').toLowerCase())
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How a trigger is found in a message. Unspaced scripts (Chinese, Japanese, Korean phrases) match as a
 * substring. Spaced scripts match whole words only, so that Spanish "llamas" (flames) does not fire on
 * "llamar" (to call); Arabic words may carry an attached article or conjunction (الإسعاف, وبالإسعاف).
 */
function triggerPattern(trigger: string): RegExp | string {
  const normalized = normalize(trigger);
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(normalized)) return normalized;
  const clitics = /\p{Script=Arabic}/u.test(normalized) ? '(?:وال|بال|فال|لل|ال|و|ب|ف)?' : '';
  return new RegExp(`(?:^|[^\\p{L}])${clitics}${escapeRegExp(normalized)}(?=$|[^\\p{L}])`, 'u');
}

/**
 * Finds emergencies before retrieval runs, so "ambulance" is answered with 120 even when nothing else in the
 * message matches well. Trigger phrases come from the entries' `emergency.triggers`, and every language's
 * triggers are checked, so an English trigger typed in an Arabic conversation still fires.
 */
export function createEmergencyDetector(entries: readonly Entry[]): EmergencyDetector {
  const triggers = entries.flatMap((entry) =>
    entry.emergency
      ? LANGS.flatMap((lang) => entry.emergency!.triggers[lang].map((trigger) => ({
          pattern: triggerPattern(trigger),
          match: { kind: entry.emergency!.kind, entry },
        })))
      : [],
  );
  return (text) => {
    const message = normalize(text);
    const hit = triggers.find(({ pattern }) => (typeof pattern === 'string' ? message.includes(pattern) : pattern.test(message)));
    return hit?.match;
  };
}
