import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { expectLedgerBalanced } from '@questline/domain/game/server/testing/ledger-invariant';
import { giveStats } from '@questline/domain/game/server/testing/player-stats-factory';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { createAccount } from '@questline/domain/identity/server/sign-up';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, trpcErrorOf, type Caller } from '../../testing/callers.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');
let admin: Caller;

beforeAll(async () => {
  await seedGameContent(db.em());
  admin = (await signedInAdmin(db)).caller;
});

// Each test uses its own habit-streak threshold, higher than any earlier test's learners reach,
// so the learners other tests made never qualify for it.
let threshold = 1000;
const nextThreshold = () => (threshold += 100);

/** `count` learners whose longest habit streak is `streak`. */
async function learnersWithStreak(count: number, streak: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const userId = (await createAccount(db.em(), uniqueSignUpInput(), now)).id;
    await giveStats(db.em(), userId, { habitLongestStreaks: [streak] }, now);
    ids.push(userId);
  }
  return ids;
}

async function ruleAchievement(value: number, extra: { xpReward?: number; unlocksAvatarId?: number } = {}) {
  const tag = randomBytes(4).toString('hex');
  return admin.admin.achievements.create({
    code: `streak_${tag}`,
    name: `Marathon ${tag}`,
    description: `Keep a habit for ${value} days.`,
    category: 'learning',
    criteria: { type: 'habit_streak', value },
    ...extra,
  });
}

const xpOf = async (userId: number) =>
  (await db.em().execute<{ xp: number }[]>('select xp from user_profiles where user_id = ?', [userId]))[0]
    ?.xp;

describe('admin.achievements.dryRun', () => {
  it('counts the learners a draft rule would unlock, changing nothing', async () => {
    const value = nextThreshold();
    await learnersWithStreak(3, value);
    await learnersWithStreak(2, value - 1);
    const audits = await auditRowCount(db);
    const result = await admin.admin.achievements.dryRun({ criteria: { type: 'habit_streak', value } });
    const [profiles] = await db.em().execute<{ n: number }[]>('select count(*)::int as n from user_profiles');
    expect(result).toEqual({ learners: profiles?.n, qualifying: 3, alreadyHolding: 0, wouldUnlock: 3 });
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('refuses both or neither of id and rule, an unknown id, and a malformed rule', async () => {
    await expectBadInputAt(admin.admin.achievements.dryRun({}), ['criteria']);
    await expectBadInputAt(
      admin.admin.achievements.dryRun({ id: 1, criteria: { type: 'xp_total', value: 10 } }),
      ['criteria'],
    );
    await expectBadInputAt(admin.admin.achievements.dryRun({ criteria: { type: 'xp_total', value: -1 } }), [
      'criteria',
      'value',
    ]);
    expect((await trpcErrorOf(admin.admin.achievements.dryRun({ id: 9_999_999 }))).code).toBe('NOT_FOUND');
  });
});

describe('admin.achievements.backfill', () => {
  it('awards what the dry run counted, once, with XP through the ledger, its avatar and an audit row', async () => {
    const value = nextThreshold();
    const qualifying = await learnersWithStreak(4, value);
    const [outsider] = await learnersWithStreak(1, value - 1);
    // One qualifying learner earned it already (at an event before the backfill).
    const avatarId = Number(
      (await db.em().execute<{ id: string }[]>(`select id from avatars where code = 'owl-scholar'`))[0]?.id,
    );
    const achievement = await ruleAchievement(value, { xpReward: 30, unlocksAvatarId: avatarId });
    await db
      .em()
      .execute('insert into user_achievements (user_id, achievement_id) values (?, ?)', [
        qualifying[0],
        achievement.id,
      ]);

    const dryRun = await admin.admin.achievements.dryRun({ id: achievement.id });
    expect(dryRun).toMatchObject({ qualifying: 4, alreadyHolding: 1, wouldUnlock: 3 });

    const result = await admin.admin.achievements.backfill({ id: achievement.id, reason: 'New rule' });
    expect(result).toEqual({
      id: achievement.id,
      code: achievement.code,
      awarded: dryRun.wouldUnlock,
      xpGranted: 90,
      avatarsUnlocked: 3,
    });
    for (const userId of qualifying.slice(1)) expect(await xpOf(userId)).toBe(30);
    expect(await xpOf(qualifying[0] ?? 0)).toBe(0);
    expect(await xpOf(outsider ?? 0)).toBe(0);
    const [events] = await db
      .em()
      .execute<{ n: number }[]>(`select count(*)::int as n from xp_events where idempotency_key = ?`, [
        `achievement:${achievement.code}`,
      ]);
    expect(events?.n).toBe(3);
    await expectLedgerBalanced(db.em());

    const again = await admin.admin.achievements.backfill({ id: achievement.id });
    expect(again).toMatchObject({ awarded: 0, xpGranted: 0, avatarsUnlocked: 0 });
    expect(await admin.admin.achievements.dryRun({ id: achievement.id })).toMatchObject({
      alreadyHolding: 4,
      wouldUnlock: 0,
    });
    expect((await auditRowsOf(db, 'achievement', achievement.id)).slice(1)).toEqual([
      expect.objectContaining({
        action: 'achievement.backfill',
        before: expect.objectContaining({ holders: 1 }),
        after: expect.objectContaining({ holders: 4, awarded: 3, xpGranted: 90, avatarsUnlocked: 3 }),
        reason: 'New rule',
      }),
      expect.objectContaining({
        action: 'achievement.backfill',
        after: expect.objectContaining({ awarded: 0 }),
      }),
    ]);
  });

  it('two backfills at once award each learner exactly once', async () => {
    const value = nextThreshold();
    const learners = await learnersWithStreak(5, value);
    const achievement = await ruleAchievement(value, { xpReward: 10 });
    const results = await Promise.all([
      admin.admin.achievements.backfill({ id: achievement.id }),
      admin.admin.achievements.backfill({ id: achievement.id }),
    ]);
    expect(results.map((r) => r.awarded).sort()).toEqual([0, 5]);
    for (const userId of learners) expect(await xpOf(userId)).toBe(10);
    await expectLedgerBalanced(db.em());
  });

  it('refuses an unknown achievement with NOT_FOUND and writes no audit row', async () => {
    const audits = await auditRowCount(db);
    expect((await trpcErrorOf(admin.admin.achievements.backfill({ id: 9_999_999 }))).code).toBe('NOT_FOUND');
    await expectBadInputAt(admin.admin.achievements.backfill({ id: 0 }), ['id']);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('dry run and backfill are refused to a learner and to an anonymous caller', async () => {
    const value = nextThreshold();
    await learnersWithStreak(1, value);
    const achievement = await ruleAchievement(value);
    await expectAdminOnly(db, (caller) => caller.admin.achievements.dryRun({ id: achievement.id }));
    await expectAdminOnly(db, (caller) => caller.admin.achievements.backfill({ id: achievement.id }));
    expect(await admin.admin.achievements.dryRun({ id: achievement.id })).toMatchObject({ wouldUnlock: 1 });
  });
});
