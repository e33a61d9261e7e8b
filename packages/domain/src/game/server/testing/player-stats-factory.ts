import type { EntityManager } from '@mikro-orm/postgresql';
import type { ExamType } from '../../../quiz/universal/exam-types.ts';
import { grantXp } from '../grant-xp.ts';

export interface StatsSpec {
  /** Attempts with their answers (one stored answer per question). */
  readonly quizzes?: readonly {
    readonly examType: ExamType;
    readonly total: number;
    readonly correct: number;
  }[];
  readonly studyStreak?: number;
  readonly lessonsCompleted?: number;
  readonly habitCompletions?: number;
  /** One habit per entry, with that longest streak. */
  readonly habitLongestStreaks?: readonly number[];
  readonly dailyGoalsMet?: number;
  /** Granted through the ledger, so the level follows and the ledger stays balanced. */
  readonly xp?: number;
}

/**
 * Gives a learner exactly the stats the achievement criteria measure, straight in the tables,
 * without playing: fast, and any combination is reachable.
 */
export async function giveStats(
  em: EntityManager,
  userId: number,
  spec: StatsSpec,
  now: Date,
): Promise<void> {
  for (const quiz of spec.quizzes ?? []) {
    const [attempt] = await em.execute<{ id: string }[]>(
      `insert into quiz_attempts (user_id, exam_type, total_questions, correct_answers, score_percentage, completed_at)
       values (?, ?, ?, ?, ?, ?) returning id`,
      [userId, quiz.examType, quiz.total, quiz.correct, (quiz.correct / quiz.total) * 100, now],
    );
    await em.execute(
      `insert into user_answers (user_id, quiz_attempt_id, user_answer, correct_answer, is_correct, answered_at)
       select ?, ?, case when n <= ? then 'A' else 'B' end, 'A', n <= ?, ? from generate_series(1, ?) n`,
      [userId, attempt?.id, quiz.correct, quiz.correct, now, quiz.total],
    );
  }
  const streak = spec.studyStreak ?? 0;
  await em.execute(
    `update user_profiles set study_streak_current = ?, study_streak_longest = greatest(study_streak_longest, ?),
            total_lessons_completed = ?, total_habit_completions = ?, total_exams_taken = ?
      where user_id = ?`,
    [
      streak,
      streak,
      spec.lessonsCompleted ?? 0,
      spec.habitCompletions ?? 0,
      spec.quizzes?.length ?? 0,
      userId,
    ],
  );
  for (const longest of spec.habitLongestStreaks ?? []) {
    await em.execute(
      `with h as (insert into habits (user_id, name, created_at, updated_at) values (?, 'Stats habit', ?, ?) returning id)
       insert into habit_streaks (habit_id, current_streak, longest_streak, updated_at) select id, 0, ?, ? from h`,
      [userId, now, now, longest, now],
    );
  }
  await em.execute(
    `insert into user_daily_xp (user_id, local_date, xp, goal, goal_met)
     select ?, date '2020-01-01' + n, 20, 20, true from generate_series(1, ?) n`,
    [userId, spec.dailyGoalsMet ?? 0],
  );
  if (spec.xp) {
    await grantXp(em, {
      userId,
      amount: spec.xp,
      source: 'admin',
      idempotencyKey: `test-stats:${userId}`,
      occurredAt: now,
      timeZone: 'UTC',
    });
  }
}
