/**
 * Long synchronous work (building an index on a knowledge reload) written as a generator that yields between small
 * steps. `inSlices` gives the event loop back whenever a slice has run `SLICE_MS`, so a request that arrives
 * meanwhile waits about that long rather than for the whole build; `atOnce` runs the same steps straight through.
 */

/**
 * Well under the 50 ms a request may wait: a slice ends after the step that crosses it, and a request may also wait
 * for the one before it. Yielding this often costs no measurable CPU time on the lexical build.
 */
export const SLICE_MS = 5;

/** Lets the requests and timers that came in meanwhile run (setImmediate runs after the poll phase). */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function inSlices<T>(steps: Iterator<unknown, T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStarted = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStarted >= sliceMs) {
      await yieldToEventLoop();
      sliceStarted = performance.now();
    }
  }
}

export function atOnce<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
