import { HIGH_SCORE_QUIZ_PERCENTAGE, type Criteria, type CriteriaType } from '../universal/criteria.ts';

export interface MeasureQuery {
  /** Selects `(user_id, measure)`: each learner's value of the rule's measure, one row per user. */
  readonly sql: string;
  readonly params: readonly unknown[];
}

const fromProfile = (column: string) => `select user_id, ${column} as measure from user_profiles`;
const countPerUser = (table: string, filter = 'true') =>
  `select user_id, count(*)::int as measure from ${table} where ${filter} group by user_id`;

// The same measures readPlayerStats reads for one learner (criteriaMeasure maps them), here for
// every learner at once, so a rule is evaluated over the whole population in one statement.
// Learners with no rows for a count measure 0, and every rule needs at least 1, so they can be left out.
const MEASURES: Record<Exclude<CriteriaType, 'exam_specific'>, string> = {
  quiz_completed: countPerUser('quiz_attempts'),
  perfect_quiz: countPerUser('quiz_attempts', 'correct_answers = total_questions'),
  high_score_quiz: countPerUser('quiz_attempts', `score_percentage >= ${HIGH_SCORE_QUIZ_PERCENTAGE}`),
  correct_answers: countPerUser('user_answers', 'is_correct'),
  study_streak: fromProfile('study_streak_current'),
  level_reached: fromProfile('level'),
  lessons_completed: fromProfile('total_lessons_completed'),
  xp_total: fromProfile('xp'),
  sessions_completed: `select p.user_id, p.total_lessons_completed + coalesce(q.n, 0) as measure
      from user_profiles p
      left join (select user_id, count(*)::int as n from quiz_attempts group by user_id) q on q.user_id = p.user_id`,
  habit_streak: `select h.user_id, max(s.longest_streak) as measure
      from habit_streaks s join habits h on h.id = s.habit_id group by h.user_id`,
  habit_completions: fromProfile('total_habit_completions'),
  daily_goal_met: countPerUser('user_daily_xp', 'goal_met'),
};

export function criteriaMeasureQuery(criteria: Criteria): MeasureQuery {
  if (criteria.type === 'exam_specific') {
    return { sql: countPerUser('quiz_attempts', 'exam_type = ?'), params: [criteria.examType ?? null] };
  }
  return { sql: MEASURES[criteria.type], params: [] };
}

/**
 * Selects `(user_id, measure)` for every learner with a game profile who meets the rule now;
 * the profile join keeps it to the learners awardUnlocks would consider.
 */
export function qualifyingLearnersQuery(criteria: Criteria): MeasureQuery {
  const measure = criteriaMeasureQuery(criteria);
  return {
    sql: `select m.user_id, m.measure from (${measure.sql}) m
            join user_profiles qualifying_profile on qualifying_profile.user_id = m.user_id
           where m.measure >= ?`,
    params: [...measure.params, criteria.value],
  };
}
