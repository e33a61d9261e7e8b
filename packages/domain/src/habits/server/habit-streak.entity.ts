import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Habit } from './habit.entity.ts';

// Kept incrementally on each check-in, always equal to a recomputation from the completions
// (`streakStateOf`, `storedStrengthOf` in habits/universal). Nothing here depends on the day it is
// read: whether the run is still current, and today's decayed strength, follow from today on read
// (`currentStreakOn`, `strengthOn`), so a stored row never goes stale overnight.
export const HabitStreak = defineEntity({
  name: 'HabitStreak',
  tableName: 'habit_streaks',
  properties: (p) => ({
    habit: p.oneToOne(Habit).primary().deleteRule('cascade').owner(),
    /** The run of met periods ending at the latest met one: the current streak while that period is today's or the previous one. */
    currentStreak: p.integer().default(0),
    longestStreak: p.integer().default(0),
    /** The latest day that met the goal (weekly habits: the latest completed day of the latest met week). */
    lastCompletionDate: p.date().nullable(),
    /** 0–100 right after the latest met period: rises with check-ins, decays with misses. */
    strength: p.double().default(0),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  checks: [
    { name: 'habit_streaks_current_non_negative', expression: 'current_streak >= 0' },
    { name: 'habit_streaks_longest_at_least_current', expression: 'longest_streak >= current_streak' },
    {
      name: 'habit_streaks_strength_range',
      expression: 'strength >= 0::double precision and strength <= 100::double precision',
    },
  ],
});
export type HabitStreak = InferEntity<typeof HabitStreak>;
