import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { User } from '@questline/domain/identity/server/user.entity';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type RedisHandle } from '../redis.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const db = useTestDatabase();
let server: TestServer;
let base = '';
let unreachableRedis: RedisHandle;

function builtApp(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `questline-${name}-`));
  mkdirSync(join(folder, 'assets'));
  writeFileSync(join(folder, 'index.html'), `<!doctype html><title>${name} app</title>`);
  writeFileSync(join(folder, 'assets', 'app-1234.js'), 'console.log(1)');
  return folder;
}

beforeAll(async () => {
  // Port 1 on loopback refuses connections: the fail-fast client must report it, not hang.
  unreachableRedis = connectRedis('redis://127.0.0.1:1', () => undefined);
  server = await startTestServer(db, {
    env: { BODY_LIMIT_BYTES: '2048', MAX_BATCH_SIZE: '3', TRUST_PROXY: 'true' },
    redis: unreachableRedis,
    webDist: builtApp('web'),
    adminDist: builtApp('admin'),
  });
  base = server.baseUrl;
});

afterAll(async () => {
  await unreachableRedis.close();
  await server.close();
});

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('health endpoints', () => {
  it('reports liveness, database and migration state, and readiness', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'ok' });
    const database = await fetch(`${base}/health/database`);
    expect(database.status).toBe(200);
    expect(await database.json()).toMatchObject({ status: 'ok', pendingMigrations: [] });
  });

  it('is degraded, not failing, while Redis is unreachable', async () => {
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'degraded', database: 'ok', redis: 'unavailable' });
  });
});

describe('tRPC over HTTP', () => {
  it('sets an httpOnly, SameSite=Lax session cookie, Secure behind an HTTPS proxy', async () => {
    const plain = await postJson('/trpc/auth.signUp', { json: uniqueSignUpInput() });
    expect(plain.status).toBe(200);
    const cookie = plain.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ql_session=[\w-]{43}; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/);

    const proxied = await postJson(
      '/trpc/auth.signUp',
      { json: uniqueSignUpInput() },
      { 'x-forwarded-proto': 'https' },
    );
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure$/);
    expect(proxied.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('changes state only by POST', async () => {
    const input = uniqueSignUpInput();
    const query = encodeURIComponent(JSON.stringify({ json: input }));
    const response = await fetch(`${base}/trpc/auth.signUp?input=${query}`);
    expect(response.status).toBe(405);
    expect(await db.em().count(User, { email: input.email })).toBe(0);
  });

  it('answers 413 past the body limit, without reading it into a procedure', async () => {
    const input = uniqueSignUpInput({ username: 'big_body' });
    const response = await postJson('/trpc/auth.signUp', { json: { ...input, padding: 'x'.repeat(4096) } });
    expect(response.status).toBe(413);
    expect(await db.em().count(User, { email: input.email })).toBe(0);
  });

  it('refuses a batch larger than the maximum', async () => {
    const response = await fetch(`${base}/trpc/auth.me,auth.me,auth.me,auth.me?batch=1&input={}`);
    expect(response.status).toBe(400);
  });

  it('keeps validation field paths and never sends a stack', async () => {
    const response = await postJson('/trpc/auth.signUp', {
      // A password that is not even a string: the policy's own codes (PASSWORD_TOO_SHORT …) come later.
      json: { email: 'nope', username: 'a', password: 7 },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { data: Record<string, unknown> } } };
    const data = body.error.json.data;
    expect(data.code).toBe('BAD_INPUT');
    expect((data.issues as { path: string[] }[]).map((issue) => issue.path[0])).toEqual(
      expect.arrayContaining(['email', 'username', 'password']),
    );
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it('refuses the NUL character anywhere in any input with 400 and its path, not a database error', async () => {
    const response = await postJson('/trpc/auth.signIn', {
      json: { email: 'someone@example.test', password: 'pass\u0000word' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { data: Record<string, unknown> } } };
    expect(body.error.json.data).toMatchObject({
      code: 'TEXT_HAS_NUL',
      issues: [{ path: ['password'], message: 'Text may not contain the NUL character' }],
    });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"json":',
    });
    expect(response.status).toBe(400);
  });
});

describe('built apps', () => {
  it('serves the web app with an SPA fallback and security headers', async () => {
    const response = await fetch(`${base}/courses/spanish`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('web app');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the admin app under /admin/, caching fingerprinted assets for good', async () => {
    const redirect = await fetch(`${base}/admin`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/admin/');
    expect(await (await fetch(`${base}/admin/users/42`)).text()).toContain('admin app');
    const asset = await fetch(`${base}/admin/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });
});

// Last: it breaks this file's database on purpose.
describe('an unexpected database failure', () => {
  it('becomes a 500 with a request id, and no SQL, table or constraint name', async () => {
    const signUp = await postJson('/trpc/auth.signUp', { json: uniqueSignUpInput() });
    const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await db.em().getConnection().execute('drop table user_profiles cascade');

    const response = await fetch(`${base}/trpc/game.summary`, { headers: { cookie } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain(response.headers.get('x-request-id') ?? 'missing request id');
    expect(text).not.toMatch(/user_profiles|select|relation|stack/i);
  });
});
