import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange, updateAudit } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  createExerciseInputSchema,
  listExercisesInputSchema,
  updateExerciseInputSchema,
  type AdminExerciseView,
  type CreateExerciseInput,
  type ExerciseListPage,
  type ListExercisesInput,
  type UpdateExerciseInput,
} from '../universal/admin-exercises.ts';
import { byIdSchema, type ById, type Deleted } from '../../shared/universal/admin-fields.ts';
import { CATALOG_VIOLATIONS, notFound } from './admin-catalog-errors.ts';
import { readExercises } from './admin-exercise-reads.ts';
import {
  exerciseColumns,
  replaceAudio,
  replaceOptions,
  sameAudio,
  sameOptions,
} from './admin-exercise-writes.ts';
import { insertRow, patchRow } from '../../shared/server/admin-rows.ts';
import { claimPosition, closeGap, EXERCISES_OF_LESSON, lockParent } from './positions.ts';

async function requireExercise(em: EntityManager, id: number): Promise<AdminExerciseView> {
  const [exercise] = await readExercises(em, 'e.id = ?', [id]);
  if (!exercise) throw notFound('EXERCISE', 'id');
  return exercise;
}

export async function getExercise(em: EntityManager, raw: ById): Promise<AdminExerciseView> {
  return requireExercise(em, parseInput(byIdSchema, raw).id);
}

/** The exercise bank, newest first, by a substring of key or prompt and by type; keyset pages. */
export async function listExercises(em: EntityManager, raw: ListExercisesInput): Promise<ExerciseListPage> {
  const input = parseInput(listExercisesInputSchema, raw);
  const where = ['true'];
  const params: unknown[] = [];
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push('(e.key ilike ? or e.prompt ilike ?)');
    params.push(pattern, pattern);
  }
  if (input.type) {
    where.push('t.code = ?');
    params.push(input.type);
  }
  if (input.cursor) {
    where.push('e.id < ?');
    params.push(input.cursor);
  }
  const rows = await readExercises(em, where.join(' and '), params, input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Writes a new exercise into a lesson (at `position`, or last) with its options and audio. */
export async function createExercise(
  em: EntityManager,
  actor: AdminActor,
  raw: CreateExerciseInput,
): Promise<AdminExerciseView> {
  const input = parseInput(createExerciseInputSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await lockParent(tx, EXERCISES_OF_LESSON, input.lessonId);
      const id = await insertRow(tx, 'exercises', {
        ...(await exerciseColumns(tx, input)),
        created_at: actor.now,
        updated_at: actor.now,
      });
      await replaceOptions(tx, id, input.options);
      await replaceAudio(tx, id, input.audio, actor.now);
      const position = await claimPosition(tx, EXERCISES_OF_LESSON, input.lessonId, input.position);
      await tx.execute(
        'insert into lesson_exercises (lesson_id, exercise_id, position, is_required) values (?, ?, ?, ?)',
        [input.lessonId, id, position, input.isRequired],
      );
      const after = await requireExercise(tx, id);
      return {
        result: after,
        audit: { action: 'exercise.create', entityType: 'exercise', entityId: id, before: null, after },
      };
    },
    CATALOG_VIOLATIONS,
  );
}

/** Replaces every field of an exercise; options and audio are rewritten only when they differ. */
export async function updateExercise(
  em: EntityManager,
  actor: AdminActor,
  raw: UpdateExerciseInput,
): Promise<AdminExerciseView> {
  const input = parseInput(updateExerciseInputSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await tx.execute('select id from exercises where id = ? for no key update', [input.id]);
      const before = await requireExercise(tx, input.id);
      await patchRow(tx, 'exercises', input.id, await exerciseColumns(tx, input));
      if (!sameOptions(before, input.options)) await replaceOptions(tx, input.id, input.options);
      if (!sameAudio(before, input.audio)) await replaceAudio(tx, input.id, input.audio, actor.now);
      const after = await requireExercise(tx, input.id);
      return { result: after, audit: updateAudit('exercise.update', 'exercise', input.id, before, after) };
    },
    CATALOG_VIOLATIONS,
  );
}

/**
 * Deletes an exercise no learner has tried. Deleting one with attempts would cascade away their
 * answer history, so it is refused: take it out of its lessons (`detach`) instead.
 */
export async function deleteExercise(em: EntityManager, actor: AdminActor, raw: ById): Promise<Deleted> {
  const { id } = parseInput(byIdSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      // FOR UPDATE holds off a learner's new attempt (its foreign key check needs a KEY SHARE lock).
      await tx.execute('select id from exercises where id = ? for update', [id]);
      const before = await requireExercise(tx, id);
      if (before.interactionCount > 0) {
        throw new DomainError(
          'EXERCISE_HAS_ATTEMPTS',
          'PRECONDITION_FAILED',
          'Learners have answered this exercise: take it out of its lessons instead of deleting it',
          { path: ['id'] },
        );
      }
      const places = await tx.execute<{ lesson_id: string; position: number }[]>(
        'select lesson_id, position from lesson_exercises where exercise_id = ? order by lesson_id',
        [id],
      );
      for (const place of places) await lockParent(tx, EXERCISES_OF_LESSON, Number(place.lesson_id));
      await tx.execute('delete from exercises where id = ?', [id]);
      for (const place of places)
        await closeGap(tx, EXERCISES_OF_LESSON, Number(place.lesson_id), place.position);
      return {
        result: { id, deleted: true as const },
        audit: { action: 'exercise.delete', entityType: 'exercise', entityId: id, before, after: null },
      };
    },
    CATALOG_VIOLATIONS,
  );
}
