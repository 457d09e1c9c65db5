import { describe, expect, it } from 'vitest';
import { createEmergencyDetector } from '../../services/emergency.js';
import { LANGS, type Lang } from '../../services/languages.js';
import { makeEntry } from '../fixtures/entries.js';

const triggers = (byLang: Partial<Record<Lang, string[]>>) =>
  Object.fromEntries(LANGS.map((lang) => [lang, byLang[lang] ?? ['placeholder-trigger']])) as Record<Lang, string[]>;

const detect = createEmergencyDetector([
  makeEntry('ambulance', {}, { emergency: { kind: 'ambulance', triggers: triggers({ en: ['ambulance', 'heart attack'], ar: ['إسعاف'], zh: ['救护车'], es: ['hemorragia'] }) } }),
  makeEntry('fire', {}, { emergency: { kind: 'fire', triggers: triggers({ es: ['llamas'], ja: ['火事'] }) } }),
  makeEntry('ordinary'),
]);

describe('emergency detection', () => {
  it.each([
    ['I need an AMBULANCE!', 'ambulance'],
    ['my father is having a heart attack', 'ambulance'],
    ['أحتاج إلى سيارة الإسعاف', 'ambulance'],
    ['快叫救护车', 'ambulance'],
    ['tiene una hemorragía', 'ambulance'],
    ['¡Hay llamas en la cocina!', 'fire'],
    ['隣の家が火事です', 'fire'],
  ])('%s is an emergency of kind %s', (text, kind) => {
    expect(detect(text)?.kind).toBe(kind);
  });

  it.each(['¿Puedo llamar al 12345?', 'heart of Beijing attack plan', 'ambulances-free zone rules', 'how do I renew my visa'])(
    '%s is not an emergency',
    (text) => {
      expect(detect(text)).toBeUndefined();
    },
  );
});
