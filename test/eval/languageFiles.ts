import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LANGS, isLang, type Lang } from '../../services/languages.js';

/**
 * Loads an eval set kept as one YAML list per language (`<dir>/<lang>.yaml`): each item validated by `item`, tagged
 * with its language, and every entry id it expects (`entryIdsOf`) checked against the knowledge base, so a renamed
 * entry fails the run rather than quietly scoring zero.
 */
export function loadLanguageFiles<T extends z.ZodType>(
  dir: string,
  item: T,
  entryIdsOf: (item: z.infer<T>) => (string | undefined)[] = () => [],
  knownIds: ReadonlySet<string> = new Set(),
): (z.infer<T> & { lang: Lang })[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => {
      const lang = file.replace('.yaml', '');
      if (!isLang(lang)) throw new Error(`${dir}/${file}: not named after one of ${LANGS.join(' ')}`);
      const parsed = z.array(item).safeParse(parseYaml(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`${dir}/${file}: ${parsed.error.message}`);
      return parsed.data.map((value) => {
        const unknown = entryIdsOf(value).filter((id): id is string => id !== undefined && !knownIds.has(id));
        if (unknown.length > 0) throw new Error(`${dir}/${file}: ${JSON.stringify(value).slice(0, 120)} expects unknown entries ${unknown.join(', ')}`);
        return { ...(value as object), lang } as z.infer<T> & { lang: Lang };
      });
    });
}
