import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { Redis } from 'ioredis';
import type { StatsCache } from '@questline/domain/social/server/stats-cache';
import { afterAll } from 'vitest';
import { createRedisStatsCache } from '../redis/stats-cache.ts';
import { connectRedis } from '../redis.ts';

// Real Redis for the tests of the Redis-backed paths: REDIS_URL when set, else a Redis answering
// on 127.0.0.1:6379, else a `redis-server` the tests start on a free port. Plus the two failures
// the fallbacks must survive: a Redis that stops, and one that accepts connections and never
// answers.

export interface TestRedis {
  readonly url: string;
  /** Where it came from, for the test log. */
  readonly source: string;
  stop(): Promise<void>;
}

export type TestRedisLookup =
  { readonly redis: TestRedis } | { readonly redis: null; readonly reason: string };

/** True when something at `url` answers PING within `timeoutMs`. */
export async function answersPing(url: string, timeoutMs = 500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket: Socket = createConnection({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    // A password-protected Redis answers -NOAUTH: it is there, and the URL must carry the password.
    socket.once('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
  });
}

export const hasRedisServerBinary = (): boolean => !spawnSync('redis-server', ['--version']).error;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** A private, throwaway `redis-server` (no persistence) on a free loopback port. */
export async function startRedisServer(): Promise<TestRedis & { readonly process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--loglevel',
      'warning',
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let waited = 0; !(await answersPing(url, 200)); waited += 50) {
    if (waited > 5_000 || child.exitCode !== null) throw new Error(`redis-server did not start on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    source: `redis-server started on port ${port}`,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The Redis these tests use, or why there is none (then the tests skip and say so). */
export async function findTestRedis(): Promise<TestRedisLookup> {
  const configured = process.env.REDIS_URL;
  if (configured) {
    if (await answersPing(configured)) {
      return { redis: { url: configured, source: 'REDIS_URL', stop: async () => undefined } };
    }
    return { redis: null, reason: `REDIS_URL (${new URL(configured).host}) does not answer` };
  }
  const local = 'redis://127.0.0.1:6379';
  if (await answersPing(local)) return { redis: { url: local, source: local, stop: async () => undefined } };
  if (hasRedisServerBinary()) return { redis: await startRedisServer() };
  return {
    redis: null,
    reason: 'no REDIS_URL, nothing answers on 127.0.0.1:6379 and there is no redis-server binary',
  };
}

/**
 * A client with the production settings (fail fast) whose keys all live under a prefix of this
 * test file's own, so files sharing one Redis — and their databases' overlapping ids — never meet.
 */
export async function connectTestRedis(
  url: string,
  keyPrefix = `test:${randomBytes(4).toString('hex')}:`,
): Promise<Redis> {
  const handle = connectRedis(url, () => undefined);
  const client = handle.client.duplicate({ keyPrefix });
  handle.client.disconnect();
  client.on('error', () => undefined);
  await waitUntilReady(client);
  return client;
}

/** Without an offline queue, commands sent before the connection is ready fail: wait for it. */
export async function waitUntilReady(client: Redis, timeoutMs = 5_000): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis not ready after ${timeoutMs} ms`)), timeoutMs);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Deletes everything under the client's key prefix, then disconnects. */
export async function dropTestRedis(client: Redis): Promise<void> {
  const prefix = client.options.keyPrefix ?? '';
  if (prefix && client.status === 'ready') {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      // SCAN returns full key names; the client would prefix them again.
      if (keys.length) await client.del(...keys.map((key) => key.slice(prefix.length)));
    } while (cursor !== '0');
  }
  client.disconnect();
}

/** A TCP server on loopback that accepts connections and never answers: a hung Redis. */
export async function startHungServer(): Promise<{ readonly url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `redis://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * The production Redis stats cache for one test file, on a key prefix of its own; `cache` is null
 * when no Redis can be found (the tests that need it skip and say why).
 */
export async function useRedisStatsCache(): Promise<{ cache: StatsCache | null; reason: string }> {
  const lookup = await findTestRedis();
  if (!lookup.redis) return { cache: null, reason: lookup.reason };
  const { redis } = lookup;
  const client = await connectTestRedis(redis.url);
  afterAll(async () => {
    await dropTestRedis(client);
    await redis.stop();
  });
  return { cache: createRedisStatsCache(client), reason: '' };
}
