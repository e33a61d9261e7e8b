import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../catalog/server/seed-catalog.ts';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { seedGameContent } from '../../game/server/seed-game-content.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { answerExercise } from './answer-exercise.ts';
import { completeLesson } from './complete-lesson.ts';
import { getActiveLesson } from './resume-lesson.ts';
import { startLesson } from './start-lesson.ts';
import {
  answersOf,
  lessonIdOf,
  newIdempotencyKey,
  newLearner,
  playLesson,
} from './testing/lesson-fixtures.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');
const HOUR = 3_600_000;

beforeAll(async () => {
  await seedCatalog(db.em());
  await seedGameContent(db.em());
});
afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

describe('getActiveLesson', () => {
  it('is null before a run, then gives back the run as it was after a reload', async () => {
    const userId = await newLearner(db.em(), now);
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
    expect(await getActiveLesson(db.em(), userId, lessonId, now)).toBeNull();

    const run = await startLesson(db.em(), { userId, lessonId, now });
    const [right, wrong] = await answersOf(db.em(), lessonId);
    if (!right || !wrong) throw new Error('the lesson has exercises');
    for (const [known, answer] of [
      [right, right.right],
      [wrong, wrong.wrong],
    ] as const) {
      await answerExercise(db.em(), {
        userId,
        sessionId: run.sessionId,
        exerciseId: known.exerciseId,
        answer,
        timeSpentMs: 1,
        now,
      });
    }

    const resumed = await getActiveLesson(db.em(), userId, lessonId, new Date(now.getTime() + HOUR));
    expect(resumed).toMatchObject({
      sessionId: run.sessionId,
      resumed: true,
      status: 'active',
      answeredCorrectly: [right.exerciseId],
      correctCount: 1,
      mistakeCount: 1,
      hearts: { hearts: 4, nextHeartAt: new Date(now.getTime() + 4 * HOUR) },
    });
    expect(resumed?.exercises).toEqual(run.exercises);
  });

  it('is null for another learner and after the run is completed', async () => {
    const userId = await newLearner(db.em(), now);
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
    const sessionId = await playLesson(db.em(), userId, 'es-greetings-1', now);
    const other = await newLearner(db.em(), now);
    expect(await getActiveLesson(db.em(), other, lessonId, now)).toBeNull();
    expect((await getActiveLesson(db.em(), userId, lessonId, now))?.sessionId).toBe(sessionId);

    await completeLesson(db.em(), { userId, sessionId, idempotencyKey: newIdempotencyKey(), now });
    expect(await getActiveLesson(db.em(), userId, lessonId, now)).toBeNull();
  });

  it('refuses an unknown lesson and bad input', async () => {
    const userId = await newLearner(db.em(), now);
    await expect(getActiveLesson(db.em(), userId, 999_999, now)).rejects.toMatchObject({
      code: 'LESSON_NOT_FOUND',
    });
    const error = await getActiveLesson(db.em(), userId, -3, now).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_INPUT', details: { path: ['lessonId'] } });
  });
});
