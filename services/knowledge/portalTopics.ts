import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PortalTopicsSchema, type PortalTopic } from './coverageMap.js';

/** The generated coverage map, beside the entries. */
export function coverageFile(knowledgeDir: string): string {
  return join(knowledgeDir, 'COVERAGE.md');
}

/** scope/portal-topics.yaml, validated; its problems name the topic's position so an editor can find it. */
export async function loadPortalTopics(scopeDir: string): Promise<PortalTopic[]> {
  const path = join(scopeDir, 'portal-topics.yaml');
  const parsed = PortalTopicsSchema.safeParse(parseYaml(await readFile(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path}:\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  }
  return parsed.data;
}
