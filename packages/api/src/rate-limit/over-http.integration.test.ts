import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type RedisHandle } from '../redis.ts';
import { connectTestRedis, dropTestRedis, findTestRedis } from '../testing/redis.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

// The limits through the real HTTP server: 429, a Retry-After header and the hint in the error
// body, with Redis counting, and with a Redis that cannot be reached (the in-process fallback).

const db = useTestDatabase();
const lookup = await findTestRedis();
if (!lookup.redis) console.warn(`[skip] rate limits over HTTP with Redis: ${lookup.reason}`);

const LIMITS = { SIGN_IN_RATE_LIMIT: '2', SIGN_UP_RATE_LIMIT: '2', SIGN_UP_RATE_WINDOW_SECONDS: '600' };
const servers: TestServer[] = [];
const handles: RedisHandle[] = [];
let prefixed: Redis | undefined;

afterAll(async () => {
  for (const server of servers) await server.close();
  for (const handle of handles) await handle.close();
  if (prefixed) await dropTestRedis(prefixed);
  await lookup.redis?.stop();
});

async function serverWith(redis: RedisHandle | null): Promise<string> {
  const server = await startTestServer(db, { env: LIMITS, redis });
  servers.push(server);
  return server.baseUrl;
}

const post = (base: string, procedure: string, json: unknown) =>
  fetch(`${base}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json }),
  });

interface ErrorBody {
  error: {
    json: { message: string; data: { code: string; httpStatus: number; retryAfterSeconds?: number } };
  };
}

async function expectLimitedAfterTwo(base: string, procedure: string, input: () => unknown): Promise<void> {
  for (let i = 0; i < 2; i += 1) expect((await post(base, procedure, input())).status).not.toBe(429);
  const refused = await post(base, procedure, input());
  expect(refused.status).toBe(429);
  const retryAfter = Number(refused.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  const body = (await refused.json()) as ErrorBody;
  expect(body.error.json.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
  expect(body.error.json.data.retryAfterSeconds).toBe(retryAfter);
}

const wrongSignIn = () => ({ email: 'someone@example.test', password: 'not the password' });

describe.skipIf(!lookup.redis)('with Redis', () => {
  let base = '';
  beforeAll(async () => {
    if (!lookup.redis) return;
    prefixed = await connectTestRedis(lookup.redis.url);
    const client = prefixed;
    base = await serverWith({ client, ping: async () => true, close: async () => undefined });
  });

  it('limits sign-ins per address, counting in Redis', async () => {
    await expectLimitedAfterTwo(base, 'auth.signIn', wrongSignIn);
    expect(Number(await prefixed?.get('ratelimit:sign-in:127.0.0.1'))).toBe(3);
  });

  it('limits sign-ups per address, and the refused one creates nothing', async () => {
    await expectLimitedAfterTwo(base, 'auth.signUp', () => uniqueSignUpInput());
    const input = uniqueSignUpInput();
    expect((await post(base, 'auth.signUp', input)).status).toBe(429);
    expect(await db.em().execute('select id from users where email = ?', [input.email])).toEqual([]);
  });
});

describe('with an unreachable Redis', () => {
  let base = '';
  beforeAll(async () => {
    // Port 1 on loopback refuses connections: every command fails at once.
    const unreachable = connectRedis('redis://127.0.0.1:1', () => undefined);
    handles.push(unreachable);
    base = await serverWith(unreachable);
  });

  it('still answers sign-ins, and still limits them, in process', async () => {
    const first = await post(base, 'auth.signIn', wrongSignIn());
    expect(first.status).toBe(401);
    expect(((await first.json()) as ErrorBody).error.json.data.code).toBe('INVALID_CREDENTIALS');
    expect((await post(base, 'auth.signIn', wrongSignIn())).status).toBe(401);
    const refused = await post(base, 'auth.signIn', wrongSignIn());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('still signs learners up until the limit', async () => {
    await expectLimitedAfterTwo(base, 'auth.signUp', () => uniqueSignUpInput());
  });
});
