const FACT_PROTOCOLS = ['http:', 'https:', 'tel:', 'mailto:'];
const SOURCE_PROTOCOLS = ['http:', 'https:'];

function hrefWithProtocol(href: unknown, protocols: readonly string[]): string | undefined {
  if (typeof href !== 'string') return undefined;
  try {
    const url = new URL(href);
    return protocols.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A key fact's link (web, phone or e-mail), or undefined for anything else, such as `javascript:`. */
export function factHref(href: unknown): string | undefined {
  return hrefWithProtocol(href, FACT_PROTOCOLS);
}

/** A source's link: web pages only. */
export function sourceHref(href: unknown): string | undefined {
  return hrefWithProtocol(href, SOURCE_PROTOCOLS);
}
