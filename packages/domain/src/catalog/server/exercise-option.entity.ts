import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Exercise } from './exercise.entity.ts';

// A multiple-choice exercise has exactly one correct option: at most one through the partial
// unique index below, at least one through a deferred constraint trigger (see the migration).
export const ExerciseOption = defineEntity({
  name: 'ExerciseOption',
  tableName: 'exercise_options',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    exercise: p.manyToOne(Exercise).deleteRule('cascade'),
    position: p.integer(),
    text: p.text(),
    isCorrect: p.boolean().default(false),
  }),
  uniques: [
    {
      properties: ['exercise', 'position'],
      name: 'exercise_options_exercise_position_unique',
      deferMode: 'immediate',
    },
    {
      name: 'exercise_options_one_correct',
      expression:
        'create unique index "exercise_options_one_correct" on "exercise_options" ("exercise_id") where "is_correct"',
    },
  ],
  checks: [{ name: 'exercise_options_position_non_negative', expression: 'position >= 0' }],
});
export type ExerciseOption = InferEntity<typeof ExerciseOption>;
