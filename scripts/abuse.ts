/**
 * `npm run abuse`: the abuse review's measurements (#11) against the compiled server (`npm start`'s dist/server.js).
 * - The memory flood, in three set-ups, with the server's memory along the way and a resident's answer times.
 * - Staff logins: failed-login time for known and unknown names, a concurrent burst, static files during a burst.
 *   --smoke      fewer posts, for CI
 *   --posts N    posts in each flood (default 2856, the review's)
 *   --part P     only the `flood` or only the `logins`
 */
import { parseArgs } from 'node:util';
import { flood, percentile, type FloodOptions } from './abuse/flood.js';
import { measureLogins } from './abuse/logins.js';
import { startServer } from './bench/server.js';
import { hashPassword } from '../services/staff/passwords.js';

const { values: args } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, posts: { type: 'string' }, part: { type: 'string' } } });
if (args.part && !['flood', 'logins'].includes(args.part)) throw new Error('--part takes flood or logins');

interface Setup {
  name: string;
  limits: 'lifted' | 'default';
  flood: Pick<FloodOptions, 'payloadIn' | 'questionEveryMs'>;
}

const SETUPS: Setup[] = [
  { name: 'review pattern: 60 KiB channelData, limits lifted', limits: 'lifted', flood: { payloadIn: 'channelData', questionEveryMs: 100 } },
  { name: '60 KiB text (the biggest accepted), limits lifted', limits: 'lifted', flood: { payloadIn: 'text', questionEveryMs: 100 } },
  // The resident's own conversation is limited too (30 a minute), so it asks every 2.1 s.
  { name: '60 KiB text, default limits, one address (the resident\'s too)', limits: 'default', flood: { payloadIn: 'text', questionEveryMs: 2_100 } },
];

const posts = args.posts ? Number(args.posts) : args.smoke ? 600 : 2_856;

async function floodSection(): Promise<string[]> {
  const lines = [
    `Flood: ${posts} posts of 60 KiB over 160 Direct Line conversations, 8 at a time, while a resident asks "How do I renew my residence permit?"`,
    '',
    '| set-up | conversations opened | posts: 200 / 400 / 429 / other | RSS start → peak → end (MB) | RSS after each tenth of the posts (MB) | resident p50 / p95 / max (ms) | resident failures | s |',
    '|---|---:|---|---|---|---|---:|---:|',
  ];
  for (const setup of SETUPS) {
    const server = await startServer('dist/server.js', { DENSE_ENABLED: 'false' }, setup.limits);
    try {
      const startRss = server.rssMb();
      const rssNow = () => (server.child.exitCode === null ? server.rssMb() : 0);
      const result = await flood({
        origin: server.origin,
        conversations: 160,
        posts,
        payloadBytes: 60 * 1024,
        concurrency: 8,
        rssMb: rssNow,
        question: 'How do I renew my residence permit?',
        ...setup.flood,
      });
      const alive = server.child.exitCode === null;
      const { 200: ok = 0, 400: refused = 0, 429: limited = 0, ...rest } = result.statuses;
      const other = Object.values(rest).reduce((sum, n) => sum + n, 0);
      const ms = (value: number) => value.toFixed(0);
      lines.push(
        `| ${setup.name}${alive ? '' : ' — **server died**'} | ${result.conversationsOpened} | ${ok} / ${refused} / ${limited} / ${other} | ${startRss.toFixed(0)} → ${result.peakRssMb.toFixed(0)} → ${rssNow().toFixed(0)} | ${result.rssCurve.map((point) => point.rssMb.toFixed(0)).join(' ')} | ${ms(percentile(result.questionMs, 50))} / ${ms(percentile(result.questionMs, 95))} / ${ms(Math.max(0, ...result.questionMs))} | ${result.questionFailures} | ${(result.durationMs / 1000).toFixed(1)} |`,
      );
      process.stderr.write(`${setup.name}: done\n`);
    } finally {
      if (server.child.exitCode === null) await server.stop();
    }
  }
  return lines;
}

async function loginSection(): Promise<string[]> {
  const password = 'a long hotline passphrase';
  const server = await startServer('dist/server.js', {
    DENSE_ENABLED: 'false',
    STAFF_ACCOUNTS: `operator=${await hashPassword(password)}`,
    TRUST_PROXY_HOPS: '1',
    STAFF_LOGIN_MAX_FAILURES: '3',
  });
  try {
    const m = await measureLogins(server.origin, 'operator', password);
    return [
      'Staff logins (STAFF_LOGIN_MAX_FAILURES=3):',
      '',
      '| measure | value |',
      '|---|---:|',
      `| failed login, configured name (median of 10) | ${m.knownNameMs.toFixed(0)} ms |`,
      `| failed login, made-up name (median of 10) | ${m.unknownNameMs.toFixed(0)} ms |`,
      `| ${m.burst} concurrent wrong passwords for one name: passwords checked | ${m.burstChecked} |`,
      `| the right password right after that burst | ${m.rightPasswordAfterBurst} |`,
      `| /widget.js alone | ${m.widgetAloneMs.toFixed(0)} ms |`,
      `| /widget.js during ${m.flood} concurrent wrong logins for the name, from ${m.flood} addresses | ${m.widgetDuringFloodMs.toFixed(0)} ms |`,
    ];
  } finally {
    await server.stop();
  }
}

const sections = [...(args.part === 'logins' ? [] : [await floodSection()]), ...(args.part === 'flood' ? [] : [await loginSection()])];
console.log(sections.map((lines) => lines.join('\n')).join('\n\n'));
