export const HABIT_GOAL_TYPES = ['daily', 'weekly', 'custom'] as const;
export type HabitGoalType = (typeof HABIT_GOAL_TYPES)[number];

/** Bit `1 << (isoWeekday - 1)`: Monday = 1, Sunday = 64; a custom schedule is a non-empty mask. */
export const ALL_WEEKDAYS_MASK = 0b1111111;
