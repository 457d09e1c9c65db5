import { normalizeForMatching, UNSPACED, unspacedLength } from '../language/phrases.js';
import { LANGS, type Lang } from '../languages.js';
import { FRESHNESS, monthsBetween } from './freshness.js';
import { isPresent, phoneIsInFacts, phoneNumbersIn, statedButAbsent, untracedFacts, untracedFigures } from './provenance.js';
import { CATEGORIES, FACET_KINDS, isPlace, type Entry, type Facets } from './schema.js';

/** A finding of the whole-base check: something the per-file schema cannot see. */
export interface CheckFinding {
  entryId: string;
  message: string;
}

function normalizedQuestion(question: string): string {
  return question.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');
}

function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i < text.length - 1; i++) grams.add(text.slice(i, i + 2));
  return grams;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Questions this similar (character-bigram Jaccard) in two entries would make retrieval a coin toss. */
export const NEAR_DUPLICATE_THRESHOLD = 0.85;

function findNearDuplicateQuestions(entries: Entry[]): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const lang of LANGS) {
    const questions = entries.flatMap((entry) =>
      entry.content[lang].questions.map((text) => {
        const normalized = normalizedQuestion(text);
        return { entryId: entry.id, text, normalized, grams: bigrams(normalized) };
      }),
    );
    for (let i = 0; i < questions.length; i++) {
      for (let j = i + 1; j < questions.length; j++) {
        const a = questions[i];
        const b = questions[j];
        if (a.entryId === b.entryId) continue;
        const same = a.normalized === b.normalized;
        if (same || (a.grams.size >= 4 && jaccard(a.grams, b.grams) >= NEAR_DUPLICATE_THRESHOLD)) {
          findings.push({
            entryId: a.entryId,
            message: `${lang} question "${a.text}" nearly duplicates "${b.text}" in ${b.entryId}`,
          });
        }
      }
    }
  }
  return findings;
}

function checkFacetKinds(entry: Entry): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const [facet, kinds] of Object.entries(FACET_KINDS)) {
    if (isPresent(entry.facets[facet as keyof Facets]) && !(entry.facets.kind && kinds.includes(entry.facets.kind))) {
      findings.push({ entryId: entry.id, message: `facets.${facet} describes a ${kinds.join(' or ')}, so it needs facets.kind` });
    }
  }
  return findings;
}

function checkProvenance(entry: Entry): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const key of untracedFacts(entry)) {
    findings.push({ entryId: entry.id, message: `${key} is set, but no source says it states ${key} (sources[].states)` });
  }
  for (const key of statedButAbsent(entry)) {
    findings.push({ entryId: entry.id, message: `a source states ${key}, but the entry has no ${key}` });
  }
  const figures = untracedFigures(entry);
  if (figures.length > 0) {
    findings.push({ entryId: entry.id, message: `figures in the texts that no source lists in sources[].figures: ${figures.join(', ')}` });
  }
  return findings;
}

/** A word of an alias needs this many letters before its "*": a shorter stem starts unrelated words. */
const MIN_ALIAS_STEM = 4;
/** An alias in a script written without spaces needs this many characters: one is part of countless words. */
const MIN_UNSPACED_ALIAS = 2;

/**
 * An entry's aliases must name its place, and only it: each part long enough to be told from ordinary words, and
 * not only a district's or the city's name ("朝阳" is a district; "朝阳医院" a hospital).
 */
function checkAliases(entry: Entry, reservedNames: ReadonlySet<string>): CheckFinding[] {
  if (!entry.aliases) return [];
  if (!isPlace(entry)) return [{ entryId: entry.id, message: 'aliases name a place: the entry needs a facets.kind other than hotline' }];
  const findings: CheckFinding[] = [];
  const problem = (alias: string, why: string) => findings.push({ entryId: entry.id, message: `alias "${alias}" ${why}` });
  for (const [lang, aliases] of Object.entries(entry.aliases)) {
    const seen = new Set<string>();
    for (const alias of aliases ?? []) {
      const parts = alias.split(' + ').map((part) => normalizeForMatching(part.replace(/\*/gu, ' ')));
      const normalized = parts.join(' + ');
      if (seen.has(normalized)) problem(alias, `is listed twice in ${lang}`);
      seen.add(normalized);
      if (alias.split(/[\s+]+/u).some((word) => word.endsWith('*') && normalizeForMatching(word).length < MIN_ALIAS_STEM)) {
        problem(alias, `has a word shorter than ${MIN_ALIAS_STEM} letters before its "*"`);
      }
      if (parts.some((part) => part === '' || (UNSPACED.test(part) && unspacedLength(part) < MIN_UNSPACED_ALIAS))) {
        problem(alias, `has a part shorter than ${MIN_UNSPACED_ALIAS} characters`);
      }
      if (parts.every((part) => reservedNames.has(part))) problem(alias, 'is only the name of a district or of the city, which names no one place');
    }
  }
  return findings;
}

/**
 * Checks across the whole base: what a single entry's schema cannot catch.
 * @param reservedNames names that name no one place (districts in every language, the city's names): no alias may be only these.
 */
export function checkKnowledgeBase(entries: Entry[], today: string, reservedNames: Iterable<string> = []): CheckFinding[] {
  const reserved = new Set([...reservedNames].map(normalizeForMatching));
  const findings: CheckFinding[] = [];
  for (const entry of entries) {
    if (entry.verified > today) findings.push({ entryId: entry.id, message: `verified date ${entry.verified} is in the future` });
    const age = monthsBetween(entry.verified, today);
    if (age > FRESHNESS.failAfterMonths) {
      findings.push({ entryId: entry.id, message: `last verified ${entry.verified}, ${age} months ago: re-verify it against its sources (limit ${FRESHNESS.failAfterMonths} months)` });
    }
    for (const source of entry.sources) {
      if (source.retrieved > today) {
        findings.push({ entryId: entry.id, message: `source ${source.url} has a retrieval date in the future` });
      }
    }
    findings.push(...checkFacetKinds(entry), ...checkProvenance(entry), ...checkAliases(entry, reserved));
    for (const lang of LANGS) {
      const { title, answer, details } = entry.content[lang];
      for (const digits of phoneNumbersIn([title, answer, details ?? ''].join('\n'))) {
        if (!phoneIsInFacts(digits, entry)) {
          findings.push({ entryId: entry.id, message: `${lang} text mentions ${digits}, which is not in facts.phones` });
        }
      }
    }
  }
  return [...findings, ...findNearDuplicateQuestions(entries)];
}

export type CoverageTable = Record<(typeof CATEGORIES)[number], Record<Lang, number>>;

/** Entries per category that have complete content in each language. */
export function coverage(entries: Entry[]): CoverageTable {
  const table = Object.fromEntries(
    CATEGORIES.map((category) => [category, Object.fromEntries(LANGS.map((lang) => [lang, 0]))]),
  ) as CoverageTable;
  for (const entry of entries) {
    for (const lang of LANGS) if (entry.content[lang].questions.length > 0) table[entry.category][lang]++;
  }
  return table;
}
