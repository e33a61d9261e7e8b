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
