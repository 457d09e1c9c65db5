import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkKnowledgeBase } from '../../services/knowledge/check.js';
import { phoneNumbersIn } from '../../services/knowledge/provenance.js';
import { entriesByAge, monthsBetween } from '../../services/knowledge/freshness.js';
import { KnowledgeError, loadKnowledgeBase, parseEntry } from '../../services/knowledge/load.js';
import { makeEntry } from '../fixtures/entries.js';

const example = readFileSync('knowledge/hotlines/hotline-12345.yaml', 'utf8');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function knowledgeDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-test-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'hotlines'), { recursive: true });
    writeFileSync(join(dir, 'hotlines', name), text);
  }
  return dir;
}

describe('entry schema', () => {
  it('accepts the bundled example entry', () => {
    const { entry, problems } = parseEntry(example, 'hotline-12345.yaml');
    expect(problems).toEqual([]);
    expect(entry?.content.ar.questions.length).toBeGreaterThanOrEqual(4);
    expect(entry?.tags).toContain('12345');
  });

  it('names the file and field of a missing language', () => {
    const { problems } = parseEntry(example.replace(/\n {2}ko:\n[\s\S]*$/, '\n'), 'hotline-12345.yaml');
    expect(problems).toContainEqual(expect.objectContaining({ file: 'hotline-12345.yaml', field: 'content.ko' }));
  });

  it('rejects a bad URL, a bad date, too few questions and an id that differs from the file name', () => {
    const raw = parse(example);
    raw.sources[0].url = 'govt.chinadaily';
    raw.verified = '21/11/2026';
    raw.content.zh.questions = raw.content.zh.questions.slice(0, 2);
    const broken = stringify(raw);
    const fields = parseEntry(broken, 'hotline-12345.yaml').problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['sources.0.url', 'verified', 'content.zh.questions']));
    expect(parseEntry(example, 'other-name.yaml').problems[0]).toMatchObject({ field: 'id' });
  });

  it('reports invalid YAML with the file name', () => {
    expect(parseEntry('id: [unclosed', 'x.yaml').problems[0]).toMatchObject({ file: 'x.yaml', message: expect.stringMatching(/YAML/) });
  });
});

describe('loading a knowledge folder', () => {
  it('loads every entry and keys the content with a hash that changes on any edit', async () => {
    const dir = knowledgeDir({ 'hotline-12345.yaml': example });
    const kb = await loadKnowledgeBase(dir);
    expect(kb.entries.map((e) => e.id)).toEqual(['hotline-12345']);
    writeFileSync(join(dir, 'hotlines', 'hotline-12345.yaml'), example.replace('24 hours a day', '24 hours each day'));
    expect((await loadKnowledgeBase(dir)).hash).not.toBe(kb.hash);
  });

  it('lists every problem of every file in one error', async () => {
    const dir = knowledgeDir({ 'hotline-12345.yaml': example.replace('category: hotlines', 'category: weather'), 'b.yaml': 'id: b' });
    const error = await loadKnowledgeBase(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeError);
    const files = (error as KnowledgeError).problems.map((p) => p.file);
    expect(files.some((f) => f.endsWith('hotline-12345.yaml'))).toBe(true);
    expect(files.some((f) => f.endsWith('b.yaml'))).toBe(true);
  });
});

describe('whole-base checks', () => {
  it('finds phone-like numbers but not dates, years or counts', () => {
    expect(phoneNumbersIn('Call 120 or 010-6915 6699; since 2022-01-01, 106 schools, 435 centres, in 2023')).toEqual(['120', '01069156699']);
  });

  it('flags a phone number in a text that is missing from the facts, and accepts one that is there', () => {
    const missing = makeEntry('a', { en: { answer: 'Call 6915 6699 to book.' } });
    expect(checkKnowledgeBase([missing], '2026-11-21')).toEqual([expect.objectContaining({ entryId: 'a', message: expect.stringMatching(/69156699/) })]);
    const present = makeEntry('a', { en: { answer: 'Call 6915 6699 to book.' } }, {
      facts: { phones: [{ number: '010-69156699', kind: 'booking' }] },
      sources: [{ url: 'https://example.org/source', retrieved: '2026-01-01', states: ['phones'] }],
    });
    expect(checkKnowledgeBase([present], '2026-11-21')).toEqual([]);
  });

  it('flags future verification dates and near-duplicate questions across entries', () => {
    const future = makeEntry('a', {}, { verified: '2027-01-01' });
    const twin1 = makeEntry('b', { fr: { questions: ['Comment prendre rendez-vous à l’hôpital ?'] } });
    const twin2 = makeEntry('c', { fr: { questions: ['Comment prendre rendez-vous a l hôpital'] } });
    const messages = checkKnowledgeBase([future, twin1, twin2], '2026-11-21').map((f) => f.message);
    expect(messages.some((m) => /in the future/.test(m))).toBe(true);
    expect(messages.some((m) => /nearly duplicates/.test(m))).toBe(true);
  });

  it('serialises back to YAML that loads again', () => {
    const entry = makeEntry('round-trip');
    expect(parseEntry(stringify(entry), 'round-trip.yaml').problems).toEqual([]);
  });
});

describe('freshness', () => {
  it('counts whole months between two dates', () => {
    expect(monthsBetween('2025-06-15', '2026-06-14')).toBe(11);
    expect(monthsBetween('2025-06-15', '2026-06-15')).toBe(12);
    expect(monthsBetween('2024-12-31', '2026-07-01')).toBe(18);
  });

  it('fails an entry last verified more than 18 months ago, and lists entries oldest first', () => {
    const old = makeEntry('old', {}, { verified: '2025-01-01' });
    const ageing = makeEntry('ageing', {}, { verified: '2025-10-01' });
    const fresh = makeEntry('fresh', {}, { verified: '2026-11-01' });
    const findings = checkKnowledgeBase([fresh, ageing, old], '2026-12-06');
    expect(findings).toEqual([expect.objectContaining({ entryId: 'old', message: expect.stringMatching(/23 months ago/) })]);
    expect(entriesByAge([fresh, ageing, old], '2026-12-06').map((e) => [e.entryId, e.months])).toEqual([['old', 23], ['ageing', 14], ['fresh', 1]]);
  });
});
