/**
 * What the assistant does not cover, from `scope/`:
 * - `places.yaml`: cities and provinces other than Beijing. A question that names one and not Beijing is about
 *   somewhere else, and gets the honest fallback however well its other words match an entry.
 * - `out-of-scope.yaml`: example questions on topics we do not cover (weather, restaurants, other countries'
 *   visas...), embedded beside the entries. A question nearer to them than to any entry is not ours to answer.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LANGS, type Lang } from './languages.js';
import { PhraseList, prepareText } from './language/phrases.js';
import { yieldToEventLoop } from './timeSlices.js';

const namesPerLanguage = z.strictObject(Object.fromEntries(LANGS.map((lang) => [lang, z.array(z.string().trim().min(1)).default([])])) as Record<Lang, z.ZodDefault<z.ZodArray<z.ZodString>>>);

const PlacesSchema = z.strictObject({
  beijing: namesPerLanguage,
  places: z.array(z.strictObject({ id: z.string().min(1), names: namesPerLanguage })),
});

const OutOfScopeSchema = z.array(
  z.strictObject({
    topic: z.string().min(1),
    questions: z.strictObject(Object.fromEntries(LANGS.map((lang) => [lang, z.array(z.string().trim().min(1)).min(1)])) as Record<Lang, z.ZodArray<z.ZodString>>),
  }),
);

export interface OutOfScopeExample {
  topic: string;
  lang: Lang;
  text: string;
}

export interface Scope {
  /** The other place a question is about (a place id), when it names one and does not name Beijing. */
  otherPlace(text: string): string | undefined;
  outOfScopeExamples: OutOfScopeExample[];
  /** Beijing's names in our languages: residents leave them out of the names of places here. */
  beijingNames: string[];
  /** Changes whenever either file changes: part of the saved dense index's key. */
  hash: string;
}

async function readYaml(path: string): Promise<{ text: string; data: unknown }> {
  const text = await readFile(path, 'utf8');
  return { text, data: parseYaml(text) };
}

export async function loadScope(dir: string): Promise<Scope> {
  // Each step holds the event loop for some tens of ms at most, and requests run between them (a reload loads this).
  const places = await readYaml(join(dir, 'places.yaml'));
  await yieldToEventLoop();
  const outOfScope = await readYaml(join(dir, 'out-of-scope.yaml'));
  await yieldToEventLoop();
  const parsedPlaces = PlacesSchema.safeParse(places.data);
  if (!parsedPlaces.success) throw new Error(`${join(dir, 'places.yaml')}: ${parsedPlaces.error.message}`);
  const parsedTopics = OutOfScopeSchema.safeParse(outOfScope.data);
  if (!parsedTopics.success) throw new Error(`${join(dir, 'out-of-scope.yaml')}: ${parsedTopics.error.message}`);
  await yieldToEventLoop();

  const namesOf = <T>(names: Record<Lang, string[]>, value: T) => LANGS.flatMap((lang) => names[lang].map((phrase) => ({ phrase, value })));
  const beijing = new PhraseList(namesOf(parsedPlaces.data.beijing, true));
  // In the order of places.yaml: the first place named wins, as before.
  const otherPlaces = new PhraseList(parsedPlaces.data.places.flatMap((place) => namesOf(place.names, place.id)));

  return {
    otherPlace: (text) => {
      const prepared = prepareText(text);
      if (beijing.first(prepared)) return undefined;
      return otherPlaces.first(prepared);
    },
    beijingNames: LANGS.flatMap((lang) => parsedPlaces.data.beijing[lang]),
    outOfScopeExamples: parsedTopics.data.flatMap(({ topic, questions }) => LANGS.flatMap((lang) => questions[lang].map((text) => ({ topic, lang, text })))),
    hash: createHash('sha256').update(places.text).update('\0').update(outOfScope.text).digest('hex').slice(0, 16),
  };
}
