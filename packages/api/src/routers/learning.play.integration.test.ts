import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import {
  answersOf,
  courseIdOf,
  lessonIdOf,
  useLessonContent,
} from '@questline/domain/learning/server/testing/lesson-fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';
import { fieldPathsOf } from '../testing/field-paths.ts';
import { runSnapshot } from '../testing/lesson-play.ts';

const db = useTestDatabase();
useLessonContent(db);
let courseId = 0;
let firstLessonId = 0;

beforeAll(async () => {
  courseId = await courseIdOf(db.em(), 'es-greetings-1');
  firstLessonId = await lessonIdOf(db.em(), 'es-greetings-1');
});

describe('learning.courseMap', () => {
  it("shows the course with the learner's lesson states", async () => {
    const { caller } = await signedUpLearner(db);
    const map = await caller.learning.courseMap({ courseId });
    const lessons = map.sections.flatMap((section) => section.units.flatMap((unit) => unit.lessons));
    expect(lessons[0]).toMatchObject({ id: firstLessonId, status: 'unlocked', activeSessionId: null });
    expect(lessons[1]).toMatchObject({ status: 'locked', missingPrerequisites: [firstLessonId] });
    const run = await caller.learning.start({ lessonId: firstLessonId });
    const after = await caller.learning.courseMap({ courseId });
    expect(after.sections[0]?.units[0]?.lessons[0]?.activeSessionId).toBe(run.sessionId);
  });

  it('is NOT_FOUND for an unknown course and refused to an anonymous caller', async () => {
    const { caller } = await signedUpLearner(db);
    expect((await trpcErrorOf(caller.learning.courseMap({ courseId: 987_654 }))).code).toBe('NOT_FOUND');
    const anonymous = await callerFor(db);
    expect((await trpcErrorOf(anonymous.learning.courseMap({ courseId }))).code).toBe('UNAUTHORIZED');
  });
});

