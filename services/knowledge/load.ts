import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { EntrySchema, type Entry } from './schema.js';

/** One problem in one knowledge file, named by file and field path so an editor can find it. */
export interface KnowledgeProblem {
  file: string;
  field: string;
  message: string;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(
      `The knowledge base has ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${p.file}: ${p.field || '(entry)'}: ${p.message}`).join('\n'),
    );
    this.name = 'KnowledgeError';
  }
}

export interface KnowledgeBase {
  entries: Entry[];
  byId: ReadonlyMap<string, Entry>;
  /** Hash of every entry's content; keys derived data such as the saved vector index. */
  hash: string;
}

async function listYamlFiles(dir: string): Promise<string[]> {
  const items = await readdir(dir, { withFileTypes: true, recursive: true });
  return items
    .filter((item) => item.isFile() && /\.ya?ml$/.test(item.name))
    .map((item) => join(item.parentPath, item.name))
    .sort();
}

function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}

/** Parses and validates one entry file. Returns the entry, or the problems found in it. */
export function parseEntry(text: string, file: string): { entry?: Entry; problems: KnowledgeProblem[] } {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    return { problems: [{ file, field: '', message: `not valid YAML: ${(error as Error).message}` }] };
  }
  const result = EntrySchema.safeParse(raw);
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => ({ file, field: issuePath(issue), message: issue.message })),
    };
  }
  const expectedId = basename(file).replace(/\.ya?ml$/, '');
  if (result.data.id !== expectedId) {
    return { problems: [{ file, field: 'id', message: `must match the file name (${expectedId})` }] };
  }
  return { entry: result.data, problems: [] };
}

/**
 * Loads every `*.yaml` entry below `dir`. Throws a KnowledgeError listing every problem found in every file,
 * so one run shows an editor all there is to fix.
 */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  const files = await listYamlFiles(dir);
  const problems: KnowledgeProblem[] = [];
  const entries: Entry[] = [];
  const firstFileOfId = new Map<string, string>();
  const hash = createHash('sha256');

  for (const path of files) {
    const file = relative(process.cwd(), path);
    const text = await readFile(path, 'utf8');
    hash.update(file).update('\0').update(text).update('\0');
    const parsed = parseEntry(text, file);
    problems.push(...parsed.problems);
    if (!parsed.entry) continue;
    const earlier = firstFileOfId.get(parsed.entry.id);
    if (earlier) {
      problems.push({ file, field: 'id', message: `duplicate id, also used by ${earlier}` });
      continue;
    }
    firstFileOfId.set(parsed.entry.id, file);
    entries.push(parsed.entry);
  }
  if (files.length === 0) problems.push({ file: dir, field: '', message: 'no knowledge entries (*.yaml) found' });
  if (problems.length > 0) throw new KnowledgeError(problems);

  return { entries, byId: new Map(entries.map((e) => [e.id, e])), hash: hash.digest('hex').slice(0, 16) };
}
