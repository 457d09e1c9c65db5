/** Questions the measurements cycle through: all 9 languages, an emergency and an out-of-scope question. */
export const MIXED_QUESTIONS = [
  'How do I book an appointment at PUMCH?', '居留许可怎么续签?', 'Où faire renouveler mon titre de séjour ?',
  '¿Dónde está el centro de servicios del gobierno municipal?', 'Какой номер у горячей линии 12367?',
  'هل توجد مدرسة فرنسية في بكين؟', 'Gibt es eine deutsche Schule in Peking?', '北京に日本人学校はありますか?',
  '외국인 거류허가 신청 방법', 'I need an ambulance', 'What is the weather like tomorrow?',
];

/** A closed-loop load generator: `concurrency` conversations each post a question, wait for the reply, repeat. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function activity(text: string, conversationId: string, serial: number) {
  return JSON.stringify({
    type: 'message', id: `bench-${serial}`, text, channelId: 'bench', serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies', from: { id: `user-${conversationId}` }, recipient: { id: 'bot' },
    conversation: { id: conversationId }, locale: 'en-US',
  });
}

export async function runLoad(endpoint: string, questions: readonly string[], concurrency: number, seconds: number): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let serial = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const text = questions[serial % questions.length];
        serial += 1;
        const sent = performance.now();
        try {
          const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity(text, `c${worker}`, serial) });
          await response.arrayBuffer();
          if (response.status !== 200) errors += 1;
          else latenciesMs.push(performance.now() - sent);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { requests: latenciesMs.length + errors, errors, seconds: (performance.now() - started) / 1000, latenciesMs: latenciesMs.sort((a, b) => a - b) };
}
