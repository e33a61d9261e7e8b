import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { seedGameContent } from '../../game/server/seed-game-content.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { seedQuestionBank } from '../../quiz/server/seed-questions.ts';
import { submitQuiz } from '../../quiz/server/submit-quiz.ts';
import {
  answersWith,
  bankQuestions,
  newIdempotencyKey,
  type BankQuestion,
} from '../../quiz/server/testing/quiz-factory.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { computeProfileStats, getProfileStats, invalidateProfileStats } from './profile-stats.ts';

// Without Redis: the user_stats_cache table is the cache. The Redis paths are tested against a
// real Redis in packages/api/src/redis/stats-cache.integration.test.ts.

const db = useTestDatabase();
const now = new Date('2026-03-04T21:30:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
let questions: BankQuestion[] = [];

beforeAll(async () => {
  await seedQuestionBank(db.em());
  await seedGameContent(db.em());
  questions = await bankQuestions(db.em(), 'security', 20);
});

const newLearner = async () => (await createAccount(db.em(), uniqueSignUpInput(), now)).id;
const takeQuiz = (userId: number, correct: number, at = now, slice = [0, 10]) =>
  submitQuiz(db.em(), {
    userId,
    examType: 'security',
    answers: answersWith(questions.slice(slice[0], slice[1]), correct),
    idempotencyKey: newIdempotencyKey(),
    now: at,
  });
const cachedRow = async (userId: number) =>
  (
    await db
      .em()
      .execute<{ computed_at: string; expires_at: string; xp: number }[]>(
        `select computed_at::text, expires_at::text, (stats_json ->> 'xp')::int as xp from user_stats_cache where user_id = ?`,
        [userId],
      )
  )[0];

describe('getProfileStats without Redis', () => {
  it('computes the numbers in one query and keeps them in the table for five minutes', async () => {
    const userId = await newLearner();
    await takeQuiz(userId, 7);
    const stats = await getProfileStats(db.em(), null, userId, now);
    const [xp] = await db
      .em()
      .execute<{ xp: number }[]>('select xp from user_profiles where user_id = ?', [userId]);
    expect(stats).toMatchObject({
      xp: xp?.xp,
      streak: 1,
      longestStreak: 1,
      lessonsCompleted: 0,
      quizzesTaken: 1,
      accuracy: 70,
    });
    expect(stats.achievements).toBeGreaterThan(0);
    expect(await cachedRow(userId)).toEqual({
      computed_at: '2026-03-04 21:30:00+00',
      expires_at: '2026-03-04 21:35:00+00',
      xp: xp?.xp,
    });
    await expectLedgerBalanced(db.em());
  });

  it('serves the stored copy until it expires', async () => {
    const userId = await newLearner();
    const first = await getProfileStats(db.em(), null, userId, now);
    // A change that does not touch XP and is not invalidated: the copy is served until expiry.
    await db.em().execute('update user_profiles set total_lessons_completed = 3 where user_id = ?', [userId]);
    expect(await getProfileStats(db.em(), null, userId, minutes(4))).toEqual(first);
    expect((await getProfileStats(db.em(), null, userId, minutes(5))).lessonsCompleted).toBe(3);
  });

  it('never serves a copy computed at another XP, even when nobody invalidated it', async () => {
    const userId = await newLearner();
    await getProfileStats(db.em(), null, userId, now);
    await db.em().execute('update user_profiles set xp = xp + 50 where user_id = ?', [userId]);
    expect((await getProfileStats(db.em(), null, userId, minutes(1))).xp).toBe(50);
  });

  it('is invalidated by a quiz submission', async () => {
    const userId = await newLearner();
    expect(await getProfileStats(db.em(), null, userId, now)).toMatchObject({
      xp: 0,
      quizzesTaken: 0,
      accuracy: null,
    });
    await takeQuiz(userId, 10, minutes(1));
    const after = await getProfileStats(db.em(), null, userId, minutes(2));
    expect(after).toMatchObject({ quizzesTaken: 1, accuracy: 100 });
    expect(after.xp).toBeGreaterThanOrEqual(150);
    expect(after).toEqual(await computeProfileStats(db.em(), userId, minutes(2)));
  });

  it('drops the stored copy on invalidation', async () => {
    const userId = await newLearner();
    await getProfileStats(db.em(), null, userId, now);
    await invalidateProfileStats(db.em(), null, userId);
    expect(await cachedRow(userId)).toBeUndefined();
  });

  it('shows a streak as lost once missed days outnumber held freezes', async () => {
    const userId = await newLearner();
    await takeQuiz(userId, 5, now);
    expect((await getProfileStats(db.em(), null, userId, minutes(60 * 24))).streak).toBe(1);
    await invalidateProfileStats(db.em(), null, userId);
    expect(await getProfileStats(db.em(), null, userId, minutes(60 * 48))).toMatchObject({
      streak: 0,
      longestStreak: 1,
    });
  });

  it('answers NOT_FOUND for a user that does not exist', async () => {
    const error = await getProfileStats(db.em(), null, 987_654_321, now).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'PROFILE_NOT_FOUND', kind: 'NOT_FOUND' });
  });
});
