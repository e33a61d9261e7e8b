import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { Habit } from './habit.entity.ts';

// One row per habit and day. `user_id` is denormalised so the table can be distributed by user.
export const HabitCompletion = defineEntity({
  name: 'HabitCompletion',
  tableName: 'habit_completions',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    habit: p.manyToOne(Habit).deleteRule('cascade'),
    user: p.manyToOne(User).deleteRule('cascade'),
    completionDate: p.date(),
    value: p.integer().default(1),
    notes: p.text().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [{ properties: ['habit', 'completionDate'], name: 'habit_completions_habit_date_unique' }],
  // A learner's check-ins across all habits for a date range (the dashboard's week) in one range scan.
  indexes: [{ properties: ['user', 'completionDate'], name: 'habit_completions_user_date_index' }],
  checks: [{ name: 'habit_completions_value_non_negative', expression: 'value >= 0' }],
});
export type HabitCompletion = InferEntity<typeof HabitCompletion>;
