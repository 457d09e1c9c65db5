import { describe, expect, it } from 'vitest';
import { Assistant } from '../../services/assistant.js';
import { LiveRetrieval } from '../../services/liveRetrieval.js';
import { createLogger } from '../../services/logger.js';
import { LexicalIndex } from '../../services/retrieval/lexical.js';
import type { Retrieval } from '../../services/startup.js';
import { makeEntry, makeKnowledgeBase } from '../fixtures/entries.js';

const thresholds = { answer: 0.3, clarify: 0.2, denseAnswer: 0.9, denseClarify: 0.8 };

function retrievalOf(id: string, title: string): Retrieval {
  const kb = makeKnowledgeBase([makeEntry(id, { en: { title, questions: [title] } })]);
  const assistant = new Assistant({ kb, lexical: new LexicalIndex(kb.entries, 1), thresholds, weights: { lexical: 1, dense: 1 } });
  return { kb, assistant, status: { entries: 1, knowledgeHash: kb.hash, lexicalDocuments: 10, dense: { state: 'off', model: 'm', reason: 'test' }, startupMs: 0 } };
}

describe('reloading the knowledge base without downtime', () => {
  it('answers from the old retrieval while the new one builds, then swaps', async () => {
    let finishBuild!: (r: Retrieval) => void;
    const live = new LiveRetrieval(retrievalOf('old-entry', 'bicycle registration'), () => new Promise((resolve) => { finishBuild = resolve; }), createLogger('silent'));
    const reload = live.reload();
    expect(live.status.reloading).toBe(true);
    const during = await live.assistant.ask('bicycle registration', { lang: 'en' });
    expect(during.decision).toMatchObject({ kind: 'answer', entry: { id: 'old-entry' } });

    finishBuild(retrievalOf('new-entry', 'bicycle registration'));
    await reload;
    expect(live.status.reloading).toBe(false);
    const after = await live.assistant.ask('bicycle registration', { lang: 'en' });
    expect(after.decision).toMatchObject({ kind: 'answer', entry: { id: 'new-entry' } });
  });

  it('keeps serving the old retrieval when the new build fails', async () => {
    const live = new LiveRetrieval(retrievalOf('old-entry', 'bicycle registration'), () => Promise.reject(new Error('invalid entry')), createLogger('silent'));
    await expect(live.reload()).rejects.toThrow('invalid entry');
    expect(live.kb.entries[0].id).toBe('old-entry');
  });
});
