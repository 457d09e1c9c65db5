import { describe, expect, it } from 'vitest';
import { Assistant } from '../../services/assistant.js';
import { LiveRetrieval } from '../../services/liveRetrieval.js';
import { createLogger } from '../../services/logger.js';
import { DENSE_FEATURES, LEXICAL_FEATURES } from '../../services/retrieval/decide.js';
import { LexicalIndex } from '../../services/retrieval/lexical.js';
import type { Scope } from '../../services/scope.js';
import type { Retrieval } from '../../services/startup.js';
import { listQuestionReader } from '../../services/conversation/listQuestions.js';
import { makeEntry, makeKnowledgeBase } from '../fixtures/entries.js';

const log = createLogger('silent');
const calibration = {
  dense: { features: DENSE_FEATURES, weights: DENSE_FEATURES.map((feature) => (feature === 'coverage' ? 10 : 0)), bias: -3, answer: 0.5, clarify: 0.3 },
  lexical: { features: LEXICAL_FEATURES, weights: LEXICAL_FEATURES.map((feature) => (feature === 'coverage' ? 10 : 0)), bias: -3, answer: 0.5, clarify: 0.3 },
  emergencySimilarity: 0.99,
};
const scope: Scope = { otherPlace: () => undefined, beijingNames: [], outOfScopeExamples: [], hash: 'scope' };
const since = '2026-12-01T00:00:00.000Z';

function retrievalOf(id: string, title: string, dense: 'building' | 'off' = 'off'): Retrieval {
  const kb = makeKnowledgeBase([makeEntry(id, { en: { title, questions: [title] } })]);
  const lexical = new LexicalIndex(kb.entries, 1);
  const assistant = new Assistant({ kb, scope, lexical, decision: calibration, weights: { lexical: 1, dense: 1 }, lists: listQuestionReader('locales') });
  const denseStatus = dense === 'building' ? { state: 'building' as const, model: 'm', since } : { state: 'off' as const, model: 'm', reason: 'test', since };
  return { kb, scope, lexical, assistant, status: { entries: 1, knowledgeHash: kb.hash, lexicalDocuments: 10, lexical: { state: 'on', since, saved: false }, dense: denseStatus, startupMs: 0 } };
}

/** A builder whose result the test releases when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
  return { promise, resolve, reject };
}

const withDenseOn = (base: Retrieval): Retrieval => ({ ...base, status: { ...base.status, dense: { state: 'on', model: 'm', passages: 5, since, buildMs: 1 } } });

describe('reloading the knowledge base without downtime', () => {
  it('answers from the old retrieval while the new one builds, then swaps', async () => {
    const build = deferred<Retrieval>();
    const live = new LiveRetrieval(retrievalOf('old-entry', 'bicycle registration'), { lexical: () => build.promise, dense: async (r) => r }, log);
    const reload = live.reload();
    expect(live.status.reloading).toBe(true);
    const during = await live.assistant.ask('bicycle registration', { lang: 'en' });
    expect(during.decision).toMatchObject({ kind: 'answer', entry: { id: 'old-entry' } });

    build.resolve(retrievalOf('new-entry', 'bicycle registration'));
    await reload;
    expect(live.status.reloading).toBe(false);
    const after = await live.assistant.ask('bicycle registration', { lang: 'en' });
    expect(after.decision).toMatchObject({ kind: 'answer', entry: { id: 'new-entry' } });
  });

  it('keeps serving the old retrieval when the new build fails', async () => {
    const live = new LiveRetrieval(retrievalOf('old-entry', 'bicycle registration'), { lexical: () => Promise.reject(new Error('invalid entry')), dense: async (r) => r }, log);
    await expect(live.reload()).rejects.toThrow('invalid entry');
    expect(live.kb.entries[0].id).toBe('old-entry');
  });
});

describe('the dense path built in the background', () => {
  it('answers lexically at once, then swaps the dense path in and says since when', async () => {
    const dense = deferred<Retrieval>();
    const swaps: string[] = [];
    const live = new LiveRetrieval(retrievalOf('entry', 'bicycle registration', 'building'), { lexical: async () => retrievalOf('x', 'y'), dense: () => dense.promise }, log, (s) => swaps.push(s.dense.state));
    expect(live.status.dense.state).toBe('building');
    expect((await live.assistant.ask('bicycle registration', { lang: 'en' })).decision.kind).toBe('answer');

    dense.resolve(withDenseOn(retrievalOf('entry', 'bicycle registration')));
    await live.denseSettled();
    expect(live.status.dense).toMatchObject({ state: 'on', passages: 5, since });
    expect(swaps).toEqual(['building', 'on']);
  });

  it('discards a dense build for a knowledge base that a reload replaced', async () => {
    const first = deferred<Retrieval>();
    const builds = [first.promise, Promise.resolve(withDenseOn(retrievalOf('new-entry', 'bicycle registration')))];
    const live = new LiveRetrieval(retrievalOf('old-entry', 'bicycle registration', 'building'), {
      lexical: async () => retrievalOf('new-entry', 'bicycle registration', 'building'),
      dense: () => builds.shift()!,
    }, log);
    await live.reload();
    await live.denseSettled();
    first.resolve(withDenseOn(retrievalOf('old-entry', 'bicycle registration')));
    await first.promise;
    await new Promise((resolve) => setImmediate(resolve));
    expect(live.kb.entries[0].id).toBe('new-entry');
    expect(live.status.dense.state).toBe('on');
  });

  it('reports the dense path off, with the reason, when its build fails', async () => {
    const live = new LiveRetrieval(retrievalOf('entry', 'bicycle registration', 'building'), { lexical: async () => retrievalOf('x', 'y'), dense: () => Promise.reject(new Error('disk full')) }, log);
    await live.denseSettled();
    expect(live.status.dense).toMatchObject({ state: 'off', reason: 'disk full' });
    expect((await live.assistant.ask('bicycle registration', { lang: 'en' })).decision.kind).toBe('answer');
  });
});
