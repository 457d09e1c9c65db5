import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../services/logger.js';
import { hashPassword } from '../../services/staff/passwords.js';
import { send, startApp } from './harness.js';

/** Collects what the logger writes, one JSON object a line. */
function logSink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

const SECRET_QUESTION = 'My passport E12345678 expired, what now in Chaoyang';

describe('logs', () => {
  it('carry a correlation id per request and never the message text at info level', async () => {
    const sink = logSink();
    const app = await startApp({}, createLogger('info', sink.stream));
    try {
      const response = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'probe-request-0001' } });
      expect(response.headers.get('x-request-id')).toBe('probe-request-0001');
      await send(app, { text: SECRET_QUESTION });
      const all = sink.lines.join('\n');
      expect(all).not.toContain('E12345678');
      expect(all).not.toContain('expired, what now');
      const requests = sink.lines.map((line) => JSON.parse(line) as { msg: string; requestId?: string; route?: string }).filter((l) => l.msg === 'request');
      expect(requests).toContainEqual(expect.objectContaining({ requestId: 'probe-request-0001', route: '/healthz' }));
      expect(requests.some((l) => l.route === '/api/messages' && l.requestId)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('include the message text only at debug level', async () => {
    const sink = logSink();
    const app = await startApp({}, createLogger('debug', sink.stream));
    try {
      await send(app, { text: SECRET_QUESTION });
      expect(sink.lines.join('\n')).toContain('expired, what now');
    } finally {
      await app.close();
    }
  });

  it('never hold a user name at info level: not the one typed into a failed staff login (it may be a password in the wrong field), nor the one that logged in', async () => {
    const sink = logSink();
    const app = await startApp({ STAFF_ACCOUNTS: `operator=${await hashPassword('a long hotline passphrase')}` }, createLogger('info', sink.stream));
    try {
      for (const username of ['operator', 'MySecretPassw0rd']) {
        const response = await fetch(`${app.url}/staff/api/login`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'wrong' }),
        });
        expect(response.status).toBe(401);
      }
      const loggedIn = await fetch(`${app.url}/staff/api/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: 'a long hotline passphrase' }),
      });
      expect(loggedIn.status).toBe(200);
      const failures = sink.lines.map((line) => JSON.parse(line) as { msg: string; knownUser?: boolean }).filter((l) => l.msg === 'staff login failed');
      expect(failures.map((l) => l.knownUser)).toEqual([true, false]);
      expect(sink.lines.some((line) => line.includes('"staff login"'))).toBe(true);
      expect(sink.lines.join('\n')).not.toContain('MySecretPassw0rd');
      expect(sink.lines.join('\n')).not.toContain('operator');
    } finally {
      await app.close();
    }
  });
});
