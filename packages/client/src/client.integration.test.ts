import { startTestServer, type TestServer } from '@questline/api/testing/test-server';
import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedAdmin } from '@questline/domain/identity/server/seed-admin';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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

describe('the ql CLI', () => {
  const run = promisify(execFile);
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  const ql = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: { ...process.env, QL_URL: server.baseUrl, ...env },
    });

  it('reports health', async () => {
    const { stdout } = await ql(['health']);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('lists users with admin credentials from the environment', async () => {
    const { stdout } = await ql(['users', 'list', '--search', 'cli_'], {
      QL_ADMIN_EMAIL: admin.email,
      QL_ADMIN_PASSWORD: admin.password,
    });
    expect(stdout).toContain('cli_admin');
  });

  it('fails clearly without admin credentials', async () => {
    const failure = await ql(['users', 'list'], {
      QL_ADMIN_EMAIL: '',
      QL_ADMIN_PASSWORD: '',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('QL_ADMIN_EMAIL');
  });
});
