import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { grantBadge } from '@questline/domain/game/server/badge-grants';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { checkInHabit } from '@questline/domain/habits/server/check-in-habit';
import { createHabit } from '@questline/domain/habits/server/create-habit';
import { seedQuestionBank } from '@questline/domain/quiz/server/seed-questions';
import { submitQuiz } from '@questline/domain/quiz/server/submit-quiz';
import {
  answersWith,
  bankQuestions,
  newIdempotencyKey,
} from '@questline/domain/quiz/server/testing/quiz-factory';
import { addHighlight } from '@questline/domain/social/server/highlights';
import { createPost } from '@questline/domain/social/server/posts';
import { react } from '@questline/domain/social/server/reactions';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, signedUpLearner, trpcErrorOf, type Caller } from '../../testing/callers.ts';

const db = useTestDatabase();
const now = new Date('2026-03-04T12:00:00Z');
let admin: Caller;
let adminId = 0;

beforeAll(async () => {
  await seedQuestionBank(db.em());
  await seedGameContent(db.em());
  const signedIn = await signedInAdmin(db);
  admin = signedIn.caller;
  adminId = signedIn.account.id;
});

/** A learner who has played a quiz, kept a habit, posted, reacted and been granted a badge. */
async function activeLearner() {
  const { account, input } = await signedUpLearner(db);
  const userId = account.id;
  const questions = await bankQuestions(db.em(), 'security', 10);
  await submitQuiz(db.em(), {
    userId,
    now,
    examType: 'security',
    answers: answersWith(questions, 10),
    idempotencyKey: newIdempotencyKey(),
  });
  const habit = await createHabit(db.em(), { userId, now, name: 'Read', targetValue: 1 });
  await checkInHabit(db.em(), {
    userId,
    now,
    habitId: habit.id,
    date: '2026-03-04',
    notes: 'Chapter 3',
    idempotencyKey: randomUUID(),
  });
  const post = await createPost(db.em(), userId, { body: 'Hello from the export test' });
  await react(db.em(), userId, post.id, 'celebrate');
  await addHighlight(db.em(), userId, post.id);
  await grantBadge(db.em(), { adminId, userId, badgeCode: 'early-adopter', reason: 'Beta', now });
  return { userId, input, postId: post.id, habitId: habit.id };
}

describe('admin.users.exportData', () => {
  it("exports the user's own data from every context, without the password hash", async () => {
    const learner = await activeLearner();
    const bystander = await activeLearner();
    const data = await admin.admin.users.exportData({ userId: learner.userId });
    expect(data.account).toMatchObject({ id: learner.userId, email: learner.input.email, isActive: true });
    expect(data.profile).toMatchObject({ totalExamsTaken: 1, totalHabitCompletions: 1 });
    expect(data.xpLedger.map((event) => event.source).sort()).toEqual(
      expect.arrayContaining(['achievement', 'habit', 'quiz']),
    );
    expect(data.xpLedger.reduce((sum, event) => sum + event.amount, 0)).toBe(data.profile?.xp);
    expect(data.quizAttempts).toEqual([
      expect.objectContaining({
        examType: 'security',
        correctAnswers: 10,
        scorePercentage: 100,
        answers: expect.arrayContaining([expect.objectContaining({ isCorrect: true })]),
      }),
    ]);
    expect(data.quizAttempts[0]?.answers).toHaveLength(10);
    expect(data.habits).toEqual([
      expect.objectContaining({
        id: learner.habitId,
        name: 'Read',
        streak: expect.objectContaining({ current: 1, longest: 1 }),
        completions: [{ date: '2026-03-04', value: 1, notes: 'Chapter 3' }],
      }),
    ]);
    expect(data.posts).toEqual([expect.objectContaining({ id: learner.postId })]);
    expect(data.reactions).toEqual([expect.objectContaining({ postId: learner.postId, kind: 'celebrate' })]);
    expect(data.highlights).toEqual([{ postId: learner.postId, position: 0 }]);
    expect(data.badges.map((badge) => [badge.code, badge.granted])).toContainEqual(['early-adopter', true]);
    expect(data.achievements.map((a) => a.code)).toContain('first_quiz');
    expect(data.streakDays).toEqual([
      expect.objectContaining({ localDate: '2026-03-04', status: 'practiced' }),
    ]);
    expect(data.exportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const text = JSON.stringify(data);
    expect(text).not.toMatch(/argon2|passwordHash|password_hash|tokenHash/i);
    expect(data.posts.map((post) => post.id)).not.toContain(bystander.postId);
  });

  it('exports a brand-new account with empty sections', async () => {
    const { account } = await signedUpLearner(db);
    const data = await admin.admin.users.exportData({ userId: account.id });
    expect(data).toMatchObject({ xpLedger: [], quizAttempts: [], habits: [], posts: [], badges: [] });
    expect(data.profile).toMatchObject({ xp: 0, level: 1, hearts: 5 });
  });

  it('answers NOT_FOUND for an unknown user and BAD_REQUEST for a malformed id', async () => {
    expect((await trpcErrorOf(admin.admin.users.exportData({ userId: 9_999_999 }))).code).toBe('NOT_FOUND');
    await expectBadInputAt(admin.admin.users.exportData({ userId: -1 }), ['userId']);
  });

  it('is refused to a learner (even for their own id) and to an anonymous caller', async () => {
    const { account } = await signedUpLearner(db);
    await expectAdminOnly(db, (caller) => caller.admin.users.exportData({ userId: account.id }));
  });
});
