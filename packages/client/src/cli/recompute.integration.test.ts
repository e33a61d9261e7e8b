import { createAccount } from '@questline/domain/identity/server/sign-up';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { describe, expect, it } from 'vitest';
import { useCliPlatform } from './testing/cli-platform.ts';

const platform = useCliPlatform();

describe('ql recompute', () => {
  it("fixes one learner's study streak, found by username", async () => {
    const learner = await createAccount(platform.db.em(), uniqueSignUpInput(), new Date());
    await platform.db
      .em()
      .execute('update user_profiles set study_streak_longest = 6 where user_id = ?', [learner.id]);
    const run = await platform.ql(['recompute', 'streaks', '--user', learner.username.toUpperCase()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/users checked: +1\n/);
    expect(run.stdout).toMatch(/study streaks fixed: +1\n/);
  });

  it('names a user it cannot find', async () => {
    const run = await platform.ql(['recompute', 'streaks', '--user', 'nobody_by_this_name']);
    expect(run).toMatchObject({ code: 1, stderr: 'ql: no user with the username "nobody_by_this_name"\n' });
  });

  it('rebuilds the standings and reports what changed', async () => {
    const run = await platform.ql(['recompute', 'standings']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/inserted: +0\n/);
    expect(run.stdout).toContain('mirror:     no Redis mirror configured');
  });

  it('fails clearly with a wrong admin password, or none', async () => {
    const wrong = await platform.ql(['recompute', 'standings'], {
      env: { QL_ADMIN_PASSWORD: 'not the password' },
    });
    expect(wrong).toMatchObject({
      code: 1,
      stderr: 'ql: Email or password is incorrect [INVALID_CREDENTIALS]\n',
    });
    const none = await platform.ql(['recompute', 'standings'], {
      env: { QL_ADMIN_EMAIL: '', QL_ADMIN_PASSWORD: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' },
    });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('QL_ADMIN_EMAIL');
  });
});
