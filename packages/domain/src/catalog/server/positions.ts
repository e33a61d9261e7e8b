import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, reorderMismatch, type CatalogThing } from './admin-catalog-errors.ts';

// Ordered children of one parent (sections of a course, exercises of a lesson …). Positions are
// unique per parent through DEFERRABLE keys, which PostgreSQL checks at the end of each statement:
// every move below is one UPDATE, so shifting a run of positions never collides half-way.

export interface OrderedChildren {
  readonly table: 'sections' | 'units' | 'lessons' | 'lesson_exercises';
  /** The column naming the child within its parent (`id`, or `exercise_id` for a link table). */
  readonly idColumn: 'id' | 'exercise_id';
  readonly parentColumn: 'course_id' | 'section_id' | 'unit_id' | 'lesson_id';
  readonly parentTable: 'courses' | 'sections' | 'units' | 'lessons';
  readonly parent: CatalogThing;
  /** The input field naming the parent, and the parent's audit entity type. */
  readonly parentPath: 'courseId' | 'sectionId' | 'unitId' | 'lessonId';
  readonly parentType: 'course' | 'section' | 'unit' | 'lesson';
  /** What a child is called in messages. */
  readonly childName: string;
}

export const SECTIONS_OF_COURSE: OrderedChildren = {
  table: 'sections',
  idColumn: 'id',
  parentColumn: 'course_id',
  parentTable: 'courses',
  parent: 'COURSE',
  parentPath: 'courseId',
  parentType: 'course',
  childName: 'section',
};
export const UNITS_OF_SECTION: OrderedChildren = {
  table: 'units',
  idColumn: 'id',
  parentColumn: 'section_id',
  parentTable: 'sections',
  parent: 'SECTION',
  parentPath: 'sectionId',
  parentType: 'section',
  childName: 'unit',
};
export const LESSONS_OF_UNIT: OrderedChildren = {
  table: 'lessons',
  idColumn: 'id',
  parentColumn: 'unit_id',
  parentTable: 'units',
  parent: 'UNIT',
  parentPath: 'unitId',
  parentType: 'unit',
  childName: 'lesson',
};
export const EXERCISES_OF_LESSON: OrderedChildren = {
  table: 'lesson_exercises',
  idColumn: 'exercise_id',
  parentColumn: 'lesson_id',
  parentTable: 'lessons',
  parent: 'LESSON',
  parentPath: 'lessonId',
  parentType: 'lesson',
  childName: 'exercise',
};

/**
 * Locks the parent (so concurrent edits of its children queue up) and fails with its NOT_FOUND
 * error when it does not exist.
 */
export async function lockParent(em: EntityManager, spec: OrderedChildren, parentId: number) {
  const rows = await em.execute(`select id from ${spec.parentTable} where id = ? for no key update`, [
    parentId,
  ]);
  if (!rows.length) throw notFound(spec.parent, spec.parentPath);
}

/** Makes room at `wanted` (appending when omitted or past the end); returns the free position. */
export async function claimPosition(
  em: EntityManager,
  spec: OrderedChildren,
  parentId: number,
  wanted: number | undefined,
): Promise<number> {
  const [row] = await em.execute<{ next: number }[]>(
    `select coalesce(max(position) + 1, 0) as next from ${spec.table} where ${spec.parentColumn} = ?`,
    [parentId],
  );
  const next = Number(row?.next ?? 0);
  if (wanted === undefined || wanted >= next) return next;
  await em.execute(
    `update ${spec.table} set position = position + 1 where ${spec.parentColumn} = ? and position >= ?`,
    [parentId, wanted],
  );
  return wanted;
}

/** Closes the gap a removed child left, so positions stay 0..n−1. */
export async function closeGap(em: EntityManager, spec: OrderedChildren, parentId: number, position: number) {
  await em.execute(
    `update ${spec.table} set position = position - 1 where ${spec.parentColumn} = ? and position > ?`,
    [parentId, position],
  );
}

/** The children's ids in their current order. */
export async function childIds(
  em: EntityManager,
  spec: OrderedChildren,
  parentId: number,
): Promise<number[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select ${spec.idColumn} as id from ${spec.table} where ${spec.parentColumn} = ? order by position`,
    [parentId],
  );
  return rows.map((row) => Number(row.id));
}

/**
 * Puts the children in the given order (positions 0..n−1) in one statement. The list must name
 * every child exactly once. Returns the order before and after, for the audit trail.
 */
export async function reorderChildren(
  em: EntityManager,
  spec: OrderedChildren,
  parentId: number,
  orderedIds: readonly number[],
): Promise<{ before: number[]; after: number[] }> {
  const before = await childIds(em, spec, parentId);
  const known = new Set(before);
  if (orderedIds.length !== before.length || !orderedIds.every((id) => known.has(id))) {
    throw reorderMismatch(spec.childName);
  }
  await em.execute(
    `update ${spec.table} t set position = wanted.ordinality - 1
       from jsonb_array_elements_text(?::jsonb) with ordinality as wanted(child_id, ordinality)
      where t.${spec.parentColumn} = ? and t.${spec.idColumn} = wanted.child_id::bigint
        and t.position <> wanted.ordinality - 1`,
    [JSON.stringify(orderedIds), parentId],
  );
  return { before, after: [...orderedIds] };
}
