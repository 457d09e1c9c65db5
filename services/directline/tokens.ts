import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  /** The one conversation this token may read and write. */
  conversationId: string;
  userId: string;
  /** The language the page was opened in, so the bot's welcome uses it. */
  locale?: string;
  /** Expiry, seconds since the epoch. */
  expires: number;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

const toBase64Url = (buffer: Buffer) => buffer.toString('base64url');

/**
 * Signed, expiring Direct Line tokens scoped to one conversation: `<claims>.<HMAC-SHA256>`, both base64url.
 * A token for one conversation cannot read another's activities, and a forged or expired one is refused.
 */
export class TokenSigner {
  private readonly secret: Buffer;

  constructor(
    secret: string | undefined,
    private readonly ttlSeconds: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    // Without a configured secret, tokens live as long as the process: fine for one instance, not for several.
    this.secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  issue(conversationId: string, userId: string, locale?: string): IssuedToken {
    const claims: TokenClaims = { conversationId, userId, locale, expires: Math.floor(this.now() / 1000) + this.ttlSeconds };
    const payload = toBase64Url(Buffer.from(JSON.stringify(claims)));
    return { token: `${payload}.${this.sign(payload)}`, expiresIn: this.ttlSeconds };
  }

  verify(token: string | undefined): TokenClaims | undefined {
    const [payload, signature, extra] = (token ?? '').split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
      if (typeof claims.conversationId !== 'string' || typeof claims.expires !== 'number') return undefined;
      return claims.expires * 1000 > this.now() ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(payload: string): string {
    return toBase64Url(createHmac('sha256', this.secret).update(payload).digest());
  }
}
