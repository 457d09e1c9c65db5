import { describe, expect, it } from 'vitest';
import { createEmergencyDetector } from '../../services/emergency.js';
import { LANGS, type Lang } from '../../services/languages.js';
import { makeEntry } from '../fixtures/entries.js';

const triggers = (byLang: Partial<Record<Lang, string[]>>) =>
  Object.fromEntries(LANGS.map((lang) => [lang, byLang[lang] ?? ['placeholder-trigger']])) as Record<Lang, string[]>;

const examples = triggers({});
Object.keys(examples).forEach((lang) => (examples[lang as Lang] = [1, 2, 3, 4, 5].map((n) => `example ${n}`)));

const detect = createEmergencyDetector([
  makeEntry('ambulance', {}, { emergency: { kind: 'ambulance', triggers: triggers({ en: ['ambulance', 'heart attack', "won't wake + breath*"], ar: ['إسعاف'], zh: ['救护车'], es: ['hemorragia'], ru: ['задыха*'] }), examples } }),
  makeEntry('fire', {}, { emergency: { kind: 'fire', triggers: triggers({ es: ['llamas'], ja: ['火事'], en: ['smoke + door'] }), examples } }),
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
    ["my friend drank too much and won't wake up, his breathing is weak", 'ambulance'],
    ["black smoke is coming from under my neighbour's door", 'fire'],
    ['мама задыхается, что делать', 'ambulance'],
  ])('%s is an emergency of kind %s', (text, kind) => {
    expect(detect(text)?.kind).toBe(kind);
  });

  it.each(['¿Puedo llamar al 12345?', 'heart of Beijing attack plan', 'ambulances-free zone rules', 'how do I renew my visa', 'is the hotel smoke-free?', 'which door of the hospital is open at night'])(
    '%s is not an emergency',
    (text) => {
      expect(detect(text)).toBeUndefined();
    },
  );
});
