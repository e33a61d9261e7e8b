import type { EntityManager } from '@mikro-orm/postgresql';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { byIdSchema, type ById, type Deleted, type Reordered } from '../../shared/universal/admin-fields.ts';
import {
  createLessonInputSchema,
  reorderLessonsInputSchema,
  updateLessonInputSchema,
  type CreateLessonInput,
  type LessonView,
  type ReorderLessonsInput,
  type UpdateLessonInput,
} from '../universal/admin-lessons.ts';
import { readLessons } from './admin-catalog-reads.ts';
import {
  createOrdered,
  deleteOrdered,
  reorderOrdered,
  updateOrdered,
  type OrderedContent,
} from './admin-ordered-content.ts';
import { LESSONS_OF_UNIT } from './positions.ts';

// Lessons of a unit. Deleting one drops its prerequisite edges both ways and its place in the
// lessons' exercise lists (the exercises stay); refused while learners have progress in it.

const LESSONS: OrderedContent<LessonView> = {
  children: { ...LESSONS_OF_UNIT, idColumn: 'id' },
  thing: 'LESSON',
  entityType: 'lesson',
  read: async (em, id) => (await readLessons(em, 'l.id = ?', [id]))[0],
  parentIdOf: (lesson) => lesson.unitId,
};

export function createLesson(
  em: EntityManager,
  actor: AdminActor,
  raw: CreateLessonInput,
): Promise<LessonView> {
  const input = parseInput(createLessonInputSchema, raw);
  return createOrdered(
    em,
    actor,
    LESSONS,
    { parentId: input.unitId, position: input.position },
    {
      key: input.key,
      title: input.title,
      description: input.description,
      xp_reward: input.xpReward,
      estimated_minutes: input.estimatedMinutes,
    },
  );
}

export function updateLesson(
  em: EntityManager,
  actor: AdminActor,
  raw: UpdateLessonInput,
): Promise<LessonView> {
  const input = parseInput(updateLessonInputSchema, raw);
  return updateOrdered(em, actor, LESSONS, input.id, {
    key: input.key,
    title: input.title,
    description: input.description,
    xp_reward: input.xpReward,
    estimated_minutes: input.estimatedMinutes,
  });
}

export function deleteLesson(em: EntityManager, actor: AdminActor, raw: ById): Promise<Deleted> {
  return deleteOrdered(em, actor, LESSONS, parseInput(byIdSchema, raw).id);
}

export function reorderLessons(
  em: EntityManager,
  actor: AdminActor,
  raw: ReorderLessonsInput,
): Promise<Reordered> {
  const input = parseInput(reorderLessonsInputSchema, raw);
  return reorderOrdered(em, actor, LESSONS.children, input.unitId, input.orderedIds);
}
