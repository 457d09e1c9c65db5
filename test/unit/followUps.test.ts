import { describe, expect, it } from 'vitest';
import { Assistant } from '../../services/assistant.js';
import { listQuestionReader } from '../../services/conversation/listQuestions.js';
import { LANGS, type Lang } from '../../services/languages.js';
import { DENSE_FEATURES, LEXICAL_FEATURES } from '../../services/retrieval/decide.js';
import type { DenseRetriever } from '../../services/retrieval/dense.js';
import { LexicalIndex } from '../../services/retrieval/lexical.js';
import type { Scope } from '../../services/scope.js';
import { makeEntry, makeKnowledgeBase } from '../fixtures/entries.js';

// Nothing is ever sure enough to answer on its own: what a follow-up gets comes from the context alone.
const neverSure = (features: readonly string[]) => ({ features, weights: features.map(() => 0), bias: -5, answer: 0.9, clarify: 0.9 });
const calibration = { dense: neverSure(DENSE_FEATURES), lexical: neverSure(LEXICAL_FEATURES), emergencySimilarity: 0.5 };
const scope: Scope = { otherPlace: () => undefined, beijingNames: [], outOfScopeExamples: [], hash: 'scope' };

const perLang = (texts: string[]) => Object.fromEntries(LANGS.map((lang) => [lang, texts])) as Record<Lang, string[]>;
const hospital = makeEntry('hospital', { en: { title: 'A hospital with an international department' } }, { facets: { kind: 'hospital' } });
const police = makeEntry('police', {}, { emergency: { kind: 'police', triggers: perLang(['placeholder-trigger']), examples: perLang([1, 2, 3, 4, 5].map((n) => `example ${n}`)) } });
const hall = (id: string, district: 'haidian' | 'dongcheng') => makeEntry(id, {}, { facets: { kind: 'exit-entry-office' }, facts: { district } });
const kb = makeKnowledgeBase([hospital, police, hall('hall-haidian', 'haidian'), hall('hall-dongcheng', 'dongcheng')]);

/** A dense path on which every message sits nearest the police emergency's examples, as short messages can. */
const denseNearEmergency = {
  embed: async () => new Float32Array(4),
  search: () => ({ hits: [{ entryId: 'hospital', similarity: 0.6, share: 0.5 }], emergency: { entryId: 'police', similarity: 0.9 }, outOfScope: 0.5, scopeLean: 0 }),
  cacheStats: { hits: 0, misses: 0 },
} as unknown as DenseRetriever;

const assistant = new Assistant({ kb, scope, lexical: new LexicalIndex(kb.entries, 1), decision: calibration, weights: { lexical: 1, dense: 1 }, lists: listQuestionReader('locales') });
const inContext = { context: { entryId: 'hospital' } };

describe('follow-ups when nothing is sure on its own', () => {
  it.each([
    ["what's their phone number?", 'phone'],
    ['another question: what are their hours?', 'hours'],
    ["j'appelle quel numéro si on me vole mon sac ?", 'phone'],
    ['do the staff there speak english or should I bring a chinese friend', 'languages'],
  ])('asks "%s" of the entry in context', async (text, fact) => {
    const { decision } = await assistant.ask(text, inContext);
    expect(decision).toMatchObject({ kind: 'fact', fact, entry: { id: 'hospital' } });
  });

  it.each([
    "autre chose : je viens de me faire voler mon sac dans la rue, j'appelle quel numéro pour la police ?",
    '全然関係ないけど、税金のことを電話で聞きたいときって何番にかければいい？',
    // Five words or more beside the fact asked: a question of its own.
    'какой номер у городской горячей линии, где отвечают на английском?',
  ])('starts a new topic when the message says so, or says much of its own: "%s"', async (text) => {
    const { decision } = await assistant.ask(text, inContext);
    expect(decision.kind).toBe('fallback');
  });

  it('does not take a bare follow-up for an emergency described by meaning', async () => {
    const withDense = assistant.withDense(denseNearEmergency);
    expect((await withDense.ask('홈페이지 주소도 알려줘요', inContext)).decision).toMatchObject({ kind: 'fact', fact: 'website' });
    expect((await withDense.ask('밤에도 받아요?', inContext)).decision).toMatchObject({ kind: 'fact', fact: 'hours' });
    // Without an entry in context, or with words of its own, the same nearness is an emergency.
    expect((await withDense.ask('밤에도 받아요?')).decision.kind).toBe('emergency');
    expect((await withDense.ask('someone is following me home and I am scared', inContext)).decision.kind).toBe('emergency');
  });

  it('asks for the place of the same kind in another district, when the fact question names one', async () => {
    const atHall = { context: { entryId: 'hall-haidian' } };
    expect((await assistant.ask('東城区だとどこ？', atHall)).decision).toMatchObject({ kind: 'answer', entry: { id: 'hall-dongcheng' } });
    expect((await assistant.ask('どこ？', atHall)).decision).toMatchObject({ kind: 'fact', fact: 'address', entry: { id: 'hall-haidian' } });
    expect((await assistant.ask('海淀区的在哪里?', atHall)).decision).toMatchObject({ kind: 'fact', fact: 'address', entry: { id: 'hall-haidian' } });
  });

  it('names a place by its kind and district when it is the only one there, so that follow-ups are asked of it', async () => {
    const { decision } = await assistant.ask('Can I get a work permit at the exit-entry hall in Dongcheng?');
    expect(decision).toMatchObject({ kind: 'fallback', named: { id: 'hall-dongcheng' } });
    // Not a kind of place with no district stated for one of them: which hospital is meant is not known.
    expect((await assistant.ask('What are the fees at the hospital in Dongcheng?')).decision).not.toHaveProperty('named');
  });
});
