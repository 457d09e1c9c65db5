import { LANGS } from '../languages.js';
import { type Entry, localizedValues, type Source, STATED_KEYS, type StatedKey } from './schema.js';
import { withWesternDigits } from '../text.js';

/**
 * Per-fact provenance: every structured fact and every figure in an entry's texts must be traceable to one of the
 * entry's sources, so that an editor (or hotline staff on the phone) can check it.
 */

/** A name is what the entry is about; every source names it, so it is the one fact not traced. */
const TRACED_KEYS = STATED_KEYS.filter((key) => key !== 'name');

/** Whether a fact or facet is set: an empty list is not (the schema's "not stated"). */
export function isPresent(value: unknown): boolean {
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** The sources that state one fact or facet of the entry. */
export function sourcesOfFact(entry: Entry, key: StatedKey): Source[] {
  const website = key === 'website' ? entry.facts.website : undefined;
  // A website is stated by any source published on it.
  return entry.sources.filter((source) => source.states?.includes(key) || (website && hostOf(source.url) === hostOf(website)));
}

/** The entry's facts and facets by the keys sources name in `states`. */
function statedValues(entry: Entry): Record<string, unknown> {
  return { ...entry.facts, ...entry.facets };
}

/** Facts and facets the entry sets that no source states. */
export function untracedFacts(entry: Entry): StatedKey[] {
  const values = statedValues(entry);
  return TRACED_KEYS.filter((key) => isPresent(values[key]) && sourcesOfFact(entry, key).length === 0);
}

/** `states` keys that name a value the entry does not have. */
export function statedButAbsent(entry: Entry): StatedKey[] {
  const values = statedValues(entry);
  const stated = new Set(entry.sources.flatMap((source) => source.states ?? []));
  return [...stated].filter((key) => !isPresent(values[key]));
}

const DATE = /\d{4}-\d{2}-\d{2}/g;
/** Digit runs that may hold spaces, hyphens or brackets, as phone numbers are written. */
const NUMBER_RUN = /\+?\(?\d[\d\s\-()]*\d/g;
/** The short public service numbers (emergency, directory), which count as phone numbers despite their length. */
const SHORT_SERVICE_NUMBER = /^(110|114|119|120|122|999)$/;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function isPhoneLike(digits: string): boolean {
  return digits.length >= 5 || SHORT_SERVICE_NUMBER.test(digits);
}

/**
 * Numbers grouped in thousands ("120,000", "1.244", "50 000") are amounts, never phone numbers; a group followed by
 * more digits ("400 810 5119") is not one.
 */
const GROUPED_NUMBER = /(?<!\d[,.\u00a0\u202f ]?)\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\d,.]*\d)(?![\s\u00a0\u202f]\d)/g;
const GROUPED_NUMBER_WHOLE = new RegExp(`^${GROUPED_NUMBER.source}$`);
/** Amounts and digit runs, left to right; where both could start, the amount is read first. */
const NUMBER_RUNS = new RegExp(`${GROUPED_NUMBER.source}|${NUMBER_RUN.source}`, 'g');

/** Whether a run of `NUMBER_RUNS` is a phone number: not an amount, and five or more digits or a service number. */
function isPhoneRun(run: string): boolean {
  return !GROUPED_NUMBER_WHOLE.test(run) && isPhoneLike(digitsOf(run));
}

/** Phone-like numbers in a text: five or more digits, or a short service number such as 120 (not "106 schools"). */
export function phoneNumbersIn(text: string): string[] {
  return [...text.replace(DATE, ' ').matchAll(NUMBER_RUNS)].map((match) => match[0]).filter(isPhoneRun).map(digitsOf);
}

/** Whether a phone number written in a text is one of the entry's `facts.phones`. */
export function phoneIsInFacts(digits: string, entry: Entry): boolean {
  const factDigits = (entry.facts.phones ?? []).map((phone) => digitsOf(phone.number));
  // "6915 6699" in a text matches "010-69156699" in the facts.
  return factDigits.some((fact) => fact.endsWith(digits) || digits.endsWith(fact));
}

/**
 * A clock time ("8:30"), a number with thousands separators ("1,000", "1.000", "1 000"), a decimal, or a digit run;
 * not the digits of a code that follow a Latin letter (the X1 visa, Terminal T3, COVID-19; line 5 is a figure, M5 is not).
 */
const FIGURE = /(?<![A-Za-z\d]|[A-Za-z]-)(?:\d{1,2}:\d{2}|\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?)/g;
const THOUSANDS = /^\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+$/;

/** Western digits for Arabic-Indic, Persian and full-width ones, so every language's figures compare alike. */
function westernDigits(text: string): string {
  return withWesternDigits(text)
    .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',');
}

/** One spelling of a figure: thousands separators dropped, a decimal comma read as a point. */
export function normalizeFigure(figure: string): string {
  const western = westernDigits(figure.trim());
  if (THOUSANDS.test(western)) return western.replace(/\D/g, '');
  return western.replace(',', '.');
}

/** The figures a text states, normalized; dates are left out (they are retrieval and verification dates). */
export function figuresIn(text: string): string[] {
  return [...westernDigits(text).replace(DATE, ' ').matchAll(FIGURE)].map((match) => normalizeFigure(match[0]));
}

/** The number of an item in a numbered list ("1. ", "2) ", "3、"), which states nothing. */
const LIST_MARKER = /^(\s*(?:[-*]\s*)?)\d{1,2}[.)、．]\s*/gm;

/** A text without what is not a figure to trace: list numbers, and phone numbers (traced through `facts.phones`). */
function withoutNonFigures(text: string): string {
  return text
    .replace(LIST_MARKER, '$1')
    .replace(DATE, ' ')
    .replace(NUMBER_RUNS, (run) => (isPhoneRun(run) ? ' ' : run));
}

/** Figures that a traced fact already carries (an address's street number, a clock time of the hours, a phone). */
function figuresOfFacts(entry: Entry): Set<string> {
  const { address, hours, phones } = entry.facts;
  const texts = [...localizedValues(address), ...localizedValues(hours)];
  const figures = new Set(texts.flatMap(figuresIn));
  for (const phone of phones ?? []) figures.add(digitsOf(phone.number));
  return figures;
}

/**
 * Figures in the entry's texts (title, answer, details, in every language) that no source lists in `figures` and
 * no traced fact carries. Phone numbers are checked against `facts.phones` separately.
 */
export function untracedFigures(entry: Entry): string[] {
  const listed = new Set(entry.sources.flatMap((source) => (source.figures ?? []).map(normalizeFigure)));
  const carried = figuresOfFacts(entry);
  const missing = new Set<string>();
  for (const lang of LANGS) {
    const { title, answer, details } = entry.content[lang];
    for (const figure of figuresIn(withoutNonFigures(westernDigits([title, answer, details ?? ''].join('\n'))))) {
      if (!listed.has(figure) && !carried.has(figure)) missing.add(figure);
    }
  }
  return [...missing];
}
