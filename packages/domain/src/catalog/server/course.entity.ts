import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Language } from './language.entity.ts';

export const Course = defineEntity({
  name: 'Course',
  tableName: 'courses',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    fromLanguage: p.manyToOne(Language).index('courses_from_language_id_index'),
    toLanguage: p.manyToOne(Language).index('courses_to_language_id_index'),
    title: p.string().length(200),
    description: p.text().default(''),
    isPublished: p.boolean().default(false),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [{ properties: ['fromLanguage', 'toLanguage'], name: 'courses_from_to_unique' }],
  checks: [{ name: 'courses_languages_differ', expression: 'from_language_id <> to_language_id' }],
});
export type Course = InferEntity<typeof Course>;
