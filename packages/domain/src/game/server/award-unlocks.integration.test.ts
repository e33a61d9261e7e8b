import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { awardUnlocks } from './award-unlocks.ts';
import { listAchievements } from './list-achievements.ts';
import { seedGameContent } from './seed-game-content.ts';
import { expectLedgerBalanced } from './testing/ledger-invariant.ts';

const db = useTestDatabase();
const now = new Date('2026-03-04T12:00:00Z');

async function learnerWithQuizzes(quizzes: number, streak: number): Promise<number> {
  await seedGameContent(db.em());
  const { id } = await createAccount(db.em(), uniqueSignUpInput(), now);
  await db.em().execute(
    `insert into quiz_attempts (user_id, exam_type, total_questions, correct_answers, score_percentage, xp_earned, completed_at)
     select ?, 'security', 10, 10, 100, 0, ? from generate_series(1, ?)`,
    [id, now, quizzes],
  );
  await db
    .em()
    .execute(
      'update user_profiles set study_streak_current = ?, study_streak_longest = ? where user_id = ?',
      [streak, streak, id],
    );
  return id;
}

describe('awardUnlocks', () => {
  it('awards each newly met achievement and badge once, with its XP through the ledger and its avatar', async () => {
    const userId = await learnerWithQuizzes(5, 3);
    const unlocks = await db.em().transactional((em) => awardUnlocks(em, userId, now, 'UTC'));
    expect(unlocks.achievements).toEqual(
      expect.arrayContaining([
        'first_quiz',
        'quizzes_5',
        'first_perfect_quiz',
        'perfect_quizzes_5',
        'high_scores_5',
        'study_streak_3',
      ]),
    );
    expect(unlocks.badges).toEqual(expect.arrayContaining(['STREAK_3', 'FIRST_SESSION']));
    const again = await db.em().transactional((em) => awardUnlocks(em, userId, now, 'UTC'));
    expect(again.achievements.filter((code) => unlocks.achievements.includes(code))).toEqual([]);
    await expectLedgerBalanced(db.em());
  });

  it('never unlocks twice under 10 concurrent evaluations', async () => {
    const userId = await learnerWithQuizzes(10, 7);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => db.em().transactional((em) => awardUnlocks(em, userId, now, 'UTC'))),
    );
    const awarded = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.achievements : []));
    expect(new Set(awarded).size).toBe(awarded.length);
    const [counts] = await db.em().execute<{ achievements: string; badges: string; rewards: string }[]>(
      `select (select count(*) from user_achievements where user_id = ?) as achievements,
              (select count(*) from user_badges where user_id = ?) as badges,
              (select count(*) from xp_events where user_id = ? and source = 'achievement') as rewards`,
      [userId, userId, userId],
    );
    expect(Number(counts?.achievements)).toBe(new Set(awarded).size);
    expect(Number(counts?.rewards)).toBeLessThanOrEqual(Number(counts?.achievements));
    await expectLedgerBalanced(db.em());
  });

  it('lists achievements with progress, hiding the hidden ones', async () => {
    const userId = await learnerWithQuizzes(7, 1);
    await db.em().transactional((em) => awardUnlocks(em, userId, now, 'UTC'));
    const views = await listAchievements(db.em(), userId);
    expect(views).toHaveLength(37);
    expect(views.find((view) => view.code === 'quizzes_10')).toMatchObject({
      earnedAt: null,
      progress: { current: 7, target: 10 },
    });
    const hidden = views.filter((view) => view.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((view) => view.progress === null && view.name === 'Hidden achievement')).toBe(true);
  });
});
