import type { EntityManager } from '@mikro-orm/postgresql';
import { COURSE_TREE_COLUMNS, nestCourseTree, type CourseTreeRow } from '../../catalog/server/course-tree.ts';
import { missingPrerequisites } from '../../catalog/universal/prerequisites.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { lessonMapStatus, type CourseMap } from '../universal/course-map.ts';
import { courseMapInputSchema } from '../universal/lesson-inputs.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';

interface MapRow extends CourseTreeRow {
  id: string;
  key: string;
  position: number;
  title: string;
  description: string;
  xp_reward: number;
  estimated_minutes: number;
  completed: boolean;
  best_score: number | null;
  active_session_id: string | null;
  prerequisites: string[];
  /** Prerequisites the learner completed (they may lie in another course). */
  completed_prerequisites: string[];
}

/**
 * A course's sections, units and lessons with each lesson's state for the learner (locked,
 * unlocked, completed; a resumable run; best score), in two queries whatever the course's size.
 */
export async function getCourseMap(em: EntityManager, userId: number, courseId: number): Promise<CourseMap> {
  const input = parseInput(courseMapInputSchema, { courseId });
  const [course] = await em.execute<
    { title: string; description: string; completion_percent: number | null }[]
  >(
    `select c.title, c.description, uc.completion_percent
       from courses c left join user_courses uc on uc.course_id = c.id and uc.user_id = ?
      where c.id = ? and c.is_published`,
    [userId, input.courseId],
  );
  if (!course) {
    throw new DomainError('COURSE_NOT_FOUND', 'NOT_FOUND', 'There is no such course', { path: ['courseId'] });
  }
  const rows = await em.execute<MapRow[]>(
    `select ${COURSE_TREE_COLUMNS}, l.id, l.key, l.position, l.title, l.description, l.xp_reward, l.estimated_minutes,
            coalesce(ulp.status = 'completed', false) as completed, ulp.best_score,
            (select ls.id from lesson_sessions ls
              where ls.user_id = ? and ls.lesson_id = l.id and ls.status = 'active') as active_session_id,
            array(select p.required_lesson_id from lesson_prerequisites p
                   where p.lesson_id = l.id order by p.required_lesson_id) as prerequisites,
            array(select p.required_lesson_id from lesson_prerequisites p
                    join user_lesson_progress q on q.lesson_id = p.required_lesson_id and q.user_id = ?
                   where p.lesson_id = l.id and q.status = 'completed') as completed_prerequisites
       from sections s join units u on u.section_id = s.id join lessons l on l.unit_id = u.id
       left join user_lesson_progress ulp on ulp.lesson_id = l.id and ulp.user_id = ?
      where s.course_id = ?
      order by s.position, u.position, l.position`,
    [userId, userId, userId, input.courseId],
  );
  const requires = new Map(rows.map((row) => [Number(row.id), row.prerequisites.map(Number)]));
  const completed = new Set([
    ...rows.filter((row) => row.completed).map((row) => Number(row.id)),
    ...rows.flatMap((row) => row.completed_prerequisites.map(Number)),
  ]);
  return {
    courseId: input.courseId,
    title: course.title,
    description: course.description,
    completionPercent: course.completion_percent ?? 0,
    sections: nestCourseTree(rows, (row) => {
      const lessonId = Number(row.id);
      return {
        id: lessonId,
        key: row.key,
        position: row.position,
        title: row.title,
        description: row.description,
        xpReward: row.xp_reward,
        estimatedMinutes: row.estimated_minutes,
        status: lessonMapStatus(lessonId, requires, completed),
        missingPrerequisites: [...missingPrerequisites(lessonId, requires, completed)],
        activeSessionId: row.active_session_id === null ? null : Number(row.active_session_id),
        bestScore: row.best_score,
      };
    }),
  };
}
