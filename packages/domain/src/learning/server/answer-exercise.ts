import type { EntityManager } from '@mikro-orm/postgresql';
import { readHearts, requireHeart, takeHeart } from '../../game/server/hearts.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { answerFitsType, checkAnswer, type ExerciseAnswer } from '../universal/check-answer.ts';
import { answerExerciseInputSchema, type AnswerExerciseInput } from '../universal/lesson-inputs.ts';
import type { AnswerResult } from '../universal/lesson-views.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { findRunExercise } from './find-lesson-exercise.ts';
import { findMissingRequired } from './lesson-rows.ts';

export interface AnswerExercise extends AnswerExerciseInput {
  readonly userId: number;
  readonly now: Date;
}

/** Pairs are logged in their canonical text form, as the course stores the answer. */
const answerText = (answer: ExerciseAnswer): string =>
  typeof answer === 'string' ? answer : answer.map((pair) => `${pair.left}=${pair.right}`).join('|');

/**
 * Checks an answer in the learner's own active run. Every attempt is logged; a wrong answer
 * costs a heart (one accepted with a typo costs none); the run's counters move atomically. The
 * run's row is locked, so answers in one run and its completion are serialised. Answering needs
 * a heart (HEARTS_EMPTY otherwise): at 0 the learner waits or refills, as at the start.
 */
export async function answerExercise(em: EntityManager, input: AnswerExercise): Promise<AnswerResult> {
  const { sessionId, exerciseId, answer, timeSpentMs } = parseInput(answerExerciseInputSchema, {
    sessionId: input.sessionId,
    exerciseId: input.exerciseId,
    answer: input.answer,
    timeSpentMs: input.timeSpentMs,
  });
  const { userId, now } = input;
  return em.transactional(async (tx) => {
    const { session, exercise } = await findRunExercise(tx, userId, sessionId, exerciseId);
    if (!answerFitsType(exercise.type, answer)) {
      throw new DomainError(
        'ANSWER_SHAPE_INVALID',
        'BAD_INPUT',
        `A ${exercise.type} exercise takes a text answer`,
        {
          path: ['answer'],
        },
      );
    }
    await requireHeart(tx, userId, now);
    const check = checkAnswer(exercise, answer);
    await tx.execute(
      `update lesson_sessions set correct_count = correct_count + ?, mistake_count = mistake_count + ? where id = ?`,
      [check.correct ? 1 : 0, check.correct ? 0 : 1, session.id],
    );
    await tx.execute(
      `insert into user_exercise_interactions
         (user_id, exercise_id, lesson_id, lesson_session_id, kind, answer_given, is_correct, is_typo, time_spent_ms, occurred_at)
       values (?, ?, ?, ?, 'attempt', ?, ?, ?, ?, ?)`,
      [
        userId,
        exercise.id,
        session.lessonId,
        session.id,
        answerText(answer),
        check.correct,
        check.typo,
        timeSpentMs,
        now,
      ],
    );
    const hearts = check.correct
      ? await readHearts(tx, userId, now)
      : await takeHeart(
          tx,
          userId,
          now,
          `wrong answer to exercise ${exercise.id} in lesson session ${session.id}`,
        );
    const remaining = await findMissingRequired(tx, session);
    return {
      correct: check.correct,
      typo: check.typo,
      ...(!check.correct || check.typo ? { expected: check.expected } : {}),
      remainingRequired: remaining.length,
      hearts: {
        hearts: hearts.hearts,
        max: hearts.max,
        regenFrom: hearts.regenFrom,
        nextHeartAt: hearts.nextHeartAt,
        regenerated: hearts.regenerated,
      },
    };
  });
}
