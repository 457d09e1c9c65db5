import { CURRICULUM_OF_LANGUAGE, type Entry } from '../knowledge/schema.js';
import type { ListFilters, ListQuery } from './listQuestions.js';

/** Whether an entry meets one filter: yes, no, or its sources do not say. */
type Verdict = 'yes' | 'no' | 'not-stated';

function verdict(known: boolean, meets: () => boolean): Verdict {
  if (!known) return 'not-stated';
  return meets() ? 'yes' : 'no';
}

function languageVerdict(entry: Entry, language: string): Verdict {
  const { languages } = entry.facts;
  const curriculum = CURRICULUM_OF_LANGUAGE[language];
  if (curriculum && entry.facets.curricula?.includes(curriculum)) return 'yes';
  return verdict(languages !== undefined, () => languages!.includes(language));
}

/** Each filter the query sets, judged for one entry. */
function verdicts(entry: Entry, filters: ListFilters): Verdict[] {
  const { facts, facets } = entry;
  const judged: Record<keyof ListFilters, () => Verdict> = {
    districts: () => verdict(facts.district !== undefined, () => filters.districts!.includes(facts.district!)),
    language: () => languageVerdict(entry, filters.language!),
    curricula: () => verdict(facets.curricula !== undefined, () => facets.curricula!.some((c) => filters.curricula!.includes(c))),
    features: () => {
      const judged = filters.features!.map((feature) => verdict(facets[feature] !== undefined, () => facets[feature] === true));
      return judged.includes('no') ? 'no' : judged.includes('not-stated') ? 'not-stated' : 'yes';
    },
    schoolType: () => verdict(facets.schoolType !== undefined, () => facets.schoolType === filters.schoolType),
    age: () => verdict(facets.ages !== undefined, () => facets.ages!.from <= filters.age! && filters.age! <= facets.ages!.to),
    batch: () => verdict(facets.pilotBatch !== undefined, () => facets.pilotBatch === filters.batch),
  };
  return (Object.keys(filters) as (keyof ListFilters)[]).filter((key) => filters[key] !== undefined).map((key) => judged[key]());
}

export interface ListMatch {
  /** The entries of the kind that meet every filter, in the knowledge base's order. */
  entries: Entry[];
  /** Entries of the kind that meet no filter wrongly but whose sources do not state one of them. */
  notStated: number;
  /** Entries of the kind, matching or not. */
  ofKind: number;
}

/**
 * The entries a list query names. An entry whose sources do not state a filtered facet is not listed (that would
 * claim what no source says) but is counted, so the answer can say how many more might qualify.
 */
export function matchList(entries: readonly Entry[], query: ListQuery): ListMatch {
  const { kind, ...filters } = query;
  const matched: Entry[] = [];
  let notStated = 0;
  let ofKind = 0;
  for (const entry of entries) {
    if (entry.facets.kind !== kind) continue;
    ofKind++;
    const judged = verdicts(entry, filters);
    if (judged.every((v) => v === 'yes')) matched.push(entry);
    else if (!judged.includes('no')) notStated++;
  }
  return { entries: matched, notStated, ofKind };
}
