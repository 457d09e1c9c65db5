/** Runs a server script (the product, or the echo bot) as its own process, for measurements from outside. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface Server {
  child: ChildProcess;
  /** The bot endpoint, `http://127.0.0.1:<port>/api/messages`. */
  endpoint: string;
  origin: string;
  readyMs: number;
  /** What the process printed on stdout so far (its URLs). */
  output: () => string;
  /** Resolves to the first match of `pattern` in what the process prints on stdout, as soon as it is printed. */
  printed: (pattern: RegExp) => Promise<RegExpExecArray>;
  /** The process's peak resident memory so far (VmHWM), in MB. */
  peakRssMb: () => number;
  /** The process's resident memory now (VmRSS), in MB. */
  rssMb: () => number;
  /** Waits until /readyz says the dense path is on or off; resolves to the ms since the start, and the status. */
  denseSettled: () => Promise<{ ms: number; dense: { state: string; buildMs?: number; reason?: string } }>;
  stop: () => Promise<void>;
}

function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

/**
 * A load generator plays many very fast users from one address: these lift the per-address and per-conversation
 * limits for measurements, as if the load came from thousands of addresses.
 */
const LIMITS_LIFTED = {
  RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000000',
  RATE_LIMIT_IP_PER_MINUTE: '1000000',
  DIRECTLINE_TOKENS_PER_IP_PER_MINUTE: '1000000',
  DIRECTLINE_CONVERSATIONS_PER_IP: '1000000',
  DIRECTLINE_POLLS_PER_MINUTE: '1000000',
};

/**
 * Starts a server script and resolves once it printed its bot endpoint, which it does when it is ready. Compiled
 * JavaScript runs with plain node, as `npm start` runs dist/server.js. The per-user limits are lifted unless
 * `limits` is 'default'.
 */
export async function startServer(script: string, env: Record<string, string>, limits: 'lifted' | 'default' = 'lifted'): Promise<Server> {
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` (npm install does) first`);
  const started = performance.now();
  // The same heap cap as `npm start`: without one, V8 grows the heap under load long before it collects.
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, ['--max-old-space-size=512', ...loader, script], {
    env: { ...process.env, PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'warn', ...(limits === 'lifted' ? LIMITS_LIFTED : {}), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const printed = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return;
        child.stdout!.off('data', check);
        child.off('exit', exited);
        resolve(match);
      };
      const exited = (code: number | null) => reject(new Error(`${script} exited with ${code} before printing ${pattern}`));
      child.stdout!.on('data', check);
      child.once('exit', exited);
      check();
    });
  const endpoint = (await printed(/Bot endpoint:\s+(\S+)/))[1];
  return {
    child,
    endpoint,
    origin: new URL(endpoint).origin,
    readyMs: performance.now() - started,
    output: () => output,
    printed,
    peakRssMb: () => memoryMb(child.pid!, 'VmHWM'),
    rssMb: () => memoryMb(child.pid!, 'VmRSS'),
    denseSettled: async () => {
      for (;;) {
        const { dense } = (await (await fetch(`${new URL(endpoint).origin}/readyz`)).json()) as { dense: { state: string } };
        if (dense.state !== 'building') return { ms: performance.now() - started, dense };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
