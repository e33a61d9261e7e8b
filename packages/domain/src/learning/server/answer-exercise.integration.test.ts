import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../catalog/server/seed-catalog.ts';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import type { DomainError } from '../../shared/universal/domain-error.ts';
import { answerExercise, type AnswerExercise } from './answer-exercise.ts';
import { startLesson } from './start-lesson.ts';
import { answersOf, type KnownAnswer, lessonIdOf, newLearner, rejection } from './testing/lesson-fixtures.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');

beforeAll(async () => {
  await seedCatalog(db.em());
});
afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

/** A learner with an active run of es-greetings-1 and its answers by exercise type. */
async function startedRun() {
  const userId = await newLearner(db.em(), now);
  const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
  const run = await startLesson(db.em(), { userId, lessonId, now });
  const answers = await answersOf(db.em(), lessonId);
  const of = (type: KnownAnswer['type']): KnownAnswer => {
    const known = answers.find((answer) => answer.type === type);
    if (!known) throw new Error(`es-greetings-1 has a ${type} exercise`);
    return known;
  };
  const answer = (known: KnownAnswer, given: AnswerExercise['answer'], extra: Partial<AnswerExercise> = {}) =>
    answerExercise(db.em(), {
      userId,
      sessionId: run.sessionId,
      exerciseId: known.exerciseId,
      answer: given,
      timeSpentMs: 2500,
      now,
      ...extra,
    });
  return { userId, lessonId, run, of, answer };
}

async function stateOf(userId: number, sessionId: number) {
  const [row] = await db
    .em()
    .execute<{ hearts: number; correct: number; mistakes: number; interactions: number; lost: number }[]>(
      `select p.hearts, s.correct_count as correct, s.mistake_count as mistakes,
            (select count(*)::int from user_exercise_interactions where lesson_session_id = s.id) as interactions,
            (select count(*)::int from user_hearts_log where user_id = p.user_id and action = 'lost') as lost
       from lesson_sessions s join user_profiles p on p.user_id = s.user_id where s.id = ? and s.user_id = ?`,
      [sessionId, userId],
    );
  return row;
}

