/**
 * The real Redis and PostgreSQL the integration tests run against, named by TEST_REDIS_URL and TEST_DATABASE_URL.
 * Each test gets a key prefix or a schema no other run uses, and deletes it afterwards.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

const HOW_TO_START = `The integration tests need a real Redis and PostgreSQL. On Debian, as root (.ci/run does the same):
  apt-get update && apt-get install -y redis-server postgresql
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379
  pg_ctlcluster 15 main start
  runuser -u postgres -- psql -c "CREATE ROLE bja_test LOGIN PASSWORD 'bja_test'" -c "CREATE DATABASE bja_test OWNER bja_test"
  export TEST_REDIS_URL=redis://127.0.0.1:6379
  export TEST_DATABASE_URL=postgres://bja_test:bja_test@127.0.0.1:5432/bja_test`;

function serverUrl(variable: 'TEST_REDIS_URL' | 'TEST_DATABASE_URL'): string {
  const url = process.env[variable];
  if (!url) throw new Error(`${variable} is not set.\n${HOW_TO_START}`);
  return url;
}

function unreachable(variable: string, error: unknown): Error {
  return new Error(`Could not reach the server at ${variable}: ${(error as Error).message}\n${HOW_TO_START}`, { cause: error });
}

const uniqueName = () => `t${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;

export interface ScratchRedis {
  url: string;
  /** Every key this test writes starts with it. */
  prefix: string;
  /** A new connection, closed by `cleanUp`: one per simulated instance. */
  connect(): Redis;
  /** Deletes every key under the prefix and closes the connections. */
  cleanUp(): Promise<void>;
}

export async function scratchRedis(): Promise<ScratchRedis> {
  const url = serverUrl('TEST_REDIS_URL');
  const prefix = `bja-test:${uniqueName()}:`;
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(url, { maxRetriesPerRequest: 1 });
    connections.push(redis);
    return redis;
  };
  const admin = connect();
  await admin.ping().catch((error: unknown) => {
    admin.disconnect();
    throw unreachable('TEST_REDIS_URL', error);
  });
  return {
    url,
    prefix,
    connect,
    cleanUp: async () => {
      let cursor = '0';
      do {
        const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await admin.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await Promise.all(connections.map((redis) => redis.quit()));
    },
  };
}

export interface ScratchSchema {
  /** TEST_DATABASE_URL with this schema as every connection's search_path. */
  url: string;
  query<Row extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Drops the schema and everything in it. */
  cleanUp(): Promise<void>;
}

export async function scratchSchema(): Promise<ScratchSchema> {
  const base = serverUrl('TEST_DATABASE_URL');
  const schema = `bja_test_${uniqueName()}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (error) {
    throw unreachable('TEST_DATABASE_URL', error);
  }
  await admin.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    query: async <Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await admin.query<Row>(sql, params)).rows,
    cleanUp: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
