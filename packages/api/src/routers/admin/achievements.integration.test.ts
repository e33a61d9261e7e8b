import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import type { CreateAchievementInput } from '@questline/domain/game/universal/admin-achievements';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, signedUpLearner, trpcErrorOf, type Caller } from '../../testing/callers.ts';

const db = useTestDatabase();
let admin: Caller;
let adminId = 0;

beforeAll(async () => {
  await seedGameContent(db.em());
  const signedIn = await signedInAdmin(db);
  admin = signedIn.caller;
  adminId = signedIn.account.id;
});

const unique = () => randomBytes(4).toString('hex');
const draft = (overrides: Partial<CreateAchievementInput> = {}): CreateAchievementInput => {
  const tag = unique();
  return {
    code: `test_${tag}`,
    name: `Test achievement ${tag}`,
    description: 'Answer 25 questions correctly.',
    category: 'accuracy',
    criteria: { type: 'correct_answers', value: 25 },
    xpReward: 15,
    ...overrides,
  };
};

const avatarIdOf = async (code: string) =>
  Number((await db.em().execute<{ id: string }[]>('select id from avatars where code = ?', [code]))[0]?.id);

describe('admin.achievements list and create', () => {
  it('lists the seeded achievements with their rules and holders', async () => {
    const list = await admin.admin.achievements.list();
    expect(list.length).toBeGreaterThanOrEqual(37);
    expect(list.find((a) => a.code === 'first_quiz')).toMatchObject({
      criteria: { type: 'quiz_completed', value: 1 },
      holders: 0,
    });
  });

  it('creates an achievement, audited with its whole state', async () => {
    const avatarId = await avatarIdOf('owl-scholar');
    const input = draft({
      criteria: { type: 'exam_specific', value: 3, examType: 'network' },
      unlocksAvatarId: avatarId,
      iconUrl: '/achievements/first_quiz.png',
      isHidden: true,
    });
    const created = await admin.admin.achievements.create(input);
    expect(created).toMatchObject({
      code: input.code,
      criteria: { type: 'exam_specific', value: 3, examType: 'network' },
      unlocksAvatar: { id: avatarId, code: 'owl-scholar' },
      isHidden: true,
      holders: 0,
    });
    const [audit] = await auditRowsOf(db, 'achievement', created.id);
    expect(audit).toMatchObject({
      actor_id: String(adminId),
      action: 'achievement.create',
      before: null,
      after: { code: input.code, name: input.name, xpReward: 15, criteria: { examType: 'network' } },
    });
    expect((await admin.admin.achievements.list()).map((a) => a.code)).toContain(input.code);
  });

  it.each([
    [
      'an exam rule without an exam',
      { criteria: { type: 'exam_specific' as const, value: 2 } },
      ['criteria', 'examType'],
    ],
    ['a zero threshold', { criteria: { type: 'xp_total' as const, value: 0 } }, ['criteria', 'value']],
    ['an unknown category', { category: 'trivia' as 'accuracy' }, ['category']],
    ['artwork on another site', { iconUrl: 'https://tracker.example/pixel.png' }, ['iconUrl']],
    ['a code with spaces', { code: 'my code' }, ['code']],
    ['negative XP', { xpReward: -5 }, ['xpReward']],
  ])('refuses %s with a typed error, writing nothing', async (_name, overrides, path) => {
    const before = { audits: await auditRowCount(db), count: (await admin.admin.achievements.list()).length };
    await expectBadInputAt(admin.admin.achievements.create(draft(overrides)), path);
    expect(await auditRowCount(db)).toBe(before.audits);
    expect((await admin.admin.achievements.list()).length).toBe(before.count);
  });

  it.each([
    ['a taken code', () => ({ code: 'first_quiz' }), 'CONFLICT', 'ACHIEVEMENT_CODE_TAKEN', ['code']],
    ['a taken name', () => ({ name: 'First Steps' }), 'CONFLICT', 'ACHIEVEMENT_NAME_TAKEN', ['name']],
    [
      'an unknown avatar',
      () => ({ unlocksAvatarId: 9_999_999 }),
      'NOT_FOUND',
      'AVATAR_NOT_FOUND',
      ['unlocksAvatarId'],
    ],
  ])(
    'maps %s to a typed error with its field, writing nothing',
    async (_name, overrides, code, domainCode, path) => {
      const audits = await auditRowCount(db);
      const input = draft(overrides());
      const error = await trpcErrorOf(admin.admin.achievements.create(input));
      expect(error.code).toBe(code);
      expect(error.cause).toMatchObject({ code: domainCode, details: { path } });
      expect(error.message).not.toMatch(/achievements_|constraint|violat/i);
      expect(await auditRowCount(db)).toBe(audits);
    },
  );
});

