import { describe, expect, it } from 'vitest';
import { factHref, sourceHref } from '../../web/widget/links.js';

describe('links in answers', () => {
  it('lets key facts link to the web, a phone or an e-mail address', () => {
    expect(factHref('https://www.beijing.gov.cn/')).toBe('https://www.beijing.gov.cn/');
    expect(factHref('http://example.org/a?b=c')).toBe('http://example.org/a?b=c');
    expect(factHref('tel:+861012345')).toBe('tel:+861012345');
    expect(factHref('mailto:info@example.org')).toBe('mailto:info@example.org');
  });

  it('lets sources link to web pages only', () => {
    expect(sourceHref('https://www.beijing.gov.cn/')).toBe('https://www.beijing.gov.cn/');
    expect(sourceHref('tel:+861012345')).toBeUndefined();
    expect(sourceHref('mailto:info@example.org')).toBeUndefined();
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/path',
    '/relative/path',
    '',
  ])('refuses %j', (href) => {
    expect(factHref(href)).toBeUndefined();
    expect(sourceHref(href)).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    expect(factHref(undefined)).toBeUndefined();
    expect(sourceHref({ toString: () => 'https://example.org' })).toBeUndefined();
  });
});
