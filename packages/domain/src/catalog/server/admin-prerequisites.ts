import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { byIdSchema, type ById } from '../../shared/universal/admin-fields.ts';
import {
  prerequisiteInputSchema,
  type PrerequisiteChange,
  type PrerequisiteGraph,
  type PrerequisiteInput,
} from '../universal/admin-lessons.ts';
import { topologicalOrder, wouldCreateCycle, type PrerequisiteEdge } from '../universal/prerequisites.ts';
import { CATALOG_VIOLATIONS, notFound, prerequisiteCycle } from './admin-catalog-errors.ts';

const COURSE_LESSONS = `lessons l join units u on u.id = l.unit_id join sections s on s.id = u.section_id`;

async function courseOfLesson(em: EntityManager, lessonId: number, path: string): Promise<number> {
  const [row] = await em.execute<{ course_id: string }[]>(
    `select s.course_id from ${COURSE_LESSONS} where l.id = ?`,
    [lessonId],
  );
  if (!row) throw notFound('LESSON', path);
  return Number(row.course_id);
}

async function courseEdges(em: EntityManager, courseId: number): Promise<PrerequisiteEdge<number>[]> {
  const rows = await em.execute<{ lesson_id: string; required_lesson_id: string }[]>(
    `select p.lesson_id, p.required_lesson_id from lesson_prerequisites p join ${COURSE_LESSONS} on l.id = p.lesson_id
      where s.course_id = ? order by p.lesson_id, p.required_lesson_id`,
    [courseId],
  );
  return rows.map((row) => ({
    lessonId: Number(row.lesson_id),
    requiredLessonId: Number(row.required_lesson_id),
  }));
}

const requiredOf = (edges: readonly PrerequisiteEdge<number>[], lessonId: number) =>
  edges.filter((edge) => edge.lessonId === lessonId).map((edge) => edge.requiredLessonId);

/** Both lessons in one course, the course's prerequisite edits queued, and its edges before the change. */
async function lockCourseGraph(em: EntityManager, input: PrerequisiteInput) {
  const courseId = await courseOfLesson(em, input.lessonId, 'lessonId');
  if ((await courseOfLesson(em, input.requiredLessonId, 'requiredLessonId')) !== courseId) {
    throw new DomainError(
      'PREREQUISITE_OTHER_COURSE',
      'BAD_INPUT',
      'A prerequisite must be a lesson of the same course',
      {
        path: ['requiredLessonId'],
      },
    );
  }
  // One graph edit per course at a time: two edges that are each acyclic alone cannot race into a cycle.
  await em.execute('select id from courses where id = ? for no key update', [courseId]);
  return courseEdges(em, courseId);
}

function prerequisiteAudit(action: string, lessonId: number, before: number[], after: number[]) {
  return {
    action,
    entityType: 'lesson',
    entityId: lessonId,
    before: { prerequisiteIds: before },
    after: { prerequisiteIds: after },
  };
}

/** `lessonId` will require `requiredLessonId`; refused with PREREQUISITE_CYCLE when that closes a cycle. */
export async function addPrerequisite(
  em: EntityManager,
  actor: AdminActor,
  raw: PrerequisiteInput,
): Promise<PrerequisiteChange> {
  const input = parseInput(prerequisiteInputSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      const edges = await lockCourseGraph(tx, input);
      if (wouldCreateCycle(edges, input)) throw prerequisiteCycle();
      const inserted = await tx.execute(
        `insert into lesson_prerequisites (lesson_id, required_lesson_id, created_at) values (?, ?, ?)
         on conflict do nothing returning lesson_id`,
        [input.lessonId, input.requiredLessonId, actor.now],
      );
      const before = requiredOf(edges, input.lessonId);
      const after = [...before, input.requiredLessonId].sort((a, b) => a - b);
      const changed = inserted.length > 0;
      return {
        result: { ...input, changed },
        audit: changed ? prerequisiteAudit('lesson.prerequisite_add', input.lessonId, before, after) : null,
      };
    },
    CATALOG_VIOLATIONS,
  );
}

/** Drops the edge; removing one that is not there changes nothing. */
export async function removePrerequisite(
  em: EntityManager,
  actor: AdminActor,
  raw: PrerequisiteInput,
): Promise<PrerequisiteChange> {
  const input = parseInput(prerequisiteInputSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      const edges = await lockCourseGraph(tx, input);
      const deleted = await tx.execute(
        'delete from lesson_prerequisites where lesson_id = ? and required_lesson_id = ? returning lesson_id',
        [input.lessonId, input.requiredLessonId],
      );
      const before = requiredOf(edges, input.lessonId);
      const after = before.filter((id) => id !== input.requiredLessonId);
      const changed = deleted.length > 0;
      return {
        result: { ...input, changed },
        audit: changed
          ? prerequisiteAudit('lesson.prerequisite_remove', input.lessonId, before, after)
          : null,
      };
    },
    CATALOG_VIOLATIONS,
  );
}

/** The course's lessons and prerequisite edges for the graph editor, with an order to take them in. */
export async function getPrerequisiteGraph(em: EntityManager, raw: ById): Promise<PrerequisiteGraph> {
  const { id } = parseInput(byIdSchema, raw);
  const courses = await em.execute('select id from courses where id = ?', [id]);
  if (!courses.length) throw notFound('COURSE', 'id');
  const rows = await em.execute<
    { id: string; key: string; title: string; unit_id: string; section_id: string }[]
  >(
    `select l.id, l.key, l.title, l.unit_id, u.section_id from ${COURSE_LESSONS}
      where s.course_id = ? order by s.position, u.position, l.position`,
    [id],
  );
  const nodes = rows.map((row) => ({
    lessonId: Number(row.id),
    key: row.key,
    title: row.title,
    unitId: Number(row.unit_id),
    sectionId: Number(row.section_id),
  }));
  const edges = await courseEdges(em, id);
  const inCourse = new Set(nodes.map((node) => node.lessonId));
  const order = topologicalOrder(edges, [...inCourse]).filter((lessonId) => inCourse.has(lessonId));
  return { courseId: id, nodes, edges, order };
}
