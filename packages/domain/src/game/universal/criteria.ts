// One criteria vocabulary for achievements and badges (DESIGN §4): after each event the user's
// stats are read once and every rule newly met is awarded once.
import { z } from 'zod';
import { EXAM_TYPES } from '../../quiz/universal/exam-types.ts';

export const CRITERIA_TYPES = [
  'quiz_completed',
  'perfect_quiz',
  'high_score_quiz',
  'correct_answers',
  'study_streak',
  'level_reached',
  'exam_specific',
  'lessons_completed',
  'xp_total',
  'sessions_completed',
  'habit_streak',
  'habit_completions',
  'daily_goal_met',
] as const;
export type CriteriaType = (typeof CRITERIA_TYPES)[number];

/** A high_score_quiz counts quizzes scored at least this (percent). */
export const HIGH_SCORE_QUIZ_PERCENTAGE = 90;

export const criteriaSchema = z
  .object({
    type: z.enum(CRITERIA_TYPES),
    value: z.number().int().positive(),
    /** Only for `exam_specific`: which exam's quizzes count. */
    examType: z.enum(EXAM_TYPES).optional(),
  })
  .refine((criteria) => (criteria.type === 'exam_specific') === (criteria.examType !== undefined), {
    message: 'exam_specific needs an exam type, and only it takes one',
    path: ['examType'],
  });
export type Criteria = z.infer<typeof criteriaSchema>;

/** What the criteria are measured against, read for a learner in one query. */
export interface PlayerStats {
  readonly quizzesCompleted: number;
  readonly perfectQuizzes: number;
  readonly highScoreQuizzes: number;
  readonly correctAnswers: number;
  readonly studyStreak: number;
  readonly level: number;
  readonly quizzesByExam: Readonly<Partial<Record<(typeof EXAM_TYPES)[number], number>>>;
  readonly lessonsCompleted: number;
  readonly xpTotal: number;
  /** Completed lessons and quizzes. */
  readonly sessionsCompleted: number;
  readonly longestHabitStreak: number;
  readonly habitCompletions: number;
  readonly dailyGoalsMet: number;
}

/** The learner's current value for a criteria's measure (e.g. 7 of a 10-quiz rule). */
export function criteriaMeasure(criteria: Criteria, stats: PlayerStats): number {
  switch (criteria.type) {
    case 'quiz_completed':
      return stats.quizzesCompleted;
    case 'perfect_quiz':
      return stats.perfectQuizzes;
    case 'high_score_quiz':
      return stats.highScoreQuizzes;
    case 'correct_answers':
      return stats.correctAnswers;
    case 'study_streak':
      return stats.studyStreak;
    case 'level_reached':
      return stats.level;
    case 'exam_specific':
      return criteria.examType ? (stats.quizzesByExam[criteria.examType] ?? 0) : 0;
    case 'lessons_completed':
      return stats.lessonsCompleted;
    case 'xp_total':
      return stats.xpTotal;
    case 'sessions_completed':
      return stats.sessionsCompleted;
    case 'habit_streak':
      return stats.longestHabitStreak;
    case 'habit_completions':
      return stats.habitCompletions;
    case 'daily_goal_met':
      return stats.dailyGoalsMet;
  }
}

export interface CriteriaProgress {
  readonly current: number;
  readonly target: number;
  readonly met: boolean;
}

export function criteriaProgress(criteria: Criteria, stats: PlayerStats): CriteriaProgress {
  const current = criteriaMeasure(criteria, stats);
  return {
    current: Math.min(current, criteria.value),
    target: criteria.value,
    met: current >= criteria.value,
  };
}
