import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { selectAvatar } from '@questline/domain/game/server/select-avatar';
import type { CreateAvatarInput } from '@questline/domain/game/universal/admin-avatars';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, signedUpLearner, trpcErrorOf, type Caller } from '../../testing/callers.ts';

const db = useTestDatabase();
let admin: Caller;

beforeAll(async () => {
  await seedGameContent(db.em());
  admin = (await signedInAdmin(db)).caller;
});

const newAvatar = (overrides: Partial<CreateAvatarInput> = {}) => {
  const tag = randomBytes(4).toString('hex');
  return admin.admin.avatars.create({
    code: `av-${tag}`,
    name: `Avatar ${tag}`,
    imageUrl: '/avatars/owl-scholar.png',
    ...overrides,
  });
};

const selectedAvatarOf = async (userId: number) => {
  const [row] = await db
    .em()
    .execute<{ id: string | null }[]>(
      'select selected_avatar_id as id from user_profiles where user_id = ?',
      [userId],
    );
  return row?.id === null || row?.id === undefined ? null : Number(row.id);
};

/** A learner showing `avatarId`; with `unlocked`, one who unlocked it rather than picked it as a default. */
async function learnerShowing(avatarId: number, unlocked = false) {
  const { account } = await signedUpLearner(db);
  if (unlocked) {
    await db
      .em()
      .execute('insert into user_avatars (user_id, avatar_id) values (?, ?)', [account.id, avatarId]);
  }
  await selectAvatar(db.em(), account.id, avatarId);
  return account.id;
}

describe('admin.avatars list, create and update', () => {
  it('lists the seeded avatars with what unlocks them', async () => {
    const avatars = await admin.admin.avatars.list();
    expect(avatars.length).toBeGreaterThanOrEqual(18);
    expect(avatars.filter((a) => a.isDefault).length).toBeGreaterThan(0);
    expect(avatars.find((a) => a.code === 'owl-scholar')).toMatchObject({
      requiredAchievement: expect.any(Object),
    });
  });

  it('creates an avatar, audited; edits it, audited only when something changed', async () => {
    const achievementId = (await admin.admin.achievements.list())[0]?.id ?? 0;
    const created = await newAvatar({ rarity: 'epic', requiredAchievementId: achievementId });
    expect(created).toMatchObject({
      rarity: 'epic',
      requiredAchievement: { id: achievementId },
      isDefault: false,
    });
    const updated = await admin.admin.avatars.update({ id: created.id, name: 'Renamed', rarity: null });
    expect(updated).toMatchObject({ name: 'Renamed', rarity: null, imageUrl: created.imageUrl });
    await admin.admin.avatars.update({ id: created.id, name: 'Renamed' });
    const audit = await auditRowsOf(db, 'avatar', created.id);
    expect(audit.map((row) => row.action)).toEqual(['avatar.create', 'avatar.update']);
    expect(audit[1]).toMatchObject({
      before: { name: created.name, rarity: 'epic' },
      after: { name: 'Renamed', rarity: null },
    });
  });

  it('refuses bad input, taken codes and unknown achievements, writing nothing', async () => {
    const audits = await auditRowCount(db);
    await expectBadInputAt(newAvatar({ imageUrl: 'http://example.com/a.png' }), ['imageUrl']);
    await expectBadInputAt(newAvatar({ rarity: 'mythic' as 'epic' }), ['rarity']);
    const taken = await trpcErrorOf(newAvatar({ code: 'owl-scholar' }));
    expect([taken.code, taken.cause]).toEqual([
      'CONFLICT',
      expect.objectContaining({ code: 'AVATAR_CODE_TAKEN' }),
    ]);
    const unknown = await trpcErrorOf(newAvatar({ requiredAchievementId: 9_999_999 }));
    expect(unknown.cause).toMatchObject({
      code: 'ACHIEVEMENT_NOT_FOUND',
      details: { path: ['requiredAchievementId'] },
    });
    expect((await trpcErrorOf(admin.admin.avatars.update({ id: 9_999_999, name: 'x' }))).code).toBe(
      'NOT_FOUND',
    );
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('making a default avatar non-default clears it only for learners who had not unlocked it', async () => {
    const avatar = await newAvatar({ isDefault: true });
    const pickedAsDefault = await learnerShowing(avatar.id);
    const unlockedIt = await learnerShowing(avatar.id, true);
    const updated = await admin.admin.avatars.update({ id: avatar.id, isDefault: false });
    expect(updated).toMatchObject({ isDefault: false, selectedBy: 1, unlockedBy: 1 });
    expect(await selectedAvatarOf(pickedAsDefault)).toBeNull();
    expect(await selectedAvatarOf(unlockedIt)).toBe(avatar.id);
    expect((await auditRowsOf(db, 'avatar', avatar.id)).at(-1)).toMatchObject({
      before: { isDefault: true, selectedBy: 2 },
      after: { isDefault: false, selectedBy: 1 },
    });
  });
});

describe('admin.avatars.delete', () => {
  it('deletes an avatar: its unlocks go and learners showing it fall back to no selection', async () => {
    const avatar = await newAvatar();
    const learner = await learnerShowing(avatar.id, true);
    expect(await admin.admin.avatars.delete({ id: avatar.id })).toEqual({ id: avatar.id, deleted: true });
    expect(await selectedAvatarOf(learner)).toBeNull();
    expect((await admin.admin.avatars.list()).map((a) => a.id)).not.toContain(avatar.id);
    expect((await auditRowsOf(db, 'avatar', avatar.id)).at(-1)).toMatchObject({
      action: 'avatar.delete',
      before: { code: avatar.code, selectedBy: 1, unlockedBy: 1 },
      after: null,
    });
  });

  it('keeps the last default avatar: it can be neither deleted nor made non-default', async () => {
    const last = await newAvatar({ isDefault: true });
    const others = await db
      .em()
      .execute<{ id: string }[]>(
        'update avatars set is_default = false where is_default and id <> ? returning id',
        [last.id],
      );
    try {
      const audits = await auditRowCount(db);
      for (const attempt of [
        admin.admin.avatars.delete({ id: last.id }),
        admin.admin.avatars.update({ id: last.id, isDefault: false }),
      ]) {
        const error = await trpcErrorOf(attempt);
        expect([error.code, (error.cause as { code?: string }).code]).toEqual([
          'PRECONDITION_FAILED',
          'LAST_DEFAULT_AVATAR',
        ]);
      }
      expect(await auditRowCount(db)).toBe(audits);
      expect((await admin.admin.avatars.list()).find((a) => a.id === last.id)?.isDefault).toBe(true);
    } finally {
      await db
        .em()
        .execute('update avatars set is_default = true where id in (?)', [others.map((row) => row.id)]);
    }
  });

  it('every procedure is refused to a learner and to an anonymous caller', async () => {
    const avatar = await newAvatar();
    await expectAdminOnly(db, (caller) => caller.admin.avatars.list());
    await expectAdminOnly(db, (caller) =>
      caller.admin.avatars.create({ code: 'x', name: 'x', imageUrl: '/x.png' }),
    );
    await expectAdminOnly(db, (caller) => caller.admin.avatars.update({ id: avatar.id, isDefault: true }));
    await expectAdminOnly(db, (caller) => caller.admin.avatars.delete({ id: avatar.id }));
    expect((await admin.admin.avatars.list()).find((a) => a.id === avatar.id)).toMatchObject({
      isDefault: false,
    });
  });
});
