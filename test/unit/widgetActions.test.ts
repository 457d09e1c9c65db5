import { describe, expect, it } from 'vitest';
import { messageForAction } from '../../web/widget/activity.js';

describe('a pressed button as a message', () => {
  it('sends a messageBack\'s value with its display text', () => {
    const value = { type: 'feedback', entryId: 'hotline-12345', rating: 'up' };
    expect(messageForAction({ type: 'messageBack', title: '👍 Helpful', text: '👍 Helpful', displayText: '👍 Helpful', value })).toEqual({
      text: '👍 Helpful',
      value,
    });
    expect(messageForAction({ type: 'messageBack', title: 'Français', value: { type: 'setLanguage', lang: 'fr' } })).toEqual({
      text: 'Français',
      value: { type: 'setLanguage', lang: 'fr' },
    });
  });

  it('sends an imBack\'s value as the text, with no value', () => {
    expect(messageForAction({ type: 'imBack', title: 'Renew a permit', value: 'How do I renew my residence permit?' })).toEqual({
      text: 'How do I renew my residence permit?',
    });
    expect(messageForAction({ type: 'imBack', title: 'Renew a permit' })).toEqual({ text: 'Renew a permit' });
  });
});
