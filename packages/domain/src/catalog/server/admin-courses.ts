import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange, updateAudit } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  createCourseInputSchema,
  updateCourseInputSchema,
  type CourseView,
  type CreateCourseInput,
  type UpdateCourseInput,
} from '../universal/admin-courses.ts';
import { byIdSchema, type ById, type Deleted } from '../../shared/universal/admin-fields.ts';
import { CATALOG_VIOLATIONS, hasLearnerProgress, notFound } from './admin-catalog-errors.ts';
import { readCourses } from './admin-catalog-reads.ts';
import { insertRow, patchRow } from '../../shared/server/admin-rows.ts';
import { lockedContentHasProgress } from './learner-progress.ts';

// A course learners have enrolled in is retired by unpublishing it (`isPublished: false`):
// deleting it would cascade their enrolment and lesson progress. An unused course can be deleted.

export const listCourses = (em: EntityManager): Promise<CourseView[]> => readCourses(em);

async function requireCourse(em: EntityManager, id: number): Promise<CourseView> {
  const [course] = await readCourses(em, id);
  if (!course) throw notFound('COURSE', 'id');
  return course;
}

/** Both languages exist and differ; they stay (FOR KEY SHARE) until the transaction ends. */
async function checkLanguages(em: EntityManager, fromLanguageId: number, toLanguageId: number) {
  if (fromLanguageId === toLanguageId) {
    throw new DomainError(
      'COURSE_LANGUAGES_SAME',
      'BAD_INPUT',
      'A course teaches one language from another',
      {
        path: ['toLanguageId'],
      },
    );
  }
  const rows = await em.execute<{ id: string }[]>(
    'select id from languages where id in (?, ?) for key share',
    [fromLanguageId, toLanguageId],
  );
  for (const [id, path] of [
    [fromLanguageId, 'fromLanguageId'],
    [toLanguageId, 'toLanguageId'],
  ] as const) {
    if (!rows.some((row) => Number(row.id) === id)) throw notFound('LANGUAGE', path);
  }
}

export async function createCourse(
  em: EntityManager,
  actor: AdminActor,
  raw: CreateCourseInput,
): Promise<CourseView> {
  const input = parseInput(createCourseInputSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await checkLanguages(tx, input.fromLanguageId, input.toLanguageId);
      const id = await insertRow(tx, 'courses', {
        from_language_id: input.fromLanguageId,
        to_language_id: input.toLanguageId,
        title: input.title,
        description: input.description,
        is_published: input.isPublished,
        created_at: actor.now,
        updated_at: actor.now,
      });
      const after = await requireCourse(tx, id);
      return {
        result: after,
        audit: { action: 'course.create', entityType: 'course', entityId: id, before: null, after },
      };
    },
    CATALOG_VIOLATIONS,
  );
}

export async function updateCourse(
  em: EntityManager,
  actor: AdminActor,
  raw: UpdateCourseInput,
): Promise<CourseView> {
  const input = parseInput(updateCourseInputSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await tx.execute('select id from courses where id = ? for no key update', [input.id]);
      const before = await requireCourse(tx, input.id);
      if (input.fromLanguageId !== undefined || input.toLanguageId !== undefined) {
        await checkLanguages(
          tx,
          input.fromLanguageId ?? before.fromLanguage.id,
          input.toLanguageId ?? before.toLanguage.id,
        );
      }
      await patchRow(tx, 'courses', input.id, {
        from_language_id: input.fromLanguageId,
        to_language_id: input.toLanguageId,
        title: input.title,
        description: input.description,
        is_published: input.isPublished,
      });
      const after = await requireCourse(tx, input.id);
      return { result: after, audit: updateAudit('course.update', 'course', input.id, before, after) };
    },
    CATALOG_VIOLATIONS,
  );
}

export async function deleteCourse(em: EntityManager, actor: AdminActor, raw: ById): Promise<Deleted> {
  const { id } = parseInput(byIdSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      // FOR UPDATE also holds off new enrolments (their foreign key check needs a KEY SHARE lock).
      await tx.execute('select id from courses where id = ? for update', [id]);
      const before = await requireCourse(tx, id);
      if (before.learnerCount > 0 || (await lockedContentHasProgress(tx, 'course', id))) {
        throw hasLearnerProgress('COURSE');
      }
      await tx.execute('delete from courses where id = ?', [id]);
      return {
        result: { id, deleted: true as const },
        audit: { action: 'course.delete', entityType: 'course', entityId: id, before, after: null },
      };
    },
    CATALOG_VIOLATIONS,
  );
}
