import { z } from 'zod';
import { LANGS, type Lang } from '../languages.js';

export const CATEGORIES = [
  'medical', 'schools', 'service-windows', 'hotlines', 'residence',
  'money', 'phone-internet', 'transport', 'work-tax', 'family-civil', 'housing', 'arrival', 'rights-help', 'daily-life',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Beijing's 16 districts; their names are localized in `locales/<lng>/translation.json` under `district.*`. */
export const DISTRICTS = [
  'dongcheng', 'xicheng', 'chaoyang', 'haidian', 'fengtai', 'shijingshan', 'mentougou', 'fangshan',
  'tongzhou', 'shunyi', 'changping', 'daxing', 'huairou', 'pinggu', 'miyun', 'yanqing',
] as const;
export type District = (typeof DISTRICTS)[number];

/** Kinds of phone line; their labels are localized under `phoneKind.*`. */
export const PHONE_KINDS = ['general', 'booking', 'emergency', 'hotline', 'international-desk', 'embassy-liaison'] as const;

export const EMERGENCY_KINDS = ['police', 'ambulance', 'fire'] as const;
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const nonEmpty = z.string().trim().min(1, { message: 'must not be empty' });

/** Builds an object schema with one required key per language. */
function perLanguage<T extends z.ZodType>(value: T) {
  const shape = Object.fromEntries(LANGS.map((lang) => [lang, value])) as Record<Lang, T>;
  return z.strictObject(shape);
}

/**
 * A fact that may differ by language (a name, an address, opening hours). Either one language-neutral string,
 * or a map that has at least English and Chinese; renderers fall back from the reader's language to English,
 * then Chinese.
 */
export const LocalizedTextSchema = z.union([
  nonEmpty,
  z
    .strictObject(Object.fromEntries(LANGS.map((lang) => [lang, nonEmpty.optional()])) as Record<Lang, z.ZodOptional<typeof nonEmpty>>)
    .refine((text) => Boolean(text.en && text.zh), { message: 'a per-language fact needs at least en and zh' }),
]);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Every wording of a fact: the one text, or each language's. */
export function localizedValues(text: LocalizedText | undefined): string[] {
  if (!text) return [];
  return typeof text === 'string' ? [text] : Object.values(text).filter((v): v is string => Boolean(v));
}

export const PhoneSchema = z.strictObject({
  number: z.string().regex(/^\+?[0-9][0-9 \-()]{1,24}$/, { message: 'must be digits, spaces, +, - or ()' }),
  kind: z.enum(PHONE_KINDS),
  extension: z.string().regex(/^[0-9]{1,6}$/).optional(),
});

export const FactsSchema = z.strictObject({
  name: LocalizedTextSchema.optional(),
  /** One district, or each district of a place on several sites (a school with campuses in Shunyi and Chaoyang). */
  district: z.union([z.enum(DISTRICTS), z.array(z.enum(DISTRICTS)).min(2)]).optional(),
  address: LocalizedTextSchema.optional(),
  phones: z.array(PhoneSchema).min(1).optional(),
  hours: LocalizedTextSchema.optional(),
  /** ISO 639-1 codes of the languages staff speak there; displayed with Intl.DisplayNames. */
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1).optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
  email: z.email().optional(),
});
export type Facts = z.infer<typeof FactsSchema>;

/** The districts a place is in: none stated, its one, or each of its sites'. */
export function districtsOf(facts: Facts): District[] {
  if (facts.district === undefined) return [];
  return typeof facts.district === 'string' ? [facts.district] : facts.district;
}

/** How many batches of a pilot the locales name (`batch.1`…); a later batch needs its locale strings first. */
export const PILOT_BATCHES = 3;

