import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Course } from './course.entity.ts';

export const Section = defineEntity({
  name: 'Section',
  tableName: 'sections',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    course: p.manyToOne(Course).deleteRule('cascade'),
    position: p.integer(),
    title: p.string().length(200),
    description: p.text().default(''),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  // Deferrable, so a reorder can swap two positions inside one transaction.
  uniques: [
    { properties: ['course', 'position'], name: 'sections_course_position_unique', deferMode: 'immediate' },
  ],
  checks: [{ name: 'sections_position_non_negative', expression: 'position >= 0' }],
});
export type Section = InferEntity<typeof Section>;