describe('learning.start, active and session', () => {
  it('hands out the exercises without their answers', async () => {
    const { caller } = await signedUpLearner(db);
    const run = await caller.learning.start({ lessonId: firstLessonId });
    expect(run).toMatchObject({ status: 'active', resumed: false, hearts: { hearts: 5 } });
    const wire = JSON.stringify(run);
    for (const key of [
      'correctAnswer',
      'alternateAnswers',
      'isCorrect',
      'transcript',
      'expected',
      'hints"',
    ]) {
      expect(wire).not.toContain(key);
    }
    // Typed answers (translation, listening) must not appear anywhere in what the player gets.
    for (const known of await answersOf(db.em(), firstLessonId)) {
      const exercise = run.exercises.find((candidate) => candidate.id === known.exerciseId);
      expect(exercise).toBeDefined();
      if (known.type === 'translation' || known.type === 'listening') {
        expect(JSON.stringify(exercise)).not.toContain(known.correctAnswer);
      }
    }
  });

  it('resumes the active run: start again, active and session all show it', async () => {
    const { caller } = await signedUpLearner(db);
    expect(await caller.learning.active({ lessonId: firstLessonId })).toBeNull();
    const run = await caller.learning.start({ lessonId: firstLessonId });
    const [known] = await answersOf(db.em(), firstLessonId);
    if (!known) throw new Error('the lesson has no exercises');
    await caller.learning.answer({
      sessionId: run.sessionId,
      exerciseId: known.exerciseId,
      answer: known.right,
      timeSpentMs: 1_000,
    });
    const expected = { sessionId: run.sessionId, answeredCorrectly: [known.exerciseId], correctCount: 1 };
    expect(await caller.learning.start({ lessonId: firstLessonId })).toMatchObject({
      ...expected,
      resumed: true,
    });
    expect(await caller.learning.active({ lessonId: firstLessonId })).toMatchObject(expected);
    expect(await caller.learning.session({ sessionId: run.sessionId })).toMatchObject({
      ...expected,
      status: 'active',
    });
  });

  it('refuses a locked lesson with the prerequisites missing', async () => {
    const { caller } = await signedUpLearner(db);
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-2');
    const error = await trpcErrorOf(caller.learning.start({ lessonId }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.cause).toMatchObject({
      code: 'LESSON_LOCKED',
      details: { missing: [{ lessonId: firstLessonId }] },
    });
  });
});

describe('learning.answer, hint and skip', () => {
  it('checks answers, costs a heart for a wrong one and reveals the answer only then', async () => {
    const { caller } = await signedUpLearner(db);
    const run = await caller.learning.start({ lessonId: firstLessonId });
    const [first, second] = await answersOf(db.em(), firstLessonId);
    if (!first || !second) throw new Error('the lesson needs two exercises');
    const right = await caller.learning.answer({
      sessionId: run.sessionId,
      exerciseId: first.exerciseId,
      answer: first.right,
      timeSpentMs: 2_000,
    });
    expect(right).toMatchObject({ correct: true, typo: false, hearts: { hearts: 5 } });
    expect(right).not.toHaveProperty('expected');
    const wrong = await caller.learning.answer({
      sessionId: run.sessionId,
      exerciseId: second.exerciseId,
      answer: second.wrong,
      timeSpentMs: 2_000,
    });
    expect(wrong).toMatchObject({ correct: false, expected: second.correctAnswer, hearts: { hearts: 4 } });
    expect(wrong.remainingRequired).toBe(right.remainingRequired);
  });

  it('reveals hints one at a time and logs a skip without cost', async () => {
    const { caller } = await signedUpLearner(db);
    const run = await caller.learning.start({ lessonId: firstLessonId });
    const exercise = run.exercises.find((candidate) => candidate.hintCount > 0);
    if (!exercise) throw new Error('the lesson has no exercise with hints');
    const ids = { sessionId: run.sessionId, exerciseId: exercise.id };
    const hint = await caller.learning.hint(ids);
    expect(hint).toMatchObject({ hintsUsed: 1, hintCount: exercise.hintCount });
    expect(hint.hint).toEqual(expect.any(String));
    const before = await runSnapshot(db, run.sessionId);
    const skipped = await caller.learning.skip({ ...ids, timeSpentMs: 500 });
    expect(skipped.remainingRequired).toBe(run.exercises.filter((candidate) => candidate.required).length);
    expect(await runSnapshot(db, run.sessionId)).toEqual({
      ...before,
      interactions: Number(before?.interactions) + 1,
    });
  });

  it('refuses bad input with its field path and writes nothing', async () => {
    const { caller } = await signedUpLearner(db);
    const run = await caller.learning.start({ lessonId: firstLessonId });
    const text = run.exercises.find((candidate) => candidate.content.type === 'translation');
    if (!text) throw new Error('the lesson needs a translation exercise');
    const before = await runSnapshot(db, run.sessionId);
    const base = { sessionId: run.sessionId, exerciseId: text.id, answer: 'hola', timeSpentMs: 1_000 };
    const cases: [() => Promise<unknown>, (string | number)[]][] = [
      [() => caller.learning.answer({ ...base, timeSpentMs: -1 }), ['timeSpentMs']],
      [() => caller.learning.answer({ ...base, sessionId: 0 }), ['sessionId']],
      // Pairs for a typed exercise: the service refuses the shape before any heart is at stake.
      [() => caller.learning.answer({ ...base, answer: [{ left: 'hola', right: 'hello' }] }), ['answer']],
      [() => caller.learning.answer({ ...base, answer: 'x'.repeat(501) }), ['answer']],
      [() => caller.learning.skip({ ...base, timeSpentMs: 1e12 }), ['timeSpentMs']],
      [() => caller.learning.hint({ sessionId: run.sessionId, exerciseId: -5 }), ['exerciseId']],
    ];
    for (const [call, path] of cases) {
      const error = await trpcErrorOf(call());
      expect(error.code).toBe('BAD_REQUEST');
      expect(fieldPathsOf(error)[0]).toEqual(path);
    }
    expect(await runSnapshot(db, run.sessionId)).toEqual(before);
  });

  it('answers NOT_FOUND for an exercise of another lesson', async () => {
    const { caller } = await signedUpLearner(db);
    const run = await caller.learning.start({ lessonId: firstLessonId });
    const [other] = await answersOf(db.em(), await lessonIdOf(db.em(), 'es-greetings-2'));
    const error = await trpcErrorOf(
      caller.learning.answer({
        sessionId: run.sessionId,
        exerciseId: Number(other?.exerciseId),
        answer: 'x',
        timeSpentMs: 1,
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(error.cause).toMatchObject({ code: 'EXERCISE_NOT_IN_LESSON' });
  });
});

describe("another learner's run", () => {
  it('can be neither read nor played by someone else, and stays as it was', async () => {
    const owner = await signedUpLearner(db);
    const other = await signedUpLearner(db);
    const run = await owner.caller.learning.start({ lessonId: firstLessonId });
    const [known] = await answersOf(db.em(), firstLessonId);
    if (!known) throw new Error('the lesson has no exercises');
    const ids = { sessionId: run.sessionId, exerciseId: known.exerciseId };
    const before = await runSnapshot(db, run.sessionId);
    const attempts = [
      () => other.caller.learning.session({ sessionId: run.sessionId }),
      () => other.caller.learning.answer({ ...ids, answer: known.wrong, timeSpentMs: 1_000 }),
      () => other.caller.learning.hint(ids),
      () => other.caller.learning.skip(ids),
    ];
    for (const attempt of attempts) {
      const error = await trpcErrorOf(attempt());
      expect(error.code).toBe('NOT_FOUND');
      expect(error.cause).toMatchObject({ code: 'SESSION_NOT_FOUND' });
    }
    // Their own view of the lesson knows nothing of the owner's run.
    expect(await other.caller.learning.active({ lessonId: firstLessonId })).toBeNull();
    expect(await runSnapshot(db, run.sessionId)).toEqual(before);
    expect(await owner.caller.learning.session({ sessionId: run.sessionId })).toMatchObject({
      answeredCorrectly: [],
      mistakeCount: 0,
    });
  });
});
