import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Unit } from './unit.entity.ts';

export const Lesson = defineEntity({
  name: 'Lesson',
  tableName: 'lessons',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    unit: p.manyToOne(Unit).deleteRule('cascade'),
    position: p.integer(),
    /** Stable identifier of shipped content, so seeding updates in place. */
    key: p.string().length(100).unique('lessons_key_unique'),
    title: p.string().length(200),
    description: p.text().default(''),
    xpReward: p.integer(),
    estimatedMinutes: p.integer(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [
    { properties: ['unit', 'position'], name: 'lessons_unit_position_unique', deferMode: 'immediate' },
  ],
  checks: [
    { name: 'lessons_position_non_negative', expression: 'position >= 0' },
    { name: 'lessons_xp_reward_positive', expression: 'xp_reward > 0' },
    { name: 'lessons_estimated_minutes_positive', expression: 'estimated_minutes > 0' },
  ],
});
export type Lesson = InferEntity<typeof Lesson>;
