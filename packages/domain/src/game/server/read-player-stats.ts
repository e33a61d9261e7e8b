import type { EntityManager } from '@mikro-orm/postgresql';
import { HIGH_SCORE_QUIZ_PERCENTAGE, type PlayerStats } from '../universal/criteria.ts';

interface StatsRow {
  quizzes_completed: number;
  perfect_quizzes: number;
  high_score_quizzes: number;
  correct_answers: number;
  study_streak: number;
  level: number;
  quizzes_by_exam: Record<string, number> | null;
  lessons_completed: number;
  xp_total: number;
  longest_habit_streak: number;
  habit_completions: number;
  daily_goals_met: number;
}

/** Everything the achievement and badge criteria measure, in one round trip. */
export async function readPlayerStats(em: EntityManager, userId: number): Promise<PlayerStats> {
  const [row] = await em.execute<StatsRow[]>(
    `select
        (select count(*)::int from quiz_attempts where user_id = p.user_id) as quizzes_completed,
        (select count(*)::int from quiz_attempts where user_id = p.user_id and correct_answers = total_questions) as perfect_quizzes,
        (select count(*)::int from quiz_attempts where user_id = p.user_id and score_percentage >= ${HIGH_SCORE_QUIZ_PERCENTAGE}) as high_score_quizzes,
        (select count(*)::int from user_answers where user_id = p.user_id and is_correct) as correct_answers,
        p.study_streak_current as study_streak,
        p.level,
        (select jsonb_object_agg(exam_type, n) from (
           select exam_type, count(*)::int as n from quiz_attempts where user_id = p.user_id group by exam_type) e) as quizzes_by_exam,
        p.total_lessons_completed as lessons_completed,
        p.xp as xp_total,
        (select coalesce(max(s.longest_streak), 0)::int from habit_streaks s join habits h on h.id = s.habit_id
          where h.user_id = p.user_id) as longest_habit_streak,
        p.total_habit_completions as habit_completions,
        (select count(*)::int from user_daily_xp where user_id = p.user_id and goal_met) as daily_goals_met
       from user_profiles p where p.user_id = ?`,
    [userId],
  );
  if (!row) throw new Error(`user ${userId} has no game profile`);
  return {
    quizzesCompleted: row.quizzes_completed,
    perfectQuizzes: row.perfect_quizzes,
    highScoreQuizzes: row.high_score_quizzes,
    correctAnswers: row.correct_answers,
    studyStreak: row.study_streak,
    level: row.level,
    quizzesByExam: row.quizzes_by_exam ?? {},
    lessonsCompleted: row.lessons_completed,
    xpTotal: row.xp_total,
    sessionsCompleted: row.lessons_completed + row.quizzes_completed,
    longestHabitStreak: row.longest_habit_streak,
    habitCompletions: row.habit_completions,
    dailyGoalsMet: row.daily_goals_met,
  };
}
