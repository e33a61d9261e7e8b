import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { createAccount } from '@questline/domain/identity/server/sign-up';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCliPlatform } from './testing/cli-platform.ts';

const platform = useCliPlatform();

beforeAll(async () => {
  await seedGameContent(platform.db.em());
});

const badgesOf = async (userId: number) =>
  (
    await platform.db
      .em()
      .execute<{ code: string }[]>(
        'select b.code from user_badges ub join badges b on b.id = ub.badge_id where ub.user_id = ?',
        [userId],
      )
  ).map((row) => row.code);

describe('ql badges', () => {
  it('grants a badge to a user named by username, then revokes it by id', async () => {
    const learner = await createAccount(platform.db.em(), uniqueSignUpInput(), new Date());
    const granted = await platform.ql([
      'badges',
      'grant',
      learner.username,
      'early-adopter',
      '--reason',
      'beta tester',
    ]);
    expect(granted).toMatchObject({ code: 0, stdout: `granted early-adopter to ${learner.username}\n` });
    expect(await badgesOf(learner.id)).toEqual(['early-adopter']);

    const revoked = await platform.ql([
      'badges',
      'revoke',
      String(learner.id),
      'early-adopter',
      '--reason',
      'mistake',
    ]);
    expect(revoked).toMatchObject({ code: 0, stdout: `revoked early-adopter from ${learner.id}\n` });
    expect(await badgesOf(learner.id)).toEqual([]);
  });

  it('refuses an unknown badge, an unknown user and a missing reason, granting nothing', async () => {
    const learner = await createAccount(platform.db.em(), uniqueSignUpInput(), new Date());
    const unknownBadge = await platform.ql([
      'badges',
      'grant',
      learner.username,
      'no-such-badge',
      '--reason',
      'x',
    ]);
    expect(unknownBadge).toMatchObject({ code: 1, stderr: 'ql: No such badge [BADGE_NOT_FOUND]\n' });
    const unknownUser = await platform.ql([
      'badges',
      'grant',
      'nobody_here',
      'early-adopter',
      '--reason',
      'x',
    ]);
    expect(unknownUser).toMatchObject({ code: 1, stderr: 'ql: no user with the username "nobody_here"\n' });
    const noReason = await platform.ql(['badges', 'grant', learner.username, 'early-adopter']);
    expect(noReason).toMatchObject({ code: 2, stderr: 'ql: give --reason: it is kept in the audit trail\n' });
    expect(await badgesOf(learner.id)).toEqual([]);
  });
});
