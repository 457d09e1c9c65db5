import type { Localizer } from './i18n.js';
import { sourcesOfFact } from './knowledge/provenance.js';
import { districtsOf, type Entry, type Facts, type LocalizedText, type Source, type StatedKey } from './knowledge/schema.js';
import { LANGS, type Lang } from './languages.js';

/** A source as a reader sees it: "Source: <title>", with its URL. */
export interface SourceLink {
  text: string;
  title: string;
  url: string;
}

/** One key fact, ready to show: a localized label and value, a link where there is one, and the sources stating it. */
export interface FactLine {
  kind: 'phone' | 'address' | 'district' | 'hours' | 'website' | 'email' | 'languages';
  text: string;
  href?: string;
  sources: SourceLink[];
}

/** The fact each line shows, as named in `sources[].states`. */
const STATED_KEY_OF: Record<FactLine['kind'], StatedKey> = {
  phone: 'phones', address: 'address', district: 'district', hours: 'hours', website: 'website', email: 'email', languages: 'languages',
};

/**
 * An entry as a person reads it in one language: texts, key facts from the structured `facts`, sources and the
 * verified date. The bot sends it in `channelData.answer` (the widget renders it as text, never as HTML), and the
 * staff console shows two of them side by side.
 */
export interface AnswerCard {
  entryId: string;
  lang: Lang;
  title: string;
  answer: string;
  details?: string;
  facts: FactLine[];
  sources: SourceLink[];
  verified: string;
  verifiedLabel: string;
}

/** A per-language fact in the reader's language, falling back to English, then Chinese. */
export function pickLocalized(text: LocalizedText | undefined, lang: Lang): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[lang] ?? text.en ?? text.zh;
}

/** The district, or each district of a place on several sites, named in the reader's language ("Chaoyang and Shunyi"). */
export function districtNames(facts: Facts, lang: Lang, localizer: Localizer): string {
  return new Intl.ListFormat(lang).format(districtsOf(facts).map((district) => localizer.t(lang, `district.${district}`)));
}

/** Languages by their ISO 639-1 codes, named in the reader's language ("English and French"). */
export function languageNames(codes: readonly string[], lang: Lang): string {
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  return new Intl.ListFormat(lang).format(codes.map((code) => names.of(code) ?? code));
}

/** One formatter per language: building an Intl.DateTimeFormat costs more than the rest of a card. */
const dateFormats = new Map(LANGS.map((lang) => [lang, new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })]));

function formatDate(isoDate: string, lang: Lang): string {
  return dateFormats.get(lang)!.format(new Date(`${isoDate}T00:00:00Z`));
}

export function answerCard(entry: Entry, lang: Lang, localizer: Localizer): AnswerCard {
  const t = (key: string, values?: Record<string, unknown>) => localizer.t(lang, key, values);
  const sourceLink = (source: Source): SourceLink => {
    const title = source.title ?? new URL(source.url).hostname;
    return { text: t('answer.source', { title }), title, url: source.url };
  };
  const { facts } = entry;
  const lines: Omit<FactLine, 'sources'>[] = [];
  for (const phone of facts.phones ?? []) {
    const label = t(`phoneKind.${phone.kind}`);
    const key = phone.extension ? 'answer.phoneWithExtension' : 'answer.phone';
    lines.push({ kind: 'phone', text: t(key, { label, number: phone.number, extension: phone.extension }), href: `tel:${phone.number.replace(/[^\d+]/g, '')}` });
  }
  const address = pickLocalized(facts.address, lang);
  if (address) lines.push({ kind: 'address', text: t('answer.address', { value: address }) });
  if (facts.district) lines.push({ kind: 'district', text: t('answer.district', { value: districtNames(facts, lang, localizer) }) });
  const hours = pickLocalized(facts.hours, lang);
  if (hours) lines.push({ kind: 'hours', text: t('answer.hours', { value: hours }) });
  if (facts.languages) lines.push({ kind: 'languages', text: t('answer.languages', { value: languageNames(facts.languages, lang) }) });
  if (facts.website) lines.push({ kind: 'website', text: t('answer.website', { value: facts.website }), href: facts.website });
  if (facts.email) lines.push({ kind: 'email', text: t('answer.email', { value: facts.email }), href: `mailto:${facts.email}` });

  const content = entry.content[lang];
  const factLines = lines.map((line) => ({ ...line, sources: sourcesOfFact(entry, STATED_KEY_OF[line.kind]).map(sourceLink) }));
  return {
    entryId: entry.id,
    lang,
    title: content.title,
    answer: content.answer,
    details: content.details,
    facts: factLines,
    sources: entry.sources.map(sourceLink),
    verified: entry.verified,
    verifiedLabel: t('answer.verified', { date: formatDate(entry.verified, lang) }),
  };
}
