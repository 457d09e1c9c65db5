import type { RequestHandler } from 'express';
import { z } from 'zod';

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

/** What a Direct Line client may post; the channel sets ids, addresses and timestamps itself. */
export const DirectLineUserActivity = z
  .object({
    type: z.enum(['message', 'typing', 'event']),
    text: z.string().optional(),
    locale: z.string().max(64).optional(),
    from: z.object({ id: z.string().min(1).max(256), name: z.string().max(256).optional() }).optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    value: z.unknown().optional(),
  })
  .passthrough();

/** Answers a malformed activity with a 400 naming the field, before the adapter sees it. */
export function validateBody(schema: z.ZodType): RequestHandler {
  return (req, res, next) => {
    const result = schema.safeParse(req.body);
    if (!result.success) {
      const issue = result.error.issues[0];
      res.status(400).json({ error: { code: 'BadArgument', message: `${issue.path.join('.') || 'body'}: ${issue.message}` } });
      return;
    }
    next();
  };
}
