import type { EntityManager } from '@mikro-orm/postgresql';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { CourseTree, LessonDetail } from '../universal/admin-course-tree.ts';
import { byIdSchema, type ById } from '../../shared/universal/admin-fields.ts';
import { notFound } from './admin-catalog-errors.ts';
import { readCourses, readLessons, readSections, readUnits } from './admin-catalog-reads.ts';
import { readLessonExercises } from './admin-exercise-reads.ts';

/** A whole course for the editor, answers included: five queries, whatever its size. */
export async function getCourseTree(em: EntityManager, raw: ById): Promise<CourseTree> {
  const { id } = parseInput(byIdSchema, raw);
  const [course] = await readCourses(em, id);
  if (!course) throw notFound('COURSE', 'id');
  const [sections, units, lessons, exercises] = await Promise.all([
    readSections(em, 's.course_id = ?', [id]),
    readUnits(em, 's.course_id = ?', [id]),
    readLessons(em, 's.course_id = ?', [id]),
    readLessonExercises(em, 's.course_id = ?', [id]),
  ]);
  return {
    ...course,
    sections: sections.map((section) => ({
      ...section,
      units: units
        .filter((unit) => unit.sectionId === section.id)
        .map((unit) => ({
          ...unit,
          lessons: lessons
            .filter((lesson) => lesson.unitId === unit.id)
            .map((lesson) => ({ ...lesson, exercises: exercises.get(lesson.id) ?? [] })),
        })),
    })),
  };
}

/** One lesson with its prerequisites and exercises, answers included. */
export async function getLessonDetail(em: EntityManager, raw: ById): Promise<LessonDetail> {
  const { id } = parseInput(byIdSchema, raw);
  const [lesson] = await readLessons(em, 'l.id = ?', [id]);
  if (!lesson) throw notFound('LESSON', 'id');
  const exercises = await readLessonExercises(em, 'l.id = ?', [id]);
  return { ...lesson, exercises: exercises.get(id) ?? [] };
}
