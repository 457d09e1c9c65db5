import { analyze } from './language/analyze.js';
import type { EmergencyKind, Entry } from './knowledge/schema.js';
import { LANGS, type Lang } from './languages.js';

export interface EmergencyMatch {
  kind: EmergencyKind;
  entry: Entry;
}

interface Trigger {
  terms: string[];
  match: EmergencyMatch;
}

export type EmergencyDetector = (text: string) => EmergencyMatch | undefined;

/**
 * Finds emergencies before retrieval runs, so "ambulance" is answered with 120 even when nothing else in the
 * message matches well. Trigger words come from the entries' `emergency.triggers`. A message is checked in every
 * language's analysis, so an English trigger typed in an Arabic conversation still fires.
 */
export function createEmergencyDetector(entries: readonly Entry[]): EmergencyDetector {
  const triggers = new Map<Lang, Trigger[]>(LANGS.map((lang) => [lang, []]));
  for (const entry of entries) {
    if (!entry.emergency) continue;
    const match = { kind: entry.emergency.kind, entry };
    for (const lang of LANGS) {
      for (const word of entry.emergency.triggers[lang]) {
        const terms = [...new Set(analyze(word, lang))];
        if (terms.length > 0) triggers.get(lang)!.push({ terms, match });
      }
    }
  }
  return (text) => {
    for (const lang of LANGS) {
      const messageTerms = new Set(analyze(text, lang));
      const hit = triggers.get(lang)!.find((trigger) => trigger.terms.every((term) => messageTerms.has(term)));
      if (hit) return hit.match;
    }
    return undefined;
  };
}
