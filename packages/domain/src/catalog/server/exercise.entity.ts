import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ExerciseType } from './exercise-type.entity.ts';

export const Exercise = defineEntity({
  name: 'Exercise',
  tableName: 'exercises',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    /** Stable identifier of shipped content, so seeding updates in place. */
    key: p.string().length(120).unique('exercises_key_unique'),
    exerciseType: p.manyToOne(ExerciseType).index('exercises_exercise_type_id_index'),
    prompt: p.text(),
    correctAnswer: p.text(),
    alternateAnswers: p.array().default([]),
    hints: p.array().default([]),
    difficulty: p.smallint(),
    timeLimitSeconds: p.integer().nullable(),
    xpOverride: p.integer().nullable(),
    /** Type-specific data: pairs, word bank, tiles, transcript … */
    content: p.json<Record<string, unknown>>().default('{}'),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  checks: [
    { name: 'exercises_difficulty_range', expression: 'difficulty >= 1 and difficulty <= 5' },
    { name: 'exercises_time_limit_positive', expression: 'time_limit_seconds > 0' },
    { name: 'exercises_xp_override_positive', expression: 'xp_override > 0' },
  ],
});
export type Exercise = InferEntity<typeof Exercise>;
