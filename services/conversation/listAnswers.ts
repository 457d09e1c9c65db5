import { CURRICULUM_OF_LANGUAGE, districtsOf, type Entry } from '../knowledge/schema.js';
import type { ListFilters, ListQuery } from './listQuestions.js';

/** Whether an entry meets one filter: yes, no, or its sources do not say. */
type Verdict = 'yes' | 'no' | 'not-stated';

function verdict(known: boolean, meets: () => boolean): Verdict {
  if (!known) return 'not-stated';
  return meets() ? 'yes' : 'no';
}

/** Whether a place speaks (or a school teaches in) a language that `accepts`. */
function languageVerdict(entry: Entry, accepts: (language: string) => boolean): Verdict {
  const { languages } = entry.facts;
  const curricula = entry.facets.curricula ?? [];
  const teachesInOne = Object.entries(CURRICULUM_OF_LANGUAGE).some(([language, curriculum]) => accepts(language) && curricula.includes(curriculum!));
  if (teachesInOne) return 'yes';
  return verdict(languages !== undefined, () => languages!.some(accepts));
}

/** Each filter the query sets, judged for one entry. */
function verdicts(entry: Entry, filters: ListFilters): Verdict[] {
  const { facts, facets } = entry;
  const judged: Record<keyof ListFilters, () => Verdict> = {
    districts: () => verdict(facts.district !== undefined, () => districtsOf(facts).some((d) => filters.districts!.includes(d))),
    language: () => languageVerdict(entry, (language) => language === filters.language),
    foreignLanguage: () => languageVerdict(entry, (language) => language !== 'zh'),
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
