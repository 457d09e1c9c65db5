/**
 * The memory flood from the abuse review (#11), from outside a running server: many Direct Line conversations,
 * each posted big activities as fast as the server takes them, while one resident keeps asking a real question.
 * Records the server's resident memory along the way and how long the resident waited for each answer.
 */

export interface FloodOptions {
  origin: string;
  conversations: number;
  posts: number;
  /** Size of each posted activity's payload, in bytes. */
  payloadBytes: number;
  /**
   * Where the payload goes: `channelData`, as the review sent it (the server now refuses more than 1 KiB there), or
   * `text`, the biggest payload the server still accepts and stores.
   */
  payloadIn: 'channelData' | 'text';
  concurrency: number;
  /** The server process's resident memory now, in MB. */
  rssMb: () => number;
  question: string;
  /** The resident's pause between questions. */
  questionEveryMs: number;
}

export interface FloodResult {
  /** Responses by HTTP status (0: the connection failed). */
  statuses: Record<number, number>;
  /** Conversations the flood could open (the per-address limits may refuse some). */
  conversationsOpened: number;
  /** RSS when the flood began (the conversations open, no post sent yet). */
  startRssMb: number;
  /** RSS after every `posts / 10` posts, and at the end. */
  rssCurve: { posts: number; rssMb: number }[];
  peakRssMb: number;
  /** How long each of the resident's questions took to be answered, in ms. */
  questionMs: number[];
  questionFailures: number;
  durationMs: number;
}

interface Conversation {
  id: string;
  token: string;
}

async function openConversation(origin: string): Promise<Conversation | undefined> {
  const generated = await fetch(`${origin}/v3/directline/tokens/generate`, { method: 'POST' });
  if (!generated.ok) return undefined;
  const { token } = (await generated.json()) as { token: string };
  const started = await fetch(`${origin}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (!started.ok) return undefined;
  const body = (await started.json()) as { conversationId: string; token: string };
  return { id: body.conversationId, token: body.token };
}

function post(origin: string, conversation: Conversation, activity: Record<string, unknown>): Promise<Response> {
  return fetch(`${origin}/v3/directline/conversations/${conversation.id}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation.token}` },
    body: JSON.stringify(activity),
  });
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export async function flood(options: FloodOptions): Promise<FloodResult> {
  const { origin, posts, payloadBytes, payloadIn, concurrency } = options;
  // A server that ran out of memory has no /proc entry any more: its memory reads as 0, and the table says it died.
  const rssMb = () => {
    try {
      return options.rssMb();
    } catch {
      return 0;
    }
  };
  const started = performance.now();
  const conversations: Conversation[] = [];
  const statuses: Record<number, number> = {};
  const count = (status: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  // The resident came first; past the per-address limits, the flood gets fewer conversations than it asked for.
  const resident = await openConversation(origin);
  for (let i = 0; i < options.conversations; i++) {
    const conversation = await openConversation(origin);
    if (conversation) conversations.push(conversation);
  }
  if (!resident || conversations.length === 0) throw new Error('the flood could not open its conversations');

  const payload = 'flood '.repeat(Math.ceil(payloadBytes / 6)).slice(0, payloadBytes);
  const activity = payloadIn === 'text' ? { type: 'message', text: payload } : { type: 'message', text: 'hello', channelData: { filler: payload } };
  const rssCurve: FloodResult['rssCurve'] = [];
  const startRssMb = rssMb();
  let peakRssMb = startRssMb;
  let sent = 0;
  let done = 0;
  const curveStep = Math.max(1, Math.floor(posts / 10));

  const poster = async () => {
    while (sent < posts) {
      const conversation = conversations[sent % conversations.length];
      sent += 1;
      try {
        const response = await post(origin, conversation, activity);
        count(response.status);
        await response.arrayBuffer();
      } catch {
        count(0);
      }
      done += 1;
      if (done % curveStep === 0) rssCurve.push({ posts: done, rssMb: rssMb() });
    }
  };
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, rssMb());
  }, 50);

  const questionMs: number[] = [];
  let questionFailures = 0;
  let flooding = true;
  const askRepeatedly = async () => {
    while (flooding) {
      const asked = performance.now();
      try {
        const response = await post(origin, resident, { type: 'message', text: options.question });
        await response.arrayBuffer();
        if (response.ok) questionMs.push(performance.now() - asked);
        else questionFailures += 1;
      } catch {
        questionFailures += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, options.questionEveryMs));
    }
  };

  const asking = askRepeatedly();
  await Promise.all(Array.from({ length: concurrency }, poster));
  flooding = false;
  await asking;
  clearInterval(sampler);
  const endRss = rssMb();
  if (rssCurve.at(-1)?.posts !== done) rssCurve.push({ posts: done, rssMb: endRss });
  return { statuses, conversationsOpened: conversations.length, startRssMb, rssCurve, peakRssMb: Math.max(peakRssMb, endRss), questionMs, questionFailures, durationMs: performance.now() - started };
}
