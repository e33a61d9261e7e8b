import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { completeLesson } from './complete-lesson.ts';
import { startLesson } from './start-lesson.ts';
import {
  ledgerOf,
  lessonIdOf,
  newIdempotencyKey,
  newLearner,
  playLesson,
  rejection,
  sessionStatus,
  useLessonContent,
} from './testing/lesson-fixtures.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

useLessonContent(db);

describe('completeLesson', () => {
  it('completes a whole seeded lesson and rewards it once, unlocking the next lesson', async () => {
    const userId = await newLearner(db.em(), now);
    const sessionId = await playLesson(db.em(), userId, 'es-greetings-1', now);
    const result = await completeLesson(db.em(), {
      userId,
      sessionId,
      idempotencyKey: newIdempotencyKey(),
      now,
    });

    // 10 for the lesson; first_lesson (+10) meets the 20 XP daily goal, so first_daily_goal (+15).
    expect(result).toEqual({
      sessionId,
      lessonId: await lessonIdOf(db.em(), 'es-greetings-1'),
      score: 100,
      xpEarned: 10,
      bonusXp: 25,
      totalXp: 35,
      level: 1,
      leveledUp: false,
      dailyGoal: { localDate: '2026-03-01', xp: 35, goal: 20, met: true },
      streak: {
        localDate: '2026-03-01',
        current: 1,
        longest: 1,
        freezesHeld: 0,
        frozenDays: [],
        dayAdded: true,
      },
      unlocks: { achievements: ['first_lesson', 'first_daily_goal'], badges: expect.any(Array) },
    });
    expect((await ledgerOf(db.em(), userId)).filter((e) => e.source === 'lesson')).toEqual([
      {
        source: 'lesson',
        amount: 10,
        idempotency_key: `lesson-session:${sessionId}`,
        local_date: '2026-03-01',
      },
    ]);
    const [progress] = await db
      .em()
      .execute<{ status: string; attempts: number; best_score: number }[]>(
        'select status, attempts, best_score from user_lesson_progress where user_id = ?',
        [userId],
      );
    expect(progress).toEqual({ status: 'completed', attempts: 1, best_score: 100 });
    const [course] = await db
      .em()
      .execute<{ xp: number; completion_percent: number; last_practiced_at: string }[]>(
        'select xp, completion_percent, last_practiced_at from user_courses where user_id = ?',
        [userId],
      );
    expect(course).toMatchObject({ xp: 10, completion_percent: Math.floor(100 / 12) });
    expect(new Date(course?.last_practiced_at ?? 0)).toEqual(now);
    expect(await sessionStatus(db.em(), sessionId)).toBe('completed');

    const next = await startLesson(db.em(), {
      userId,
      lessonId: await lessonIdOf(db.em(), 'es-greetings-2'),
      now,
    });
    expect(next.status).toBe('active');
  });

  it('refuses an unfinished run, listing what is missing, and changes nothing', async () => {
    const userId = await newLearner(db.em(), now);
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
    const run = await startLesson(db.em(), { userId, lessonId, now });
    const idempotencyKey = newIdempotencyKey();
    const error = await rejection(
      completeLesson(db.em(), { userId, sessionId: run.sessionId, idempotencyKey, now }),
    );
    expect(error).toMatchObject({ code: 'LESSON_INCOMPLETE', kind: 'PRECONDITION_FAILED' });
    expect(error.details.missing).toEqual(
      run.exercises.map((e) => ({ exerciseId: e.id, position: e.position })),
    );
    expect(await ledgerOf(db.em(), userId)).toEqual([]);
    expect(await sessionStatus(db.em(), run.sessionId)).toBe('active');
    // The failed attempt did not burn the key: once finished, the same key completes the run.
    await playLesson(db.em(), userId, 'es-greetings-1', now);
    expect(
      await completeLesson(db.em(), { userId, sessionId: run.sessionId, idempotencyKey, now }),
    ).toMatchObject({
      xpEarned: 10,
    });
  });

  it('is NOT_FOUND for another learner, and refuses bad input, granting nothing', async () => {
    const userId = await newLearner(db.em(), now);
    const sessionId = await playLesson(db.em(), userId, 'es-greetings-1', now);
    const intruder = await newLearner(db.em(), now);
    const stolen = await rejection(
      completeLesson(db.em(), { userId: intruder, sessionId, idempotencyKey: newIdempotencyKey(), now }),
    );
    expect(stolen).toMatchObject({ code: 'SESSION_NOT_FOUND', kind: 'NOT_FOUND' });
    for (const idempotencyKey of ['short', 'has spaces in it', 'x'.repeat(201)]) {
      const error = await rejection(completeLesson(db.em(), { userId, sessionId, idempotencyKey, now }));
      expect(error).toMatchObject({
        code: 'BAD_INPUT',
        kind: 'BAD_INPUT',
        details: { path: ['idempotencyKey'] },
      });
    }
    expect(await ledgerOf(db.em(), userId)).toEqual([]);
    expect(await ledgerOf(db.em(), intruder)).toEqual([]);
    expect(await sessionStatus(db.em(), sessionId)).toBe('active');
  });

  it('counts the XP for the learner’s local day (UTC+14)', async () => {
    const userId = await newLearner(db.em(), now, 'Pacific/Kiritimati');
    const evening = new Date('2026-03-01T10:30:00Z'); // 00:30 on 2 March in Kiritimati
    const sessionId = await playLesson(db.em(), userId, 'es-greetings-1', evening);
    const result = await completeLesson(db.em(), {
      userId,
      sessionId,
      idempotencyKey: newIdempotencyKey(),
      now: evening,
    });
    expect(result.dailyGoal.localDate).toBe('2026-03-02');
    expect(result.streak.localDate).toBe('2026-03-02');
    expect(new Set((await ledgerOf(db.em(), userId)).map((e) => e.local_date))).toEqual(
      new Set(['2026-03-02']),
    );
  });

  it('rewards a second run of a completed lesson, keeping the best score', async () => {
    const userId = await newLearner(db.em(), now);
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
    const first = await playLesson(db.em(), userId, 'es-greetings-1', now);
    await completeLesson(db.em(), { userId, sessionId: first, idempotencyKey: newIdempotencyKey(), now });
    const run = await startLesson(db.em(), { userId, lessonId, now: later(60_000) });
    expect(run.sessionId).not.toBe(first);
    await db.em().execute('update lesson_sessions set mistake_count = 7 where id = ?', [run.sessionId]);
    await playLesson(db.em(), userId, 'es-greetings-1', later(60_000));
    const again = await completeLesson(db.em(), {
      userId,
      sessionId: run.sessionId,
      idempotencyKey: newIdempotencyKey(),
      now: later(60_000),
    });
    expect(again).toMatchObject({ xpEarned: 10, score: 50 });
    const [progress] = await db
      .em()
      .execute<{ attempts: number; best_score: number }[]>(
        'select attempts, best_score from user_lesson_progress where user_id = ?',
        [userId],
      );
    expect(progress).toEqual({ attempts: 2, best_score: 100 });
  });
});
