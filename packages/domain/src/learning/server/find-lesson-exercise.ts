import type { EntityManager } from '@mikro-orm/postgresql';
import type { ExerciseTypeCode } from '../../catalog/universal/exercise-types.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { CheckableExercise } from '../universal/check-answer.ts';
import { findOwnSession, sessionNotActive, type SessionRow } from './lesson-rows.ts';

export interface LessonExercise extends CheckableExercise {
  readonly id: number;
  readonly hints: readonly string[];
  readonly required: boolean;
}

/** An exercise of this lesson, with what checking needs (server-side only); NOT_FOUND otherwise. */
export async function findLessonExercise(
  em: EntityManager,
  lessonId: number,
  exerciseId: number,
): Promise<LessonExercise> {
  const [row] = await em.execute<
    {
      id: string;
      type: ExerciseTypeCode;
      correct_answer: string;
      alternate_answers: string[];
      hints: string[];
      is_required: boolean;
    }[]
  >(
    `select e.id, t.code as type, e.correct_answer, e.alternate_answers, e.hints, le.is_required
       from lesson_exercises le join exercises e on e.id = le.exercise_id
       join exercise_types t on t.id = e.exercise_type_id
      where le.lesson_id = ? and le.exercise_id = ?`,
    [lessonId, exerciseId],
  );
  if (!row) {
    throw new DomainError('EXERCISE_NOT_IN_LESSON', 'NOT_FOUND', 'This exercise is not part of the lesson', {
      path: ['exerciseId'],
    });
  }
  return {
    id: Number(row.id),
    type: row.type,
    correctAnswer: row.correct_answer,
    alternateAnswers: row.alternate_answers,
    hints: row.hints,
    required: row.is_required,
  };
}

/**
 * The learner's own ACTIVE run, locked for the rest of the transaction (answers, hints, skips
 * and the completion of one run are serialised), and the exercise of its lesson.
 */
export async function findRunExercise(
  em: EntityManager,
  userId: number,
  sessionId: number,
  exerciseId: number,
): Promise<{ session: SessionRow; exercise: LessonExercise }> {
  const session = await findOwnSession(em, userId, sessionId, true);
  if (session.status !== 'active') throw sessionNotActive(session);
  return { session, exercise: await findLessonExercise(em, session.lessonId, exerciseId) };
}
