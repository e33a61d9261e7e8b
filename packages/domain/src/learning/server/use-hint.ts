import type { EntityManager } from '@mikro-orm/postgresql';
import { useHintInputSchema, type UseHintInput } from '../universal/lesson-inputs.ts';
import type { HintResult } from '../universal/lesson-views.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { findRunExercise } from './find-lesson-exercise.ts';

export interface UseHint extends UseHintInput {
  readonly userId: number;
  readonly now: Date;
}

/**
 * Reveals the exercise's next hint in this run and logs a `hint` interaction. Hints are free
 * (no heart, no XP change); when none is left nothing is logged.
 */
export async function useHint(em: EntityManager, input: UseHint): Promise<HintResult> {
  const { sessionId, exerciseId } = parseInput(useHintInputSchema, {
    sessionId: input.sessionId,
    exerciseId: input.exerciseId,
  });
  return em.transactional(async (tx) => {
    const { session, exercise } = await findRunExercise(tx, input.userId, sessionId, exerciseId);
    const [used] = await tx.execute<{ n: number }[]>(
      `select count(*)::int as n from user_exercise_interactions
        where lesson_session_id = ? and exercise_id = ? and kind = 'hint'`,
      [session.id, exercise.id],
    );
    const shown = used?.n ?? 0;
    const hint = exercise.hints[shown] ?? null;
    if (hint !== null) {
      await tx.execute(
        `insert into user_exercise_interactions (user_id, exercise_id, lesson_id, lesson_session_id, kind, occurred_at)
         values (?, ?, ?, ?, 'hint', ?)`,
        [input.userId, exercise.id, session.lessonId, session.id, input.now],
      );
    }
    return { hint, hintsUsed: hint === null ? shown : shown + 1, hintCount: exercise.hints.length };
  });
}
