import { describe, expect, it } from 'vitest';
import { answerCard } from '../../services/answerCard.js';
import { checkKnowledgeBase } from '../../services/knowledge/check.js';
import { figuresIn, phoneNumbersIn, sourcesOfFact, untracedFacts, untracedFigures } from '../../services/knowledge/provenance.js';
import { makeEntry } from '../fixtures/entries.js';
import { createLocalizer } from '../../services/i18n.js';

const OFFICIAL = 'https://english.beijing.gov.cn/guide';
const HOSPITAL = 'https://www.hospital.example/en';

describe('per-fact provenance', () => {
  const entry = makeEntry('pumch', { en: { answer: 'Book 7 days ahead; the fee is 1,000 yuan.' }, de: { answer: 'Termin 7 Tage vorher; Gebühr 1.000 Yuan.' } }, {
    facts: {
      address: { en: '1 Shuaifuyuan', zh: '帅府园1号' },
      phones: [{ number: '010-69156699', kind: 'booking' }],
      hours: 'Mon–Fri 8:00–17:00',
      website: 'https://www.hospital.example/',
    },
    sources: [
      { url: OFFICIAL, retrieved: '2026-12-06', states: ['phones'], figures: ['7'] },
      { url: HOSPITAL, retrieved: '2026-12-06', states: ['address'] },
    ],
  });

  it('names each fact whose source is missing, and traces a website through a source published on it', () => {
    expect(untracedFacts(entry)).toEqual(['hours']);
    expect(sourcesOfFact(entry, 'website').map((s) => s.url)).toEqual([HOSPITAL]);
    expect(sourcesOfFact(entry, 'phones').map((s) => s.url)).toEqual([OFFICIAL]);
  });

  it('reads figures alike in every language, and leaves out dates, list numbers, codes and phone numbers', () => {
    expect(figuresIn('1,000 yuan, 1.000 Yuan, 1 000 ₽, ١٠٠٠ يوان, ３ days, 3,5 km, at 8:30')).toEqual(['1000', '1000', '1000', '1000', '3', '3.5', '8:30']);
    expect(untracedFigures(entry)).toEqual(['1000']);
    const listy = makeEntry('listy', { en: { answer: '1. Apply for an X1 visa at T3 on 2026-01-01.\n2) Call 010-69156699.' } }, { facts: { phones: [{ number: '010-69156699', kind: 'general' }] } });
    expect(untracedFigures(listy)).toEqual([]);
    // An amount grouped in thousands is a figure, not the ambulance number 120; COVID-19 is a name.
    expect(phoneNumbersIn('about 120,000 patients a year, or call 120')).toEqual(['120']);
    expect(phoneNumbersIn('50 000 dollars par an, ou le 400 810 5119')).toEqual(['4008105119']);
    expect(figuresIn('COVID-19 rules')).toEqual([]);
  });

  it('counts figures carried by a traced address or hours as traced', () => {
    const withHours = makeEntry('hours', { en: { answer: 'Open from 8:00, at No. 1.' } }, { facts: entry.facts });
    expect(untracedFigures(withHours)).toEqual([]);
  });

  it('is enforced by kb:check, for facts and for figures', () => {
    const messages = checkKnowledgeBase([entry], '2026-12-06').map((finding) => finding.message);
    expect(messages).toContainEqual(expect.stringMatching(/^hours is set, but no source/));
    expect(messages).toContainEqual(expect.stringMatching(/figures .*: 1000$/));
    const traced = makeEntry('traced', {}, { facts: { hours: '9:00–17:00' }, sources: [{ url: OFFICIAL, retrieved: '2026-12-06', states: ['hours'] }] });
    expect(checkKnowledgeBase([traced], '2026-12-06')).toEqual([]);
  });

  it('puts the stating source beside each fact of an answer card, for the staff console', () => {
    const card = answerCard(entry, 'en', createLocalizer('locales'));
    const phone = card.facts.find((fact) => fact.kind === 'phone');
    const hours = card.facts.find((fact) => fact.kind === 'hours');
    expect(phone?.sources.map((s) => s.url)).toEqual([OFFICIAL]);
    expect(hours?.sources).toEqual([]);
  });
});
