import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { listAvatars, selectAvatar } from './select-avatar.ts';
import { seedGameContent } from './seed-game-content.ts';
import { domainErrorOf } from '../../shared/server/testing/domain-error-of.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');
const avatarIds = new Map<string, number>();

beforeAll(async () => {
  await seedGameContent(db.em());
  const rows = await db.em().execute<{ id: string; code: string }[]>('select id, code from avatars');
  for (const row of rows) avatarIds.set(row.code, Number(row.id));
});

const newLearner = async () => (await createAccount(db.em(), uniqueSignUpInput(), now)).id;
const avatar = (code: string) => avatarIds.get(code) ?? 0;
const selectedId = async (userId: number) =>
  (
    await db
      .em()
      .execute<{ id: string | null }[]>(
        'select selected_avatar_id as id from user_profiles where user_id = ?',
        [userId],
      )
  )[0]?.id ?? null;

describe('listAvatars', () => {
  it('shows the defaults unlocked, the rest locked with the achievement and progress that unlock them', async () => {
    const userId = await newLearner();
    await db.em().execute('update user_profiles set total_lessons_completed = 4 where user_id = ?', [userId]);
    const avatars = await listAvatars(db.em(), userId);
    expect(avatars).toHaveLength(18);
    expect(avatars.filter((a) => a.unlocked).map((a) => a.code)).toEqual([
      'owl-scholar',
      'packet-fox',
      'circuit-cat',
    ]);
    expect(avatars.find((a) => a.code === 'owl-scholar')).toMatchObject({
      isDefault: true,
      unlockedBy: null,
    });
    expect(avatars.find((a) => a.code === 'ping-penguin')).toMatchObject({
      unlocked: false,
      rarity: 'rare',
      unlockedBy: {
        achievementCode: 'lessons_10',
        hidden: false,
        achievementName: expect.any(String),
        progress: { current: 4, target: 10 },
      },
    });
    // A hidden achievement keeps its secret: no code, name or progress.
    expect(avatars.find((a) => a.code === 'cipher-dragon')?.unlockedBy).toEqual({
      achievementCode: 'hidden',
      hidden: true,
      achievementName: null,
      achievementDescription: null,
      progress: null,
    });
  });

  it('shows an unlocked avatar as unlocked, with when, and marks the selected one', async () => {
    const userId = await newLearner();
    await db
      .em()
      .execute('insert into user_avatars (user_id, avatar_id, unlocked_at) values (?, ?, ?)', [
        userId,
        avatar('byte-bunny'),
        now,
      ]);
    await selectAvatar(db.em(), userId, avatar('byte-bunny'));
    const bunny = (await listAvatars(db.em(), userId)).find((a) => a.code === 'byte-bunny');
    expect(bunny).toMatchObject({ unlocked: true, unlockedAt: now, selected: true });
  });
});

describe('selectAvatar', () => {
  it('selects a default avatar and clears the choice with null', async () => {
    const userId = await newLearner();
    expect(await selectAvatar(db.em(), userId, avatar('packet-fox'))).toMatchObject({
      code: 'packet-fox',
      imageUrl: '/avatars/packet-fox.png',
    });
    expect(Number(await selectedId(userId))).toBe(avatar('packet-fox'));
    expect(await selectAvatar(db.em(), userId, null)).toBeNull();
    expect(await selectedId(userId)).toBeNull();
  });

  it('refuses a locked avatar (AVATAR_LOCKED) and an unknown one, changing nothing', async () => {
    const userId = await newLearner();
    await selectAvatar(db.em(), userId, avatar('owl-scholar'));
    const locked = await domainErrorOf(selectAvatar(db.em(), userId, avatar('root-tiger')));
    expect(locked).toMatchObject({
      code: 'AVATAR_LOCKED',
      kind: 'FORBIDDEN',
      details: { path: ['avatarId'] },
    });
    expect(locked.message).toContain('Veteran');
    const hidden = await domainErrorOf(selectAvatar(db.em(), userId, avatar('grandmaster-owl')));
    expect(hidden.message).not.toMatch(/level_50|Grandmaster/);
    expect(await domainErrorOf(selectAvatar(db.em(), userId, 9_999_999))).toMatchObject({
      code: 'AVATAR_NOT_FOUND',
    });
    expect(await domainErrorOf(selectAvatar(db.em(), userId, 0))).toMatchObject({ code: 'BAD_INPUT' });
    expect(Number(await selectedId(userId))).toBe(avatar('owl-scholar'));
  });

  it("another learner's unlock does not count", async () => {
    const owner = await newLearner();
    const other = await newLearner();
    await db
      .em()
      .execute('insert into user_avatars (user_id, avatar_id) values (?, ?)', [owner, avatar('lambda-lion')]);
    await selectAvatar(db.em(), owner, avatar('lambda-lion'));
    expect(await domainErrorOf(selectAvatar(db.em(), other, avatar('lambda-lion')))).toMatchObject({
      code: 'AVATAR_LOCKED',
    });
  });

  it('losing an unlocked avatar clears the selection (the profile trigger)', async () => {
    const userId = await newLearner();
    await db
      .em()
      .execute('insert into user_avatars (user_id, avatar_id) values (?, ?)', [
        userId,
        avatar('kernel-koala'),
      ]);
    await selectAvatar(db.em(), userId, avatar('kernel-koala'));
    await db.em().execute('delete from user_avatars where user_id = ?', [userId]);
    expect(await selectedId(userId)).toBeNull();
    expect(await domainErrorOf(selectAvatar(db.em(), userId, avatar('kernel-koala')))).toMatchObject({
      code: 'AVATAR_LOCKED',
    });
  });
});
