import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedCatalog } from '../../catalog/server/seed-catalog.ts';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { seedGameContent } from '../../game/server/seed-game-content.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import type { CourseMap, CourseMapLesson } from '../universal/course-map.ts';
import { completeLesson } from './complete-lesson.ts';
import { getCourseMap } from './get-course-map.ts';
import { startLesson } from './start-lesson.ts';
import {
  courseIdOf,
  lessonIdOf,
  newIdempotencyKey,
  newLearner,
  playLesson,
} from './testing/lesson-fixtures.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');

beforeAll(async () => {
  await seedCatalog(db.em());
  await seedGameContent(db.em());
});
afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

const lessonsOf = (map: CourseMap): CourseMapLesson[] =>
  map.sections.flatMap((section) => section.units.flatMap((unit) => unit.lessons));
const byKey = (map: CourseMap, key: string): CourseMapLesson | undefined =>
  lessonsOf(map).find((lesson) => lesson.key === key);

describe('getCourseMap', () => {
  it('shows a new learner the first lesson open and every other locked', async () => {
    const userId = await newLearner(db.em(), now);
    const courseId = await courseIdOf(db.em(), 'es-greetings-1');
    const map = await getCourseMap(db.em(), userId, courseId);

    expect(map).toMatchObject({ courseId, title: 'Spanish for English speakers', completionPercent: 0 });
    expect(map.sections.map((s) => s.position)).toEqual(map.sections.map((_, i) => i));
    const lessons = lessonsOf(map);
    expect(lessons).toHaveLength(12);
    expect(lessons.map((l) => l.status)).toEqual(['unlocked', ...Array(11).fill('locked')]);
    expect(byKey(map, 'es-greetings-2')?.missingPrerequisites).toEqual([
      await lessonIdOf(db.em(), 'es-greetings-1'),
    ]);
  });

  it('follows the learner: completed, unlocked next, resumable run, best score', async () => {
    const userId = await newLearner(db.em(), now);
    const courseId = await courseIdOf(db.em(), 'es-greetings-1');
    const sessionId = await playLesson(db.em(), userId, 'es-greetings-1', now);
    await completeLesson(db.em(), { userId, sessionId, idempotencyKey: newIdempotencyKey(), now });
    const run = await startLesson(db.em(), {
      userId,
      lessonId: await lessonIdOf(db.em(), 'es-greetings-2'),
      now,
    });

    const map = await getCourseMap(db.em(), userId, courseId);
    expect(map.completionPercent).toBe(8);
    expect(byKey(map, 'es-greetings-1')).toMatchObject({
      status: 'completed',
      bestScore: 100,
      activeSessionId: null,
    });
    expect(byKey(map, 'es-greetings-2')).toMatchObject({
      status: 'unlocked',
      missingPrerequisites: [],
      activeSessionId: run.sessionId,
      bestScore: null,
    });
    expect(byKey(map, 'es-greetings-3')).toMatchObject({ status: 'locked' });
    // Another learner's progress is not theirs.
    const other = await getCourseMap(db.em(), await newLearner(db.em(), now), courseId);
    expect(byKey(other, 'es-greetings-1')?.status).toBe('unlocked');
  });

  it('reads the whole map in two queries (no query per lesson)', async () => {
    const userId = await newLearner(db.em(), now);
    const courseId = await courseIdOf(db.em(), 'es-greetings-1');
    const em = db.em();
    const execute = vi.spyOn(em, 'execute');
    await getCourseMap(em, userId, courseId);
    expect(execute).toHaveBeenCalledTimes(2);
  });

  it('refuses an unknown course and bad input', async () => {
    const userId = await newLearner(db.em(), now);
    await expect(getCourseMap(db.em(), userId, 999_999)).rejects.toMatchObject({
      code: 'COURSE_NOT_FOUND',
      kind: 'NOT_FOUND',
    });
    await expect(getCourseMap(db.em(), userId, 0)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { path: ['courseId'] },
    });
  });
});
