import type { BenchPath } from './context.ts';
import { checkInHabitPath } from './paths/check-in-habit.ts';
import { completeLessonPath } from './paths/complete-lesson.ts';
import { habitDashboardPath } from './paths/habit-dashboard.ts';
import { leaderboardPath } from './paths/leaderboard.ts';
import { reactionsTabPath } from './paths/reactions-tab.ts';
import { submitQuizPath } from './paths/submit-quiz.ts';

// Every hot path the issue names; each compares the service with raw `pg` doing the same work.
export const BENCH_PATHS: readonly BenchPath[] = [
  completeLessonPath,
  submitQuizPath,
  checkInHabitPath,
  leaderboardPath,
  habitDashboardPath,
  reactionsTabPath,
];