describe('answerExercise', () => {
  it('accepts a right answer: logged with the run, counted, no heart spent, no answer revealed', async () => {
    const { userId, run, of, answer } = await startedRun();
    const result = await answer(of('translation'), ' buenos DÍAS! ');
    expect(result).toEqual({
      correct: true,
      typo: false,
      remainingRequired: 6,
      hearts: expect.objectContaining({ hearts: 5 }),
    });
    const [row] = await db
      .em()
      .execute<{ kind: string; answer_given: string; is_correct: boolean; time_spent_ms: number }[]>(
        'select kind, answer_given, is_correct, time_spent_ms from user_exercise_interactions where lesson_session_id = ?',
        [run.sessionId],
      );
    expect(row).toEqual({
      kind: 'attempt',
      answer_given: ' buenos DÍAS! ',
      is_correct: true,
      time_spent_ms: 2500,
    });
    expect(await stateOf(userId, run.sessionId)).toMatchObject({ hearts: 5, correct: 1, mistakes: 0 });
  });

  it('costs a heart for a wrong answer and shows the expected one', async () => {
    const { userId, run, of, answer } = await startedRun();
    const result = await answer(of('multiple_choice'), 'Adiós');
    expect(result).toMatchObject({ correct: false, typo: false, expected: 'Hola', hearts: { hearts: 4 } });
    expect(await stateOf(userId, run.sessionId)).toMatchObject({
      hearts: 4,
      correct: 0,
      mistakes: 1,
      lost: 1,
    });
  });

  it('accepts a typo (a missing accent) without costing a heart, and says so', async () => {
    const { userId, run, of, answer } = await startedRun();
    const result = await answer(of('listening'), 'hola, buenos dias');
    expect(result).toMatchObject({
      correct: true,
      typo: true,
      expected: 'Hola, buenos días.',
      hearts: { hearts: 5 },
    });
    const [row] = await db
      .em()
      .execute<{ is_typo: boolean }[]>(
        'select is_typo from user_exercise_interactions where lesson_session_id = ?',
        [run.sessionId],
      );
    expect(row?.is_typo).toBe(true);
    expect(await stateOf(userId, run.sessionId)).toMatchObject({ hearts: 5, correct: 1, lost: 0 });
  });

  it('accepts match pairs in any order', async () => {
    const { of, answer } = await startedRun();
    const pairs = of('match_pairs');
    expect(await answer(pairs, pairs.right)).toMatchObject({ correct: true });
    expect(await answer(pairs, pairs.wrong)).toMatchObject({ correct: false, expected: pairs.correctAnswer });
  });

  it('never takes hearts below 0 under 10 concurrent wrong answers', async () => {
    const { userId, run, of, answer } = await startedRun();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => answer(of('translation'), 'no sé')),
    );
    const answered = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(answered).toHaveLength(5);
    expect(refused.map((error: DomainError) => error.code)).toEqual(Array(5).fill('HEARTS_EMPTY'));
    expect(await stateOf(userId, run.sessionId)).toMatchObject({
      hearts: 0,
      mistakes: 5,
      interactions: 5,
      lost: 5,
    });
  });

  it('is NOT_FOUND in another learner’s run, changing nothing', async () => {
    const { userId, run, of } = await startedRun();
    const intruder = await newLearner(db.em(), now);
    const error = await rejection(
      answerExercise(db.em(), {
        userId: intruder,
        sessionId: run.sessionId,
        exerciseId: of('translation').exerciseId,
        answer: 'x',
        timeSpentMs: 1,
        now,
      }),
    );
    expect(error).toMatchObject({ code: 'SESSION_NOT_FOUND', kind: 'NOT_FOUND' });
    expect(await stateOf(userId, run.sessionId)).toMatchObject({ interactions: 0, mistakes: 0 });
  });

  it('refuses an exercise of another lesson and bad input, changing nothing', async () => {
    const { userId, run, of, answer } = await startedRun();
    const [foreign] = await answersOf(db.em(), await lessonIdOf(db.em(), 'es-food-1'));
    if (!foreign) throw new Error('es-food-1 has exercises');
    expect(await rejection(answer(foreign, foreign.right))).toMatchObject({ code: 'EXERCISE_NOT_IN_LESSON' });
    const badInputs: [AnswerExercise['answer'], Partial<AnswerExercise>, string][] = [
      ['x'.repeat(501), {}, 'answer'],
      ['x', { timeSpentMs: -1 }, 'timeSpentMs'],
      ['x', { timeSpentMs: 1.5 }, 'timeSpentMs'],
      ['x', { sessionId: 0 }, 'sessionId'],
    ];
    for (const [given, extra, field] of badInputs) {
      const error = await rejection(answer(of('translation'), given, extra));
      expect(error).toMatchObject({ code: 'BAD_INPUT', kind: 'BAD_INPUT' });
      expect(error.details.path?.[0]).toBe(field);
    }
    const shape = await rejection(answer(of('translation'), [{ left: 'a', right: 'b' }]));
    expect(shape).toMatchObject({ code: 'ANSWER_SHAPE_INVALID', details: { path: ['answer'] } });
    expect(await stateOf(userId, run.sessionId)).toMatchObject({
      hearts: 5,
      interactions: 0,
      correct: 0,
      mistakes: 0,
    });
  });

  it('refuses an answer at 0 hearts, with when the next heart comes', async () => {
    const { userId, of, answer } = await startedRun();
    await db
      .em()
      .execute('update user_profiles set hearts = 0, hearts_regen_from = ? where user_id = ?', [now, userId]);
    const error = await rejection(answer(of('translation'), 'Buenos días'));
    expect(error).toMatchObject({
      code: 'HEARTS_EMPTY',
      details: { nextHeartAt: new Date(now.getTime() + 4 * 3_600_000) },
    });
  });

  it('refuses an answer in a run that is no longer active', async () => {
    const { run, of, answer } = await startedRun();
    await db.em().execute(`update lesson_sessions set status = 'abandoned' where id = ?`, [run.sessionId]);
    expect(await rejection(answer(of('translation'), 'Buenos días'))).toMatchObject({
      code: 'SESSION_NOT_ACTIVE',
      kind: 'CONFLICT',
    });
  });
});
