import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CRITERIA_TYPES,
  criteriaProgress,
  criteriaSchema,
  type Criteria,
  type PlayerStats,
} from './criteria.ts';

const stats: PlayerStats = {
  quizzesCompleted: 12,
  perfectQuizzes: 2,
  highScoreQuizzes: 5,
  correctAnswers: 300,
  studyStreak: 9,
  level: 6,
  quizzesByExam: { security: 4, a1101: 1 },
  lessonsCompleted: 15,
  xpTotal: 1234,
  sessionsCompleted: 27,
  longestHabitStreak: 21,
  habitCompletions: 80,
  dailyGoalsMet: 7,
};

describe('criteriaProgress', () => {
  it.each<[Criteria, number, boolean]>([
    [{ type: 'quiz_completed', value: 10 }, 10, true],
    [{ type: 'perfect_quiz', value: 5 }, 2, false],
    [{ type: 'high_score_quiz', value: 5 }, 5, true],
    [{ type: 'correct_answers', value: 250 }, 250, true],
    [{ type: 'study_streak', value: 30 }, 9, false],
    [{ type: 'level_reached', value: 5 }, 5, true],
    [{ type: 'exam_specific', value: 10, examType: 'security' }, 4, false],
    [{ type: 'exam_specific', value: 1, examType: 'network' }, 0, false],
    [{ type: 'lessons_completed', value: 10 }, 10, true],
    [{ type: 'xp_total', value: 10_000 }, 1234, false],
    [{ type: 'sessions_completed', value: 25 }, 25, true],
    [{ type: 'habit_streak', value: 21 }, 21, true],
    [{ type: 'habit_completions', value: 100 }, 80, false],
    [{ type: 'daily_goal_met', value: 7 }, 7, true],
  ])('%o shows %i and met=%s', (criteria, current, met) => {
    expect(criteriaProgress(criteria, stats)).toEqual({ current, target: criteria.value, met });
  });

  it('covers every criteria type', () => {
    expect(new Set(CRITERIA_TYPES).size).toBe(13);
  });

  it('is met exactly when the measure reaches the target, and never shows more than the target', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CRITERIA_TYPES.filter((t) => t !== 'exam_specific')),
        fc.nat(1000),
        fc.integer({ min: 1, max: 1000 }),
        (type, measure, value) => {
          const progress = criteriaProgress(
            { type, value },
            {
              ...stats,
              quizzesCompleted: measure,
              perfectQuizzes: measure,
              highScoreQuizzes: measure,
              correctAnswers: measure,
              studyStreak: measure,
              level: measure,
              lessonsCompleted: measure,
              xpTotal: measure,
              sessionsCompleted: measure,
              longestHabitStreak: measure,
              habitCompletions: measure,
              dailyGoalsMet: measure,
            },
          );
          expect(progress.met).toBe(measure >= value);
          expect(progress.current).toBe(Math.min(measure, value));
        },
      ),
    );
  });
});

describe('criteriaSchema', () => {
  it('requires an exam type exactly for exam_specific', () => {
    expect(criteriaSchema.safeParse({ type: 'exam_specific', value: 1 }).success).toBe(false);
    expect(criteriaSchema.safeParse({ type: 'quiz_completed', value: 1, examType: 'security' }).success).toBe(
      false,
    );
    expect(criteriaSchema.safeParse({ type: 'exam_specific', value: 1, examType: 'security' }).success).toBe(
      true,
    );
    expect(criteriaSchema.safeParse({ type: 'quiz_completed', value: 0 }).success).toBe(false);
  });
});
