import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';
import { fieldPathsOf } from '../testing/field-paths.ts';

const db = useTestDatabase();

beforeAll(async () => {
  await seedGameContent(db.em());
});

const selectedAvatarOf = async (userId: number) =>
  (
    await db
      .em()
      .execute<{ id: string | null }[]>(
        'select selected_avatar_id as id from user_profiles where user_id = ?',
        [userId],
      )
  )[0]?.id ?? null;

async function unlockFor(userId: number, avatarId: number): Promise<void> {
  await db.em().execute('insert into user_avatars (user_id, avatar_id) values (?, ?)', [userId, avatarId]);
}

describe('game.avatars', () => {
  it('lists the defaults as unlocked and the rest with what unlocks them', async () => {
    const { caller } = await signedUpLearner(db);
    const avatars = await caller.game.avatars();
    const defaults = avatars.filter((avatar) => avatar.isDefault);
    expect(defaults.length).toBeGreaterThan(0);
    expect(defaults.every((avatar) => avatar.unlocked && avatar.unlockedBy === null)).toBe(true);
    const locked = avatars.filter((avatar) => !avatar.unlocked);
    expect(locked.length).toBeGreaterThan(0);
    for (const avatar of locked) expect(avatar.unlockedBy?.achievementCode).toEqual(expect.any(String));
    expect(avatars.some((avatar) => avatar.selected)).toBe(false);
  });
});

describe('game.selectAvatar', () => {
  it('selects a default or an unlocked avatar, and null clears the choice', async () => {
    const { account, caller } = await signedUpLearner(db);
    const avatars = await caller.game.avatars();
    const [firstDefault] = avatars.filter((avatar) => avatar.isDefault);
    const [firstLocked] = avatars.filter((avatar) => !avatar.unlocked);
    if (!firstDefault || !firstLocked) throw new Error('the seed needs default and locked avatars');
    expect(await caller.game.selectAvatar({ avatarId: firstDefault.id })).toMatchObject({
      id: firstDefault.id,
      code: firstDefault.code,
    });
    expect((await caller.game.avatars()).find((avatar) => avatar.selected)?.id).toBe(firstDefault.id);
    await unlockFor(account.id, firstLocked.id);
    expect((await caller.game.selectAvatar({ avatarId: firstLocked.id }))?.id).toBe(firstLocked.id);
    expect(await caller.game.selectAvatar({ avatarId: null })).toBeNull();
    expect(await selectedAvatarOf(account.id)).toBeNull();
  });

  it('refuses a locked, unknown or malformed avatar and keeps the choice', async () => {
    const { account, caller } = await signedUpLearner(db);
    const avatars = await caller.game.avatars();
    const chosen = avatars.find((avatar) => avatar.isDefault);
    const locked = avatars.find((avatar) => !avatar.unlocked);
    if (!chosen || !locked) throw new Error('the seed needs default and locked avatars');
    await caller.game.selectAvatar({ avatarId: chosen.id });

    const lockedError = await trpcErrorOf(caller.game.selectAvatar({ avatarId: locked.id }));
    expect(lockedError.code).toBe('FORBIDDEN');
    expect(lockedError.cause).toMatchObject({ code: 'AVATAR_LOCKED' });
    const unknown = await trpcErrorOf(caller.game.selectAvatar({ avatarId: 987_654_321 }));
    expect(unknown.code).toBe('NOT_FOUND');
    const malformed = await trpcErrorOf(caller.game.selectAvatar({ avatarId: 0 }));
    expect([malformed.code, fieldPathsOf(malformed)]).toEqual(['BAD_REQUEST', [['avatarId']]]);
    expect(Number(await selectedAvatarOf(account.id))).toBe(chosen.id);
  });

  it("an avatar another learner unlocked stays locked for everyone else; nobody's choice moves", async () => {
    const owner = await signedUpLearner(db);
    const other = await signedUpLearner(db);
    const locked = (await owner.caller.game.avatars()).find((avatar) => !avatar.unlocked);
    if (!locked) throw new Error('the seed needs a locked avatar');
    await unlockFor(owner.account.id, locked.id);
    await owner.caller.game.selectAvatar({ avatarId: locked.id });

    const error = await trpcErrorOf(other.caller.game.selectAvatar({ avatarId: locked.id }));
    expect(error.code).toBe('FORBIDDEN');
    expect((await other.caller.game.avatars()).find((avatar) => avatar.id === locked.id)?.unlocked).toBe(
      false,
    );
    expect(await selectedAvatarOf(other.account.id)).toBeNull();
    expect(Number(await selectedAvatarOf(owner.account.id))).toBe(locked.id);
  });

  it('is refused to an anonymous caller', async () => {
    const anonymous = await callerFor(db);
    expect((await trpcErrorOf(anonymous.game.selectAvatar({ avatarId: null }))).code).toBe('UNAUTHORIZED');
    expect((await trpcErrorOf(anonymous.game.avatars())).code).toBe('UNAUTHORIZED');
  });
});
