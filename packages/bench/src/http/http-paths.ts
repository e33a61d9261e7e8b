import type { HttpPath } from './http-path.ts';
import { checkInHabitHttpPath } from './paths/check-in-habit.ts';
import { completeLessonHttpPath } from './paths/complete-lesson.ts';
import { habitDashboardHttpPath } from './paths/habit-dashboard.ts';
import { leaderboardHttpPath } from './paths/leaderboard.ts';
import { playerSummaryHttpPath } from './paths/player-summary.ts';
import { reactionsTabHttpPath } from './paths/reactions-tab.ts';
import { submitQuizHttpPath } from './paths/submit-quiz.ts';

// The hot paths through HTTP + tRPC + auth; each beside the raw server doing the same SQL.
export const HTTP_PATHS: readonly HttpPath[] = [
  completeLessonHttpPath,
  submitQuizHttpPath,
  checkInHabitHttpPath,
  leaderboardHttpPath,
  habitDashboardHttpPath,
  reactionsTabHttpPath,
  playerSummaryHttpPath,
];