describe('admin.achievements update and delete', () => {
  it('updates only the given fields, audited with before and after; an edit changing nothing writes nothing', async () => {
    const created = await admin.admin.achievements.create(draft());
    const updated = await admin.admin.achievements.update({
      id: created.id,
      description: 'Answer 50 questions correctly.',
      criteria: { type: 'correct_answers', value: 50 },
    });
    expect(updated).toMatchObject({
      code: created.code,
      name: created.name,
      criteria: { value: 50 },
      xpReward: 15,
    });
    await admin.admin.achievements.update({
      id: created.id,
      criteria: { type: 'correct_answers', value: 50 },
    });
    const audit = await auditRowsOf(db, 'achievement', created.id);
    expect(audit.map((row) => row.action)).toEqual(['achievement.create', 'achievement.update']);
    expect(audit[1]).toMatchObject({
      before: { description: 'Answer 25 questions correctly.', criteria: { value: 25 } },
      after: { description: 'Answer 50 questions correctly.', criteria: { value: 50 } },
    });
  });

  it('refuses an unknown id and a taken name, changing nothing', async () => {
    const created = await admin.admin.achievements.create(draft());
    const unknown = await trpcErrorOf(admin.admin.achievements.update({ id: 9_999_999, name: 'Ghost' }));
    expect(unknown.code).toBe('NOT_FOUND');
    const taken = await trpcErrorOf(admin.admin.achievements.update({ id: created.id, name: 'First Steps' }));
    expect(taken.cause).toMatchObject({ code: 'ACHIEVEMENT_NAME_TAKEN' });
    expect((await auditRowsOf(db, 'achievement', created.id)).length).toBe(1);
  });

  it('deletes an achievement nobody earned, audited with its last state', async () => {
    const created = await admin.admin.achievements.create(draft());
    expect(await admin.admin.achievements.delete({ id: created.id })).toEqual({
      id: created.id,
      deleted: true,
    });
    expect((await admin.admin.achievements.list()).map((a) => a.id)).not.toContain(created.id);
    expect((await auditRowsOf(db, 'achievement', created.id)).at(-1)).toMatchObject({
      action: 'achievement.delete',
      before: { code: created.code },
      after: null,
    });
  });

  it('refuses to delete an achievement learners hold, keeping their awards', async () => {
    const created = await admin.admin.achievements.create(draft());
    const { account } = await signedUpLearner(db);
    await db
      .em()
      .execute('insert into user_achievements (user_id, achievement_id) values (?, ?)', [
        account.id,
        created.id,
      ]);
    const error = await trpcErrorOf(admin.admin.achievements.delete({ id: created.id }));
    expect([error.code, (error.cause as { code?: string }).code]).toEqual([
      'PRECONDITION_FAILED',
      'ACHIEVEMENT_EARNED',
    ]);
    expect((await admin.admin.achievements.list()).find((a) => a.id === created.id)?.holders).toBe(1);
  });

  it('every procedure is refused to a learner and to an anonymous caller', async () => {
    const created = await admin.admin.achievements.create(draft());
    await expectAdminOnly(db, (caller) => caller.admin.achievements.list());
    await expectAdminOnly(db, (caller) => caller.admin.achievements.create(draft()));
    await expectAdminOnly(db, (caller) =>
      caller.admin.achievements.update({ id: created.id, name: 'Pwned' }),
    );
    await expectAdminOnly(db, (caller) => caller.admin.achievements.delete({ id: created.id }));
    expect((await admin.admin.achievements.list()).find((a) => a.id === created.id)?.name).toBe(created.name);
  });
});
