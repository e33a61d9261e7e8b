import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Course } from '../../catalog/server/course.entity.ts';
import { User } from '../../identity/server/user.entity.ts';

// Enrolment: one row per learner and course.
export const UserCourse = defineEntity({
  name: 'UserCourse',
  tableName: 'user_courses',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    course: p.manyToOne(Course).deleteRule('cascade').index('user_courses_course_id_index'),
    xp: p.integer().default(0),
    completionPercent: p.smallint().default(0),
    startedAt: p.datetime().defaultRaw('now()'),
    lastPracticedAt: p.datetime().nullable(),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [{ properties: ['user', 'course'], name: 'user_courses_user_course_unique' }],
  checks: [
    { name: 'user_courses_xp_non_negative', expression: 'xp >= 0' },
    {
      name: 'user_courses_completion_range',
      expression: 'completion_percent >= 0 and completion_percent <= 100',
    },
  ],
});
export type UserCourse = InferEntity<typeof UserCourse>;
