import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  attachExerciseInputSchema,
  lessonExerciseInputSchema,
  reorderLessonExercisesInputSchema,
  setExerciseRequiredInputSchema,
  type AttachExerciseInput,
  type LessonExerciseChange,
  type LessonExerciseInput,
  type ReorderLessonExercisesInput,
  type SetExerciseRequiredInput,
} from '../universal/admin-exercises.ts';
import type { Reordered } from '../../shared/universal/admin-fields.ts';
import { CATALOG_VIOLATIONS, notFound } from './admin-catalog-errors.ts';
import { reorderOrdered } from './admin-ordered-content.ts';
import { childIds, claimPosition, closeGap, EXERCISES_OF_LESSON, lockParent } from './positions.ts';

// An exercise's place in lessons. Taking one out of a lesson keeps the exercise and every learner's
// attempts at it (their lesson link is kept too); it is how used content is retired.

const notInLesson = () =>
  new DomainError('EXERCISE_NOT_IN_LESSON', 'NOT_FOUND', 'The exercise is not part of this lesson', {
    path: ['exerciseId'],
  });

function lessonAudit(action: string, lessonId: number, before: object, after: object) {
  return { action, entityType: 'lesson', entityId: lessonId, before, after };
}

/** Puts an existing exercise into a lesson too (at `position`, or last). */
export async function attachExercise(
  em: EntityManager,
  actor: AdminActor,
  raw: AttachExerciseInput,
): Promise<LessonExerciseChange> {
  const input = parseInput(attachExerciseInputSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await lockParent(tx, EXERCISES_OF_LESSON, input.lessonId);
      const found = await tx.execute('select id from exercises where id = ? for key share', [
        input.exerciseId,
      ]);
      if (!found.length) throw notFound('EXERCISE', 'exerciseId');
      const before = await childIds(tx, EXERCISES_OF_LESSON, input.lessonId);
      const position = await claimPosition(tx, EXERCISES_OF_LESSON, input.lessonId, input.position);
      await tx.execute(
        'insert into lesson_exercises (lesson_id, exercise_id, position, is_required) values (?, ?, ?, ?)',
        [input.lessonId, input.exerciseId, position, input.isRequired],
      );
      const after = await childIds(tx, EXERCISES_OF_LESSON, input.lessonId);
      return {
        result: { lessonId: input.lessonId, exerciseId: input.exerciseId, changed: true },
        audit: lessonAudit(
          'lesson.attach_exercise',
          input.lessonId,
          { exerciseIds: before },
          { exerciseIds: after },
        ),
      };
    },
    CATALOG_VIOLATIONS,
  );
}

/** Takes an exercise out of a lesson; the exercise and learners' attempts stay. */
export async function detachExercise(
  em: EntityManager,
  actor: AdminActor,
  raw: LessonExerciseInput,
): Promise<LessonExerciseChange> {
  const input = parseInput(lessonExerciseInputSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await lockParent(tx, EXERCISES_OF_LESSON, input.lessonId);
      const before = await childIds(tx, EXERCISES_OF_LESSON, input.lessonId);
      const [removed] = await tx.execute<{ position: number }[]>(
        'delete from lesson_exercises where lesson_id = ? and exercise_id = ? returning position',
        [input.lessonId, input.exerciseId],
      );
      if (!removed) throw notInLesson();
      await closeGap(tx, EXERCISES_OF_LESSON, input.lessonId, removed.position);
      const after = before.filter((id) => id !== input.exerciseId);
      return {
        result: { ...input, changed: true },
        audit: lessonAudit(
          'lesson.detach_exercise',
          input.lessonId,
          { exerciseIds: before },
          { exerciseIds: after },
        ),
      };
    },
    CATALOG_VIOLATIONS,
  );
}

/** Whether learners must answer the exercise to finish the lesson. */
export async function setExerciseRequired(
  em: EntityManager,
  actor: AdminActor,
  raw: SetExerciseRequiredInput,
): Promise<LessonExerciseChange> {
  const input = parseInput(setExerciseRequiredInputSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      const [row] = await tx.execute<{ is_required: boolean }[]>(
        'select is_required from lesson_exercises where lesson_id = ? and exercise_id = ? for no key update',
        [input.lessonId, input.exerciseId],
      );
      if (!row) throw notInLesson();
      const changed = row.is_required !== input.isRequired;
      if (changed) {
        await tx.execute(
          'update lesson_exercises set is_required = ? where lesson_id = ? and exercise_id = ?',
          [input.isRequired, input.lessonId, input.exerciseId],
        );
      }
      const state = (isRequired: boolean) => ({ exerciseId: input.exerciseId, isRequired });
      return {
        result: { lessonId: input.lessonId, exerciseId: input.exerciseId, changed },
        audit: changed
          ? lessonAudit(
              'lesson.set_exercise_required',
              input.lessonId,
              state(row.is_required),
              state(input.isRequired),
            )
          : null,
      };
    },
    CATALOG_VIOLATIONS,
  );
}

export function reorderLessonExercises(
  em: EntityManager,
  actor: AdminActor,
  raw: ReorderLessonExercisesInput,
): Promise<Reordered> {
  const input = parseInput(reorderLessonExercisesInputSchema, raw);
  return reorderOrdered(em, actor, EXERCISES_OF_LESSON, input.lessonId, input.orderedIds);
}
