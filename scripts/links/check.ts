import type { Entry } from '../../services/knowledge/schema.js';

/** One cited URL, with the entries citing it and the key figures they rely on it for. */
export interface CitedUrl {
  url: string;
  entryIds: string[];
  /** Digit strings the page should still contain: the figures and phone numbers its citations say it states. */
  keyFigures: string[];
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Every cited URL once, with what each citation says the page states. */
export function citedUrls(entries: readonly Entry[]): CitedUrl[] {
  const byUrl = new Map<string, CitedUrl>();
  for (const entry of entries) {
    for (const source of entry.sources) {
      const cited = byUrl.get(source.url) ?? { url: source.url, entryIds: [], keyFigures: [] };
      if (!cited.entryIds.includes(entry.id)) cited.entryIds.push(entry.id);
      const figures = [
        ...(source.figures ?? []).map(digitsOf),
        ...(source.states?.includes('phones') ? (entry.facts.phones ?? []).map((phone) => digitsOf(phone.number)) : []),
      ].filter((digits) => digits.length > 0);
      for (const figure of figures) if (!cited.keyFigures.includes(figure)) cited.keyFigures.push(figure);
      byUrl.set(source.url, cited);
    }
  }
  return [...byUrl.values()];
}

/** A page's text without markup, scripts or styles, entities decoded enough to find digits and words. */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/\s+/g, ' ');
}

/**
 * Whether a page still states a figure: the digits as a number of their own ("240" not inside "12400"), allowing
 * the spaces, hyphens and brackets phone numbers are written with ("010-6915 6699"). A phone number cited without
 * its area code ("69156699") also matches a page that gives one.
 */
export function statesFigure(text: string, digits: string): boolean {
  const separated = digits.split('').join('[\\s\\-()]*');
  return new RegExp(`(?<!\\d)${separated}(?!\\d)`).test(text) || (digits.length >= 7 && new RegExp(`${separated}(?!\\d)`).test(text));
}

/** Errors that mean no network at all (rather than one site down): DNS failure, refused or unreachable. */
const NO_NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

export function isNoNetworkError(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return Boolean(cause?.code && NO_NETWORK_CODES.has(cause.code)) || (error as Error)?.name === 'TimeoutError';
}
