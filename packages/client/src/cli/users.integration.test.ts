import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '@questline/domain/identity/server/sign-up';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { describe, expect, it } from 'vitest';
import { useCliPlatform } from './testing/cli-platform.ts';

const platform = useCliPlatform();

describe('ql health and ql users', () => {
  it('reports health', async () => {
    const run = await platform.ql(['health']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('lists users with admin credentials from the environment', async () => {
    const run = await platform.ql(['users', 'list', '--search', platform.admin.username]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(platform.admin.username);
  });

  it('refuses an unknown option and an unknown command with usage status 2', async () => {
    expect(await platform.ql(['users', 'list', '--colour'])).toMatchObject({ code: 2 });
    const unknown = await platform.ql(['users', 'promote']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('usage: pnpm ql <command>');
  });

  it('says so when the platform cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const run = await platform.ql(['users', 'list'], { env: { QL_URL: url } });
    expect(run).toMatchObject({ code: 1, stderr: `ql: cannot reach ${url} (ECONNREFUSED)\n` });
  });

  it('finds a username even when more than a page of newer users contain it', async () => {
    const target = await createAccount(platform.db.em(), uniqueSignUpInput(), new Date());
    // 120 newer users whose names contain the target's: the search lists them first, newest first.
    await platform.db.em().execute(
      `insert into users (email, username)
       select ? || '_' || g || '@example.test', ? || '_' || g from generate_series(1, 120) g`,
      [target.username, target.username],
    );
    const out = join(await mkdtemp(join(tmpdir(), 'ql-export-')), 'user.json');
    const run = await platform.ql(['users', 'export', target.username, '--out', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ account: { id: target.id } });
  });

  it('exports a user found by username to a file only its owner can read', async () => {
    const learner = await createAccount(platform.db.em(), uniqueSignUpInput(), new Date());
    const out = join(await mkdtemp(join(tmpdir(), 'ql-export-')), 'user.json');
    const run = await platform.ql(['users', 'export', learner.username, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote the data of user ${learner.id} to ${out}`);
    const document = JSON.parse(await readFile(out, 'utf8')) as { account: { username: string } };
    expect(document.account.username).toBe(learner.username);
    expect(JSON.stringify(document)).not.toMatch(/password/i);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
  });

  it('exports by id to standard output, and names an unknown user', async () => {
    const learner = await createAccount(platform.db.em(), uniqueSignUpInput(), new Date());
    const run = await platform.ql(['users', 'export', String(learner.id)]);
    expect(JSON.parse(run.stdout)).toMatchObject({ account: { id: learner.id } });
    const unknown = await platform.ql(['users', 'export', '987654321']);
    expect(unknown).toMatchObject({ code: 1, stderr: 'ql: No such user [USER_NOT_FOUND]\n' });
  });
});
