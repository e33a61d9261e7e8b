import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Lesson } from './lesson.entity.ts';

// An edge of the prerequisite DAG: `lesson` unlocks once `requiredLesson` is completed.
// PostgreSQL refuses self-references; cycles are refused by the service on write.
export const LessonPrerequisite = defineEntity({
  name: 'LessonPrerequisite',
  tableName: 'lesson_prerequisites',
  properties: (p) => ({
    lesson: p.manyToOne(Lesson).primary().deleteRule('cascade'),
    requiredLesson: p
      .manyToOne(Lesson)
      .primary()
      .deleteRule('cascade')
      .index('lesson_prerequisites_required_lesson_id_index'),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
  checks: [{ name: 'lesson_prerequisites_not_self', expression: 'lesson_id <> required_lesson_id' }],
});
export type LessonPrerequisite = InferEntity<typeof LessonPrerequisite>;
