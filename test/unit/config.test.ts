import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../services/config.js';
import { DENSE_FEATURES } from '../../services/retrieval/decide.js';

describe('configuration', () => {
  it('has working defaults for local use', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.embedding).toMatchObject({ modelId: 'intfloat/multilingual-e5-small', allowRemote: false, queryPrefix: 'query: ', hubEndpoint: 'https://huggingface.co' });
    expect(config.decision.dense.features).toEqual([...DENSE_FEATURES]);
    expect(config.botAuth.MicrosoftAppId).toBe('');
  });

  it('drops the e5 prefixes for models that do not use them', () => {
    const config = loadConfig({ EMBEDDING_MODEL: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2' });
    expect(config.embedding.queryPrefix).toBe('');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DECISION_CALIBRATION: 'no/such/file.json' }, 'DECISION_CALIBRATION'],
    [{ HF_ENDPOINT: 'ftp://mirror' }, 'HF_ENDPOINT'],
    [{ ALLOW_REMOTE_MODELS: 'yes' }, 'ALLOW_REMOTE_MODELS'],
    [{ EMBEDDING_MODEL: 'no-slash' }, 'EMBEDDING_MODEL'],
  ])('rejects %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });

  it.each([
    ['a clarify threshold above the answer threshold', (c: { dense: { clarify: number; answer: number } }) => { c.dense.clarify = c.dense.answer + 0.1; }, /clarify must not exceed answer/],
    ['a weight missing', (c: { lexical: { weights: number[] } }) => { c.lexical.weights.pop(); }, /one weight per feature/],
    ['features of another version', (c: { dense: { features: string[] } }) => { c.dense.features.reverse(); }, /features must be/],
  ])('refuses a decision calibration with %s, naming the file', (_, spoil, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'calibration-'));
    try {
      const calibration = JSON.parse(readFileSync('config/decision.json', 'utf8'));
      spoil(calibration);
      const file = join(dir, 'decision.json');
      writeFileSync(file, JSON.stringify(calibration));
      expect(() => loadConfig({ DECISION_CALIBRATION: file })).toThrow(message);
      expect(() => loadConfig({ DECISION_CALIBRATION: file })).toThrow(/DECISION_CALIBRATION/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
