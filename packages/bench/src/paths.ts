import type { BenchPath } from './context.ts';
import { habitDashboardPath } from './paths/habit-dashboard.ts';
import { leaderboardPath } from './paths/leaderboard.ts';
import { reactionsTabPath } from './paths/reactions-tab.ts';

// Every hot path the issue names; each compares the service with raw `pg` doing the same work.
export const BENCH_PATHS: readonly BenchPath[] = [leaderboardPath, habitDashboardPath, reactionsTabPath];
