import { startTestServer, type TestServer } from '@questline/api/testing/test-server';
import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedAdmin } from '@questline/domain/identity/server/seed-admin';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { runCli, type CliRunOptions } from './run-cli.ts';

/**
 * A platform for `ql` to talk to: this test file's database, the real server on a loopback port,
 * and an admin whose credentials `ql` gets from its environment, as an operator would give them.
 */
export function useCliPlatform() {
  const db = useTestDatabase();
  const tag = randomBytes(4).toString('hex');
  const admin = {
    email: `ops.${tag}@example.test`,
    username: `ops_${tag}`,
    password: `Kestrel lantern ${tag} orbit`,
    generateWhenMissing: false,
  };
  let server: TestServer | undefined;
  beforeAll(async () => {
    await seedAdmin(db.em(), admin, new Date());
    server = await startTestServer(db);
  });
  afterAll(() => server?.close());

  const env = () => ({
    QL_URL: server?.baseUrl ?? '',
    QL_ADMIN_EMAIL: admin.email,
    QL_ADMIN_PASSWORD: admin.password,
  });
  return {
    db,
    admin,
    baseUrl: () => server?.baseUrl ?? '',
    /** `pnpm ql …` as the admin, against this platform; `env` adds or overrides variables. */
    ql: (args: readonly string[], options: CliRunOptions = {}) =>
      runCli(args, { ...options, env: { ...env(), ...options.env } }),
  };
}
