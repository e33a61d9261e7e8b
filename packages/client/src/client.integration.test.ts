import { startTestServer, type TestServer } from '@questline/api/testing/test-server';
import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedAdmin } from '@questline/domain/identity/server/seed-admin';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuestlineClient } from './index.ts';

const db = useTestDatabase();
const admin = {
  email: 'cli-admin@example.test',
  username: 'cli_admin',
  password: 'cli admin password',
  generateWhenMissing: false,
};
let server: TestServer;

beforeAll(async () => {
  await seedAdmin(db.em(), admin, new Date());
  server = await startTestServer(db);
});
afterAll(() => server.close());

describe('createQuestlineClient', () => {
  it('keeps the session cookie between calls and turns dates back into Dates', async () => {
    const client = createQuestlineClient({ baseUrl: server.baseUrl });
    const input = uniqueSignUpInput();
    const account = await client.auth.signUp.mutate(input);
    expect(account.createdAt).toBeInstanceOf(Date);
    expect(await client.auth.me.query()).toMatchObject({ username: input.username });
    expect(await client.game.summary.query()).toMatchObject({ level: 1, xp: 0 });

    await client.auth.signOut.mutate();
    expect(await client.auth.me.query()).toBeNull();
  });

  it('surfaces typed errors with the domain code', async () => {
    const client = createQuestlineClient({ baseUrl: server.baseUrl });
    const error = await client.auth.signIn
      .mutate({ email: admin.email, password: 'wrong' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      message: 'Email or password is incorrect',
      data: { code: 'INVALID_CREDENTIALS' },
    });
  });
});
