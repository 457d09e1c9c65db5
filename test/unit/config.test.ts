import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../services/config.js';

describe('configuration', () => {
  it('has working defaults for local use', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.embedding).toMatchObject({ modelId: 'Xenova/multilingual-e5-small', allowRemote: false, queryPrefix: 'query: ' });
    expect(config.botAuth.MicrosoftAppId).toBe('');
  });

  it('drops the e5 prefixes for models that do not use them', () => {
    const config = loadConfig({ EMBEDDING_MODEL: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2' });
    expect(config.embedding.queryPrefix).toBe('');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ ANSWER_THRESHOLD: '1.5' }, 'ANSWER_THRESHOLD'],
    [{ ALLOW_REMOTE_MODELS: 'yes' }, 'ALLOW_REMOTE_MODELS'],
    [{ EMBEDDING_MODEL: 'no-slash' }, 'EMBEDDING_MODEL'],
    [{ CLARIFY_THRESHOLD: '0.9', ANSWER_THRESHOLD: '0.5' }, 'CLARIFY_THRESHOLD'],
  ])('rejects %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });
});
