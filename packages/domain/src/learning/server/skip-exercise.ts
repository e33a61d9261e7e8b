import type { EntityManager } from '@mikro-orm/postgresql';
import { skipExerciseInputSchema, type SkipExerciseInput } from '../universal/lesson-inputs.ts';
import type { SkipResult } from '../universal/lesson-views.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { findRunExercise } from './find-lesson-exercise.ts';
import { findMissingRequired } from './lesson-rows.ts';

export interface SkipExercise extends SkipExerciseInput {
  readonly userId: number;
  readonly now: Date;
}

/**
 * Logs a `skip`: the player moves on and comes back to it (a required exercise still has to be
 * answered correctly before the lesson completes). A skip costs no heart and counts no mistake.
 */
export async function skipExercise(em: EntityManager, input: SkipExercise): Promise<SkipResult> {
  const { sessionId, exerciseId, timeSpentMs } = parseInput(skipExerciseInputSchema, {
    sessionId: input.sessionId,
    exerciseId: input.exerciseId,
    timeSpentMs: input.timeSpentMs,
  });
  return em.transactional(async (tx) => {
    const { session, exercise } = await findRunExercise(tx, input.userId, sessionId, exerciseId);
    await tx.execute(
      `insert into user_exercise_interactions
         (user_id, exercise_id, lesson_id, lesson_session_id, kind, time_spent_ms, occurred_at)
       values (?, ?, ?, ?, 'skip', ?, ?)`,
      [input.userId, exercise.id, session.lessonId, session.id, timeSpentMs ?? null, input.now],
    );
    return { remainingRequired: (await findMissingRequired(tx, session)).length };
  });
}
