import { districtNames, languageNames, pickLocalized } from './answerCard.js';
import type { Decision } from './assistant.js';
import { FILTER_FACETS, type ListFilters, type ListQuery } from './conversation/listQuestions.js';
import type { Localizer } from './i18n.js';
import type { Entry, StatedKey } from './knowledge/schema.js';
import type { Lang } from './languages.js';

export type ListDecision = Extract<Decision, { kind: 'list' }>;

/** One place in a list: its name, the facets that matched, and the source that states them. */
export interface ListItem {
  entryId: string;
  name: string;
  facets: string;
  /** "name — facets", for text channels. */
  text: string;
  source: { title: string; url: string };
}

/**
 * A list answer as a person reads it in one language: the heading with the count and the filters, one line per
 * place, and what the list leaves out. The bot renders it as a carousel, as text, or in `channelData.list` for our
 * widget; the staff console shows it in the caller's language beside Chinese.
 */
export interface ListCard {
  lang: Lang;
  heading: string;
  /** The filters, as "District: Chaoyang · Curriculum: IB Diploma" (absent when the list has none). */
  filters?: string;
  /** Said instead of items when nothing matched. */
  none?: string;
  /** How many more places might qualify, though their sources do not state it. */
  notStated?: string;
  /** Says that each place's source is the one stating what matched, and that its entry has them all. */
  sourcesNote: string;
  /** The label of the button that opens a place's full entry. */
  openLabel: string;
  /** Every place that matched; renderers show a page of them at a time. */
  items: ListItem[];
}

/** How many places a list shows at once; a "show more" button pages on. */
export const LIST_PAGE_SIZE = 8;

/** Each filter as "Label: value", in the query's order, with the value the query asked for. */
function filterLabels(filters: ListFilters, lang: Lang, localizer: Localizer): string[] {
  const t = (key: string, values?: Record<string, unknown>) => localizer.t(lang, key, values);
  const labels: string[] = [];
  const list = (values: string[]) => new Intl.ListFormat(lang, { type: 'disjunction' }).format(values);
  if (filters.districts) labels.push(t('filter.district', { value: list(filters.districts.map((d) => t(`district.${d}`))) }));
  if (filters.language) labels.push(t('filter.language', { value: languageNames([filters.language], lang) }));
  if (filters.foreignLanguage) labels.push(t('filter.foreignLanguage'));
  if (filters.curricula) {
    // A bare "IB" asks for all four programmes; it reads better as the programmes' common name.
    const value = t(filters.curricula.length > 1 ? 'curriculum.ib' : `curriculum.${filters.curricula[0]}`);
    labels.push(t('filter.curricula', { value }));
  }
  for (const feature of filters.features ?? []) labels.push(t('filter.feature', { value: t(`feature.${feature}`) }));
  if (filters.schoolType) labels.push(t('filter.schoolType', { value: t(`schoolType.${filters.schoolType}`) }));
  if (filters.age !== undefined) labels.push(t('filter.age', { value: filters.age }));
  if (filters.batch !== undefined) labels.push(t(`batch.${filters.batch}`));
  return labels;
}

/** What an entry has for each filter the query set (its district, its matching curricula...), or its district. */
function itemFacets(entry: Entry, query: ListQuery, lang: Lang, localizer: Localizer): string[] {
  const t = (key: string, values?: Record<string, unknown>) => localizer.t(lang, key, values);
  const { facts, facets } = entry;
  const parts: string[] = [];
  if (facts.district) parts.push(t('filter.district', { value: districtNames(facts, lang, localizer) }));
  if ((query.language || query.foreignLanguage) && facts.languages) {
    parts.push(t('filter.language', { value: languageNames(facts.languages, lang) }));
  }
  if (query.curricula && facets.curricula) {
    const matching = facets.curricula.filter((c) => query.curricula!.includes(c)).map((c) => t(`curriculum.${c}`));
    parts.push(t('filter.curricula', { value: new Intl.ListFormat(lang).format(matching) }));
  }
  for (const feature of query.features ?? []) parts.push(t('filter.feature', { value: t(`feature.${feature}`) }));
  if (query.schoolType && facets.schoolType) parts.push(t('filter.schoolType', { value: t(`schoolType.${facets.schoolType}`) }));
  if ((query.age !== undefined || query.kind === 'school') && facets.ages) parts.push(t('filter.age', { value: t('ages', facets.ages) }));
  if ((query.batch !== undefined || query.kind === 'talent-community') && facets.pilotBatch) parts.push(t(`batch.${facets.pilotBatch}`));
  return parts;
}

/** The fact or facet each filter reads. */
const FILTER_FACT: Record<keyof ListFilters, StatedKey | ((query: ListQuery) => StatedKey)> = {
  districts: 'district',
  language: 'languages',
  foreignLanguage: 'languages',
  features: (query) => query.features![0],
  ...FILTER_FACETS,
};

/** The source that states what the list filtered on (its first filter), or else the entry's first source. */
function sourceOf(entry: Entry, query: ListQuery): ListItem['source'] {
  const { kind, ...filters } = query;
  const filter = (Object.keys(filters) as (keyof ListFilters)[]).find((key) => filters[key] !== undefined);
  const fact = filter && FILTER_FACT[filter];
  const key = typeof fact === 'function' ? fact(query) : fact;
  const source = entry.sources.find((s) => key && s.states?.includes(key)) ?? entry.sources[0];
  return { title: source.title ?? new URL(source.url).hostname, url: source.url };
}

export function listCard(decision: ListDecision, lang: Lang, localizer: Localizer): ListCard {
  const t = (key: string, values?: Record<string, unknown>) => localizer.t(lang, key, values);
  const { query, entries, notStated } = decision;
  const { kind, ...filters } = query;
  const separator = ' · ';
  const labels = filterLabels(filters, lang, localizer);
  const items = entries.map((entry) => {
    const name = pickLocalized(entry.facts.name, lang) ?? entry.content[lang].title;
    const facets = itemFacets(entry, query, lang, localizer).join(separator);
    return { entryId: entry.id, name, facets, text: facets ? t('list.item', { name, facets }) : name, source: sourceOf(entry, query) };
  });
  return {
    lang,
    heading: t('list.heading', { kind: t(`kind.${kind}`), count: entries.length }),
    ...(labels.length > 0 && { filters: t('list.filters', { filters: labels.join(separator) }) }),
    ...(entries.length === 0 && { none: t('list.none', { kind: t(`kindLower.${kind}`), filters: labels.join(separator) || t(`kind.${kind}`) }) }),
    ...(notStated > 0 && { notStated: t('list.notStated', { count: notStated }) }),
    sourcesNote: t('list.sources'),
    openLabel: t('list.open'),
    items,
  };
}
