import type { RequestHandler } from 'express';
import { z } from 'zod';
import { keptUserText } from '../../services/text.js';

/** How deeply nested a JSON body may be; parsing is already bounded by size, this bounds the work on it. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    if (node && typeof node === 'object') for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function limitJsonDepth(maxDepth: number): RequestHandler {
  return (req, res, next) => {
    if (depthOf(req.body, maxDepth) > maxDepth) {
      res.status(400).json({ error: { code: 'TooDeep', message: `JSON nested deeper than ${maxDepth} levels is refused.` } });
      return;
    }
    next();
  };
}

const account = z.object({ id: z.string().min(1).max(256) }).passthrough();

/** The parts of an activity the bot relies on; anything else is passed through untouched. */
export const IncomingActivity = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(256).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url().max(2048),
    conversation: account,
    from: account,
    recipient: account,
    text: z.string().optional(),
    locale: z.string().max(64).optional(),
    deliveryMode: z.enum(['normal', 'expectReplies', 'notification']).optional(),
  })
  .passthrough();

/**
 * What a client's `channelData` or `value` may weigh. Web Chat sends a client activity id and a timestamp there,
 * and the widget's buttons an action of a few fields: far below this. Anything bigger would only fill memory.
 */
const CLIENT_EXTRA_MAX_BYTES = 1024;
const small = <T extends z.ZodType>(schema: T) =>
  schema.refine((value) => Buffer.byteLength(JSON.stringify(value) ?? '') <= CLIENT_EXTRA_MAX_BYTES, {
    message: `must be at most ${CLIENT_EXTRA_MAX_BYTES} bytes of JSON`,
  });

/**
 * What a Direct Line client may post. Only these fields reach the channel (others are dropped); the channel sets
 * ids, addresses and timestamps itself. Files are not accepted: the assistant answers text. Of a text longer than
 * the assistant reads (`maxMessageChars`), only what it reads is kept (see `keptUserText`).
 */
export const directLineUserActivity = (maxMessageChars: number) => z.object({
  type: z.enum(['message', 'typing', 'event']),
  name: z.string().max(128).optional(),
  text: z.string().transform((text) => keptUserText(text, maxMessageChars)).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().max(64).optional(),
  from: z.object({ id: z.string().min(1).max(256), name: z.string().max(256).optional() }).optional(),
  channelData: small(z.record(z.string(), z.unknown())).optional(),
  value: small(z.unknown()).optional(),
  attachments: z.array(z.unknown()).max(0, { message: 'files are not accepted' }).optional(),
});

/** Answers a malformed body with a 400 naming the field; a valid one is replaced by what the schema keeps of it. */
export function validateBody(schema: z.ZodType): RequestHandler {
  return (req, res, next) => {
    const result = schema.safeParse(req.body);
    if (!result.success) {
      const issue = result.error.issues[0];
      res.status(400).json({ error: { code: 'BadArgument', message: `${issue.path.join('.') || 'body'}: ${issue.message}` } });
      return;
    }
    req.body = result.data;
    next();
  };
}
