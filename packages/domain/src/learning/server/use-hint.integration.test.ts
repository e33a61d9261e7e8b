import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../catalog/server/seed-catalog.ts';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import { skipExercise } from './skip-exercise.ts';
import { startLesson } from './start-lesson.ts';
import { answersOf, lessonIdOf, newLearner, rejection } from './testing/lesson-fixtures.ts';
import { useHint } from './use-hint.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');

beforeAll(async () => {
  await seedCatalog(db.em());
});
afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

/** A learner's active run of es-greetings-1 and the id of its exercise of `type`. */
async function startedRun(type: string) {
  const userId = await newLearner(db.em(), now);
  const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
  const run = await startLesson(db.em(), { userId, lessonId, now });
  const exercise = (await answersOf(db.em(), lessonId)).find((known) => known.type === type);
  if (!exercise) throw new Error(`es-greetings-1 has a ${type} exercise`);
  return { userId, sessionId: run.sessionId, exerciseId: exercise.exerciseId };
}

async function stateOf(sessionId: number) {
  const [row] = await db.em().execute<{ hearts: number; mistakes: number; kinds: string[] }[]>(
    `select p.hearts, s.mistake_count as mistakes,
            array(select kind from user_exercise_interactions where lesson_session_id = s.id order by id) as kinds
       from lesson_sessions s join user_profiles p on p.user_id = s.user_id where s.id = ?`,
    [sessionId],
  );
  return row;
}

describe('useHint', () => {
  it('reveals hints one at a time, logging each, for free', async () => {
    const input = { ...(await startedRun('translation')), now };
    expect(await useHint(db.em(), input)).toEqual({
      hint: '"días" means "days".',
      hintsUsed: 1,
      hintCount: 1,
    });
    expect(await useHint(db.em(), input)).toEqual({ hint: null, hintsUsed: 1, hintCount: 1 });
    expect(await stateOf(input.sessionId)).toEqual({ hearts: 5, mistakes: 0, kinds: ['hint'] });
  });

  it('is NOT_FOUND in another learner’s run, and refuses bad input', async () => {
    const input = { ...(await startedRun('translation')), now };
    const intruder = await newLearner(db.em(), now);
    expect(await rejection(useHint(db.em(), { ...input, userId: intruder }))).toMatchObject({
      code: 'SESSION_NOT_FOUND',
      kind: 'NOT_FOUND',
    });
    expect(await rejection(useHint(db.em(), { ...input, exerciseId: -1 }))).toMatchObject({
      code: 'BAD_INPUT',
      details: { path: ['exerciseId'] },
    });
    expect(await stateOf(input.sessionId)).toEqual({ hearts: 5, mistakes: 0, kinds: [] });
  });
});

describe('skipExercise', () => {
  it('logs a skip without a heart or a mistake; the exercise stays required', async () => {
    const input = { ...(await startedRun('sort_words')), now };
    expect(await skipExercise(db.em(), { ...input, timeSpentMs: 9000 })).toEqual({ remainingRequired: 7 });
    expect(await stateOf(input.sessionId)).toEqual({ hearts: 5, mistakes: 0, kinds: ['skip'] });
    const intruder = await newLearner(db.em(), now);
    expect(await rejection(skipExercise(db.em(), { ...input, userId: intruder }))).toMatchObject({
      code: 'SESSION_NOT_FOUND',
    });
  });
});