/** What an entry is, when it is one place or service among several of its kind; list answers are made of these. */
export const ENTRY_KINDS = ['school', 'hospital', 'service-centre', 'exit-entry-office', 'talent-community', 'hotline'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Localized under `schoolType.*`. A Chinese school admitting foreigners is a public or private Chinese school. */
export const SCHOOL_TYPES = ['international', 'embassy', 'chinese-school'] as const;

/** Programmes a school teaches; localized under `curriculum.*`. */
export const CURRICULA = [
  'ib-pyp', 'ib-myp', 'ib-dp', 'ib-cp', 'igcse', 'a-level', 'ap', 'american', 'british', 'canadian', 'australian',
  'french', 'german', 'japanese', 'korean', 'russian', 'italian', 'pakistani', 'swiss', 'chinese-national',
] as const;
export type Curriculum = (typeof CURRICULA)[number];

/**
 * The national curriculum taught in a language (ISO 639-1): a French school teaches in French even where its
 * `languages` are unset, and "the French curriculum" names a school's country, not a language filter.
 */
export const CURRICULUM_OF_LANGUAGE: Partial<Record<string, Curriculum>> = {
  fr: 'french', de: 'german', ja: 'japanese', ko: 'korean', ru: 'russian', it: 'italian', zh: 'chinese-national',
};

/**
 * The facets residents filter lists by (district and languages live in `facts`). A facet no source states is left
 * out: absent means "not stated", never "no".
 */
export const FacetsSchema = z.strictObject({
  kind: z.enum(ENTRY_KINDS).optional(),
  schoolType: z.enum(SCHOOL_TYPES).optional(),
  curricula: z.array(z.enum(CURRICULA)).min(1).optional(),
  /** Youngest and oldest age admitted, in years. */
  ages: z
    .strictObject({ from: z.number().int().min(0).max(25), to: z.number().int().min(0).max(25) })
    .refine((ages) => ages.from <= ages.to, { message: 'from must not be above to' })
    .optional(),
  /** A hospital's international department or foreigners' service desk. */
  internationalDepartment: z.boolean().optional(),
  emergency24h: z.boolean().optional(),
  /** One of the institutions in Beijing's international medical services pilot. */
  pilotInstitution: z.boolean().optional(),
  /** A service centre's or hall's window serving foreigners in foreign languages. */
  foreignLanguageWindow: z.boolean().optional(),
  /** A school that houses its pupils: boarding, or dormitories on campus. */
  boarding: z.boolean().optional(),
  /** The batch of a city pilot the place was named in: Beijing named its international talent communities in batches. */
  pilotBatch: z.number().int().min(1).max(PILOT_BATCHES).optional(),
});
export type Facets = z.infer<typeof FacetsSchema>;

/** The kinds of entry each facet describes. */
export const FACET_KINDS: Record<Exclude<keyof Facets, 'kind'>, readonly EntryKind[]> = {
  schoolType: ['school'],
  curricula: ['school'],
  ages: ['school'],
  internationalDepartment: ['hospital'],
  emergency24h: ['hospital'],
  pilotInstitution: ['hospital'],
  foreignLanguageWindow: ['service-centre', 'exit-entry-office'],
  boarding: ['school'],
  pilotBatch: ['talent-community'],
};

/** The facts and facets a source can be cited for, in `sources[].states`. */
export const STATED_KEYS = [
  ...(Object.keys(FactsSchema.shape) as (keyof Facts)[]),
  ...(Object.keys(FacetsSchema.shape).filter((key) => key !== 'kind') as Exclude<keyof Facets, 'kind'>[]),
] as const;
export type StatedKey = (typeof STATED_KEYS)[number];

export const SourceSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  title: nonEmpty.optional(),
  retrieved: isoDate,
  /** The facts and facets this source states, so each can be traced to it. */
  states: z.array(z.enum(STATED_KEYS)).optional(),
  /** The figures of the entry's texts (fees, deadlines, counts, years) this source states, in digits as written: "240", "2023". */
  figures: z.array(z.union([nonEmpty, z.number().transform(String)])).optional(),
  /** A source of lesser standing (press, a third party), kept because two independent ones agree and no official one exists. */
  secondary: z.boolean().optional(),
});

export type Source = z.infer<typeof SourceSchema>;

export const LanguageContentSchema = z.strictObject({
  title: nonEmpty.max(120),
  /** The short answer shown first; key facts are rendered from `facts`, not repeated here. */
  answer: nonEmpty.max(600),
  details: nonEmpty.max(2000).optional(),
  /** Alternate phrasings of the question, as residents ask it. */
  questions: z.array(nonEmpty.max(200)).min(6, { message: 'needs at least 6 alternate questions' }),
});
export type LanguageContent = z.infer<typeof LanguageContentSchema>;

/**
 * Marks an entry as the answer to an emergency. A message that contains a trigger phrase (syntax in
 * services/language/phrases.ts) is answered with it at once; with the embedding model, so is a message whose
 * meaning is close enough to one of the examples: descriptions of the emergency that name no service.
 */
export const EmergencySchema = z.strictObject({
  kind: z.enum(EMERGENCY_KINDS),
  triggers: perLanguage(z.array(nonEmpty).min(1)),
  examples: perLanguage(z.array(nonEmpty).min(5, { message: 'needs at least 5 example descriptions' })),
});

export const EntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lowercase kebab-case' }),
  category: z.enum(CATEGORIES),
  /** Language-neutral keywords and abbreviations (PUMCH, 协和); a bare number such as 12345 is read as text. */
  tags: z.array(z.union([nonEmpty, z.number().transform(String)])).default([]),
  facts: FactsSchema.default({}),
  facets: FacetsSchema.default({}),
  sources: z.array(SourceSchema).min(1, { message: 'needs at least one source' }),
  verified: isoDate,
  emergency: EmergencySchema.optional(),
  /**
   * The other names residents use for a place, per language, as phrases (syntax in services/language/phrases.ts):
   * "和睦家", "united family", "дульвич*", "andingmen + immigration". Editorial, not facts: they only let a message
   * that names the place be recognised (services/conversation/namedPlaces.ts), so they cite no source.
   */
  aliases: z
    .strictObject(Object.fromEntries(LANGS.map((lang) => [lang, z.array(nonEmpty).min(1).optional()])) as Record<Lang, z.ZodOptional<z.ZodArray<typeof nonEmpty>>>)
    .optional(),
  content: perLanguage(LanguageContentSchema),
});
export type Entry = z.infer<typeof EntrySchema>;

/** The places a resident may name: entries of a kind lists are made of, except hotlines (numbers, not places). */
export function isPlace(entry: Entry): boolean {
  return entry.facets.kind !== undefined && entry.facets.kind !== 'hotline';
}
