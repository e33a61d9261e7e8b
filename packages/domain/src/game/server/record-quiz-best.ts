import type { EntityManager } from '@mikro-orm/postgresql';
import type { ExamType } from '../../quiz/universal/exam-types.ts';

export interface QuizBest {
  readonly userId: number;
  readonly examType: ExamType;
  /** The attempt's stored percentage. */
  readonly score: number;
  readonly reachedAt: Date;
}

/**
 * Raises the learner's best-score standing for the exam, in the caller's transaction. Only a
 * strictly better score moves it: an equal one keeps the first `reached_at`, so ties go to
 * whoever reached the score first. Returns true when the standing moved.
 */
export async function recordQuizBest(em: EntityManager, best: QuizBest): Promise<boolean> {
  const moved = await em.execute<{ user_id: string }[]>(
    `insert into leaderboard_standings (board, scope, user_id, score, reached_at) values ('quiz_best', ?, ?, ?, ?)
     on conflict (board, scope, user_id) do update
       set score = excluded.score, reached_at = excluded.reached_at
     where excluded.score > leaderboard_standings.score
     returning user_id`,
    [best.examType, best.userId, best.score, best.reachedAt],
  );
  return moved.length > 0;
}
