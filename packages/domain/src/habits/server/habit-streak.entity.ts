import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Habit } from './habit.entity.ts';

// Kept incrementally on each check-in, always equal to a recomputation from the completions.
export const HabitStreak = defineEntity({
  name: 'HabitStreak',
  tableName: 'habit_streaks',
  properties: (p) => ({
    habit: p.oneToOne(Habit).primary().deleteRule('cascade').owner(),
    currentStreak: p.integer().default(0),
    longestStreak: p.integer().default(0),
    lastCompletionDate: p.date().nullable(),
    /** 0–100: rises with check-ins, decays with misses. */
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
