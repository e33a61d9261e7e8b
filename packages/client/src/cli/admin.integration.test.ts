import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createQuestlineClient } from '../index.ts';
import { useCliPlatform } from './testing/cli-platform.ts';

const platform = useCliPlatform();
const newAdmin = () => {
  const tag = randomBytes(4).toString('hex');
  return { email: `boss.${tag}@example.test`, username: `boss_${tag}` };
};
/** `ql admin create` on this test file's database, as an operator runs it on the server host. */
const create = (args: string[], input?: string) =>
  platform.ql(['admin', 'create', ...args], {
    env: { DATABASE_URL: platform.db.url },
    ...(input === undefined ? {} : { input }),
  });
const signIn = (email: string, password: string) =>
  createQuestlineClient({ baseUrl: platform.baseUrl() }).auth.signIn.mutate({ email, password });
const usersNamed = async (username: string) =>
  (
    await platform.db
      .em()
      .execute<{ n: number }[]>('select count(*)::int as n from users where username = ?', [username])
  )[0]?.n;

describe('ql admin create', () => {
  it('creates an admin with the password read from standard input', async () => {
    const admin = newAdmin();
    const password = `Quiet harbour ${randomBytes(3).toString('hex')} lamp`;
    const run = await create(
      ['--email', admin.email, '--username', admin.username, '--password-stdin'],
      `${password}\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`created admin ${admin.username}`);
    expect(await signIn(admin.email, password)).toMatchObject({ role: 'admin', username: admin.username });
  });

  it('generates a password when none is piped, and shows it once', async () => {
    const admin = newAdmin();
    const run = await create(['--email', admin.email, '--username', admin.username]);
    expect(run.code).toBe(0);
    const password = /generated password \(shown once, store it now\): (\S+)/.exec(run.stdout)?.[1] ?? '';
    expect(await signIn(admin.email, password)).toMatchObject({ role: 'admin' });
  });

  it('refuses a taken email, a malformed one and a password the policy refuses, creating nothing', async () => {
    const admin = newAdmin();
    const taken = await create(['--email', platform.admin.email, '--username', admin.username]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('[EMAIL_TAKEN]');
    const malformed = await create(['--email', 'not-an-email', '--username', admin.username]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^ql: Invalid input: email: .*\[BAD_INPUT\]/);
    const weak = await create(
      ['--email', admin.email, '--username', admin.username, '--password-stdin'],
      `${admin.username} 2024\n`,
    );
    expect(weak).toMatchObject({
      code: 1,
      stderr: 'ql: The password cannot contain your username [PASSWORD_CONTAINS_USERNAME]\n',
    });
    expect(await usersNamed(admin.username)).toBe(0);
  });

  it('answers a missing option with usage status 2', async () => {
    const run = await create(['--email', newAdmin().email]);
    expect(run).toMatchObject({ code: 2, stderr: 'ql: give --email and --username\n' });
  });
});
