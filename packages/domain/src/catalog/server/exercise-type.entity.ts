import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { EXERCISE_TYPE_CODES } from '../universal/exercise-types.ts';

export const ExerciseType = defineEntity({
  name: 'ExerciseType',
  tableName: 'exercise_types',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    code: p.enum([...EXERCISE_TYPE_CODES]).unique('exercise_types_code_unique'),
    name: p.string().length(100),
    description: p.text().default(''),
    defaultXp: p.integer(),
  }),
  checks: [{ name: 'exercise_types_default_xp_positive', expression: 'default_xp > 0' }],
});
export type ExerciseType = InferEntity<typeof ExerciseType>;
