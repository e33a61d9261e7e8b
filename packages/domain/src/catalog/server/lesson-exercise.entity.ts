import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Exercise } from './exercise.entity.ts';
import { Lesson } from './lesson.entity.ts';

export const LessonExercise = defineEntity({
  name: 'LessonExercise',
  tableName: 'lesson_exercises',
  properties: (p) => ({
    lesson: p.manyToOne(Lesson).primary().deleteRule('cascade'),
    exercise: p
      .manyToOne(Exercise)
      .primary()
      .deleteRule('cascade')
      .index('lesson_exercises_exercise_id_index'),
    position: p.integer(),
    isRequired: p.boolean().default(true),
  }),
  uniques: [
    {
      properties: ['lesson', 'position'],
      name: 'lesson_exercises_lesson_position_unique',
      deferMode: 'immediate',
    },
  ],
  checks: [{ name: 'lesson_exercises_position_non_negative', expression: 'position >= 0' }],
});
export type LessonExercise = InferEntity<typeof LessonExercise>;
