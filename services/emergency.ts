import type { EmergencyKind, Entry } from './knowledge/schema.js';
import { LANGS } from './languages.js';
import { PhraseList, prepareText } from './language/phrases.js';

export interface EmergencyMatch {
  kind: EmergencyKind;
  entry: Entry;
}

export type EmergencyDetector = (text: string) => EmergencyMatch | undefined;

/**
 * Finds emergencies by their words, before retrieval runs, so "ambulance" or "someone collapsed and is not
 * breathing" is answered with 120 even when nothing else in the message matches well. Trigger phrases come from
 * the entries' `emergency.triggers` (syntax in language/phrases.ts), and every language's triggers are checked,
 * so an English trigger typed in an Arabic conversation still fires. The dense path adds a second detector by
 * meaning (similarity to the entries' `emergency.examples`), which works where no trigger fits.
 */
export function createEmergencyDetector(entries: readonly Entry[]): EmergencyDetector {
  const triggers = new PhraseList(
    entries.flatMap((entry) =>
      entry.emergency
        ? LANGS.flatMap((lang) => entry.emergency!.triggers[lang].map((trigger) => ({ phrase: trigger, value: { kind: entry.emergency!.kind, entry } })))
        : [],
    ),
  );
  return (text) => triggers.first(prepareText(text));
}
