import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { HABIT_GOAL_TYPES } from '../universal/habit-goals.ts';

export const Habit = defineEntity({
  name: 'Habit',
  tableName: 'habits',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade').index('habits_user_id_index'),
    name: p.string().length(100),
    description: p.text().nullable(),
    category: p.string().length(50).nullable(),
    goalType: p.enum([...HABIT_GOAL_TYPES]).default('daily'),
    /** daily: value per day; weekly: completed days per ISO week; custom: value per scheduled day. */
    targetValue: p.integer().default(1),
    /** Custom schedules only: ISO weekdays as bits (Monday = 1 … Sunday = 64). */
    scheduleMask: p.smallint().nullable(),
    archivedAt: p.datetime().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  checks: [
    { name: 'habits_target_value_positive', expression: 'target_value > 0' },
    {
      name: 'habits_schedule_only_for_custom',
      expression: `(goal_type = 'custom') = (schedule_mask is not null)`,
    },
    { name: 'habits_schedule_mask_range', expression: 'schedule_mask >= 1 and schedule_mask <= 127' },
  ],
});
export type Habit = InferEntity<typeof Habit>;
