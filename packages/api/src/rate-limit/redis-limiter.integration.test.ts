import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { connectRedis } from '../redis.ts';
import {
  connectTestRedis,
  dropTestRedis,
  findTestRedis,
  startHungServer,
  waitUntilReady,
} from '../testing/redis.ts';
import { createInProcessRateLimiter } from './in-process-limiter.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { createRedisRateLimiter } from './redis-limiter.ts';

const lookup = await findTestRedis();
if (!lookup.redis) console.warn(`[skip] Redis rate limiter tests: ${lookup.reason}`);

const rule = { limit: 5, windowMs: 60_000 };
const now = new Date();
let client: Redis | undefined;

beforeAll(async () => {
  if (lookup.redis) client = await connectTestRedis(lookup.redis.url);
});
afterAll(async () => {
  if (client) await dropTestRedis(client);
  await lookup.redis?.stop();
});

/** A fallback that records that it was asked. */
function recordingFallback(): RateLimiter & { hits: number } {
  const inner = createInProcessRateLimiter();
  const fallback = {
    hits: 0,
    hit: (...args: Parameters<RateLimiter['hit']>) => {
      fallback.hits += 1;
      return inner.hit(...args);
    },
  };
  return fallback;
}

describe.skipIf(!lookup.redis)('the Redis rate limiter', () => {
  it('lets exactly `limit` of 20 concurrent hits through, counted across two API processes', async () => {
    if (!client) throw new Error('no redis');
    const fallback = recordingFallback();
    const secondProcess = client.duplicate(); // same key prefix, its own connection
    secondProcess.on('error', () => undefined);
    await waitUntilReady(secondProcess);
    onTestFinished(() => secondProcess.disconnect());
    const processes = [
      createRedisRateLimiter(client, fallback),
      createRedisRateLimiter(secondProcess, fallback),
    ];
    const decisions = await Promise.all(
      Array.from({ length: 20 }, (_, i) => processes[i % 2]?.hit('sign-in:203.0.113.1', rule, now)),
    );
    expect(decisions.filter((decision) => decision?.allowed)).toHaveLength(rule.limit);
    expect(fallback.hits).toBe(0);
    for (const decision of decisions) {
      expect(decision?.retryAfterMs).toBeGreaterThan(0);
      expect(decision?.retryAfterMs).toBeLessThanOrEqual(rule.windowMs);
    }
  });

  it('keeps each key only as long as its window', async () => {
    if (!client) throw new Error('no redis');
    await createRedisRateLimiter(client, recordingFallback()).hit('sign-up:198.51.100.1', rule, now);
    const ttl = await client.pttl('ratelimit:sign-up:198.51.100.1');
    expect(ttl).toBeGreaterThan(rule.windowMs - 5_000);
    expect(ttl).toBeLessThanOrEqual(rule.windowMs);
  });

  it('counts keys apart', async () => {
    if (!client) throw new Error('no redis');
    const limiter = createRedisRateLimiter(client, recordingFallback());
    for (let i = 0; i < rule.limit + 1; i += 1) await limiter.hit('sign-in:192.0.2.1', rule, now);
    expect((await limiter.hit('sign-in:192.0.2.2', rule, now)).allowed).toBe(true);
  });
});

describe('without a working Redis', () => {
  it('falls back to counting in process when Redis refuses connections, still limiting', async () => {
    const unreachable = connectRedis('redis://127.0.0.1:1', () => undefined);
    try {
      const fallback = recordingFallback();
      const limiter = createRedisRateLimiter(unreachable.client, fallback);
      const decisions = [];
      for (let i = 0; i < rule.limit + 1; i += 1) decisions.push(await limiter.hit('sign-in:x', rule, now));
      expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, true, false]);
      expect(fallback.hits).toBe(rule.limit + 1);
    } finally {
      await unreachable.close();
    }
  });

  it('falls back when Redis hangs, within the command timeout', async () => {
    const hung = await startHungServer();
    const handle = connectRedis(hung.url, () => undefined);
    try {
      const fallback = recordingFallback();
      const started = Date.now();
      expect(
        (await createRedisRateLimiter(handle.client, fallback).hit('sign-in:y', rule, now)).allowed,
      ).toBe(true);
      expect(fallback.hits).toBe(1);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await handle.close();
      await hung.close();
    }
  });
});
