import type { EntityManager } from '@mikro-orm/postgresql';

export type ContentScope = 'course' | 'section' | 'unit' | 'lesson';

const LESSONS_IN: Record<ContentScope, string> = {
  course: `select l.id from lessons l join units u on u.id = l.unit_id join sections s on s.id = u.section_id
            where s.course_id = ?`,
  section: 'select l.id from lessons l join units u on u.id = l.unit_id where u.section_id = ?',
  unit: 'select l.id from lessons l where l.unit_id = ?',
  lesson: 'select l.id from lessons l where l.id = ?',
};

/**
 * Locks the lessons under a piece of content (a learner cannot start one until the caller's
 * transaction ends) and tells whether any learner has progress or a run in them: deleting
 * such content would cascade their history away.
 */
export async function lockedContentHasProgress(
  em: EntityManager,
  scope: ContentScope,
  id: number,
): Promise<boolean> {
  await em.execute(`${LESSONS_IN[scope]} for update of l`, [id]);
  const [row] = await em.execute<{ used: boolean }[]>(
    `select exists (select 1 from user_lesson_progress where lesson_id in (${LESSONS_IN[scope]}))
         or exists (select 1 from lesson_sessions where lesson_id in (${LESSONS_IN[scope]})) as used`,
    [id, id],
  );
  return row?.used ?? false;
}
