import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../catalog/server/seed-catalog.ts';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import { answerExercise } from './answer-exercise.ts';
import { startLesson } from './start-lesson.ts';
import { answersOf, lessonIdOf, newLearner, rejection } from './testing/lesson-fixtures.ts';

const db = useTestDatabase();
const HOUR = 60 * 60 * 1000;
const now = new Date('2026-03-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

beforeAll(async () => {
  await seedCatalog(db.em());
});
afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

async function countRows(table: string, userId: number): Promise<number> {
  const [row] = await db
    .em()
    .execute<{ n: number }[]>(`select count(*)::int as n from ${table} where user_id = ?`, [userId]);
  return row?.n ?? 0;
}

describe('startLesson', () => {
  it('starts a run with the exercises in order and none of their answers', async () => {
    const userId = await newLearner(db.em(), now);
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
    const run = await startLesson(db.em(), { userId, lessonId, now });

    expect(run).toMatchObject({
      status: 'active',
      resumed: false,
      startedAt: now,
      lesson: { id: lessonId, key: 'es-greetings-1', xpReward: 10 },
      answeredCorrectly: [],
      correctCount: 0,
      mistakeCount: 0,
      hearts: { hearts: 5, max: 5 },
    });
    expect(run.exercises.map((e) => e.content.type)).toEqual([
      'multiple_choice',
      'translation',
      'listening',
      'match_pairs',
      'fill_blank',
      'speaking',
      'sort_words',
    ]);
    expect(run.exercises.map((e) => e.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const wire = JSON.stringify(run);
    for (const secret of [
      'isCorrect',
      'is_correct',
      'correctAnswer',
      'alternate',
      'transcript',
      'Hola, buenos días.',
    ]) {
      expect(wire).not.toContain(secret);
    }
    expect(wire).not.toContain('hola=hello');
    const pairs = run.exercises[3]?.content;
    expect(pairs).toMatchObject({ type: 'match_pairs' });
    if (pairs?.type === 'match_pairs') {
      expect([...pairs.left].sort()).toEqual(['adiós', 'buenas noches', 'buenos días', 'hola']);
      expect(pairs.right).toHaveLength(4);
      // Shuffled: the sides never line up as the answer.
      const lined = pairs.left.map((left, i) => `${left}=${pairs.right[i]}`).join('|');
      expect(lined).not.toBe('hola=hello|adiós=goodbye|buenos días=good morning|buenas noches=good night');
    }
    const listening = run.exercises[2]?.content;
    expect(listening).toMatchObject({
      type: 'listening',
      audio: [{ quality: 'low' }, { quality: 'medium' }, { quality: 'high' }],
    });

    const [progress] = await db
      .em()
      .execute<{ status: string }[]>('select status from user_lesson_progress where user_id = ?', [userId]);
    expect(progress?.status).toBe('in_progress');
    expect(await countRows('user_courses', userId)).toBe(1);
  });

  it('resumes the active run, with what is already answered and the same shuffles', async () => {
    const userId = await newLearner(db.em(), now);
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
    const first = await startLesson(db.em(), { userId, lessonId, now });
    const [known] = await answersOf(db.em(), lessonId);
    if (!known) throw new Error('the lesson has exercises');
    await answerExercise(db.em(), {
      userId,
      sessionId: first.sessionId,
      exerciseId: known.exerciseId,
      answer: known.right,
      timeSpentMs: 3000,
      now,
    });

    const again = await startLesson(db.em(), { userId, lessonId, now: later(HOUR) });
    expect(again).toMatchObject({
      sessionId: first.sessionId,
      resumed: true,
      answeredCorrectly: [known.exerciseId],
      correctCount: 1,
    });
    expect(again.exercises).toEqual(first.exercises);
  });

  it('starts one run when ten starts race', async () => {
    const userId = await newLearner(db.em(), now);
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
    const runs = await Promise.all(
      Array.from({ length: 10 }, () => startLesson(db.em(), { userId, lessonId, now })),
    );
    expect(new Set(runs.map((run) => run.sessionId)).size).toBe(1);
    expect(runs.filter((run) => !run.resumed)).toHaveLength(1);
    expect(await countRows('lesson_sessions', userId)).toBe(1);
  });

  it('refuses a locked lesson, naming the prerequisites missing, and writes nothing', async () => {
    const userId = await newLearner(db.em(), now);
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-2');
    const error = await rejection(startLesson(db.em(), { userId, lessonId, now }));
    expect(error).toMatchObject({ code: 'LESSON_LOCKED', kind: 'PRECONDITION_FAILED' });
    expect(error.details.missing).toEqual([
      {
        lessonId: await lessonIdOf(db.em(), 'es-greetings-1'),
        key: 'es-greetings-1',
        title: 'Hello and goodbye',
      },
    ]);
    expect(await countRows('lesson_sessions', userId)).toBe(0);
    expect(await countRows('user_lesson_progress', userId)).toBe(0);
  });

  it('refuses at 0 hearts with when the next heart comes, and starts once one is back', async () => {
    const userId = await newLearner(db.em(), now);
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
    await db
      .em()
      .execute('update user_profiles set hearts = 0, hearts_regen_from = ? where user_id = ?', [now, userId]);

    const error = await rejection(startLesson(db.em(), { userId, lessonId, now: later(3 * HOUR) }));
    expect(error).toMatchObject({ code: 'HEARTS_EMPTY', kind: 'PRECONDITION_FAILED' });
    expect(error.details.nextHeartAt).toEqual(later(4 * HOUR));
    expect(await countRows('lesson_sessions', userId)).toBe(0);

    const run = await startLesson(db.em(), { userId, lessonId, now: later(4 * HOUR) });
    expect(run.hearts).toMatchObject({ hearts: 1, nextHeartAt: later(8 * HOUR) });
  });

  it('refuses an unknown lesson and bad input, writing nothing', async () => {
    const userId = await newLearner(db.em(), now);
    expect(await rejection(startLesson(db.em(), { userId, lessonId: 999_999, now }))).toMatchObject({
      code: 'LESSON_NOT_FOUND',
      kind: 'NOT_FOUND',
    });
    for (const lessonId of [0, -1, 1.5, Number.NaN]) {
      const error = await rejection(startLesson(db.em(), { userId, lessonId, now }));
      expect(error).toMatchObject({ code: 'BAD_INPUT', kind: 'BAD_INPUT', details: { path: ['lessonId'] } });
    }
    expect(await countRows('lesson_sessions', userId)).toBe(0);
  });
});
