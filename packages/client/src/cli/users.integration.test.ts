import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
});
