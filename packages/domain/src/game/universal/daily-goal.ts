import { DAILY_XP_GOALS, type DailyXpGoal } from '../../identity/universal/account.ts';

// The daily goal is met when the day's XP reaches the goal in force that day (the one stored on
// the day's row when its first XP arrived), never the learner's goal of today.

export interface DailyGoalProgress {
  readonly xp: number;
  readonly goal: DailyXpGoal;
  readonly met: boolean;
  /** XP still needed today; 0 once met. */
  readonly remaining: number;
  /** 0–100, for the goal ring; capped at 100 past the goal. */
  readonly percent: number;
}

function checkInput(xp: number, goal: number): asserts goal is DailyXpGoal {
  if (!Number.isInteger(xp) || xp < 0) throw new RangeError(`xp must be an integer ≥ 0, got ${xp}`);
  if (!(DAILY_XP_GOALS as readonly number[]).includes(goal))
    throw new RangeError(`goal must be one of ${DAILY_XP_GOALS.join(', ')}, got ${goal}`);
}

export function isDailyGoalMet(xp: number, goal: number): boolean {
  checkInput(xp, goal);
  return xp >= goal;
}

export function dailyGoalProgress(xp: number, goal: number): DailyGoalProgress {
  checkInput(xp, goal);
  return {
    xp,
    goal,
    met: xp >= goal,
    remaining: Math.max(0, goal - xp),
    percent: Math.min(100, Math.floor((xp * 100) / goal)),
  };
}
