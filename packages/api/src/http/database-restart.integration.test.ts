import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const db = useTestDatabase();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(db);
});

afterAll(async () => {
  await server.close();
});

/** What a database restart does to every client: each server process ends its connection. */
async function terminateOtherConnections(): Promise<number> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const result = await client.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`,
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

const me = (cookie: string) =>
  fetch(`${server.baseUrl}/trpc/auth.me`, { headers: { cookie } }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as { result?: { data?: { json?: { username?: string } } } },
  }));

describe('a database restart under the server', () => {
  it('costs no crash: the pool drops the dead connections and the next requests succeed', async () => {
    const input = uniqueSignUpInput();
    const signUp = await fetch(`${server.baseUrl}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: input }),
    });
    expect(signUp.status).toBe(200);
    const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    // Keep a few connections in the pool, so there are idle ones to lose.
    await Promise.all([me(cookie), me(cookie), me(cookie)]);
    expect(await terminateOtherConnections()).toBeGreaterThan(0);
    // Idle clients receive the termination as an error event; without a listener it would crash us.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const health = await fetch(`${server.baseUrl}/health/database`);
    expect(health.status).toBe(200);
    const after = await me(cookie);
    expect(after.status).toBe(200);
    expect(after.body.result?.data?.json?.username).toBe(input.username);
  });
});
