import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  courseOutlineInputSchema,
  listCoursesInputSchema,
  type CourseOutline,
  type CourseSummary,
  type LanguageView,
  type ListCoursesInput,
} from '../universal/catalog-views.ts';
import { COURSE_TREE_COLUMNS, nestCourseTree, type CourseTreeRow } from './course-tree.ts';

// Read-only views of published content; unpublished courses do not exist for these readers.

interface LanguageColumns {
  code: string;
  english_name: string;
  native_name: string;
  flag: string;
}

const languageOf = (row: LanguageColumns): LanguageView => ({
  code: row.code,
  englishName: row.english_name,
  nativeName: row.native_name,
  flag: row.flag,
});

/** Every language the catalog knows, by English name. */
export async function listLanguages(em: EntityManager): Promise<LanguageView[]> {
  const rows = await em.execute<LanguageColumns[]>(
    'select code, english_name, native_name, flag from languages order by english_name, code',
  );
  return rows.map(languageOf);
}

interface CourseRow {
  id: string;
  title: string;
  description: string;
  from_language: LanguageColumns;
  to_language: LanguageColumns;
  section_count: number;
  lesson_count: number;
}

const COURSE_SQL = `
  select c.id, c.title, c.description,
         json_build_object('code', f.code, 'english_name', f.english_name, 'native_name', f.native_name,
                           'flag', f.flag) as from_language,
         json_build_object('code', t.code, 'english_name', t.english_name, 'native_name', t.native_name,
                           'flag', t.flag) as to_language,
         (select count(*)::int from sections s where s.course_id = c.id) as section_count,
         (select count(*)::int from sections s join units u on u.section_id = s.id
            join lessons l on l.unit_id = u.id where s.course_id = c.id) as lesson_count
    from courses c join languages f on f.id = c.from_language_id join languages t on t.id = c.to_language_id
   where c.is_published`;

const courseOf = (row: CourseRow): CourseSummary => ({
  id: Number(row.id),
  title: row.title,
  description: row.description,
  fromLanguage: languageOf(row.from_language),
  toLanguage: languageOf(row.to_language),
  sectionCount: row.section_count,
  lessonCount: row.lesson_count,
});

/** Published courses, optionally only those taught in or teaching a language. */
export async function listCourses(
  em: EntityManager,
  rawInput: ListCoursesInput = {},
): Promise<CourseSummary[]> {
  const input = parseInput(listCoursesInputSchema, rawInput);
  const rows = await em.execute<CourseRow[]>(
    `${COURSE_SQL}
       and (?::text is null or f.code = ?) and (?::text is null or t.code = ?)
     order by c.title, c.id`,
    [
      input.fromLanguage ?? null,
      input.fromLanguage ?? null,
      input.toLanguage ?? null,
      input.toLanguage ?? null,
    ],
  );
  return rows.map(courseOf);
}

interface OutlineRow extends CourseTreeRow {
  id: string;
  key: string;
  position: number;
  title: string;
  description: string;
  xp_reward: number;
  estimated_minutes: number;
  exercise_count: number;
  prerequisites: string[];
}

/** A published course's sections → units → lessons, with no exercise content at all. */
export async function getCourseOutline(em: EntityManager, courseId: number): Promise<CourseOutline> {
  const input = parseInput(courseOutlineInputSchema, { courseId });
  const [course] = await em.execute<CourseRow[]>(`${COURSE_SQL} and c.id = ?`, [input.courseId]);
  if (!course) {
    throw new DomainError('COURSE_NOT_FOUND', 'NOT_FOUND', 'There is no such course', { path: ['courseId'] });
  }
  const rows = await em.execute<OutlineRow[]>(
    `select ${COURSE_TREE_COLUMNS}, l.id, l.key, l.position, l.title, l.description, l.xp_reward,
            l.estimated_minutes,
            (select count(*)::int from lesson_exercises le where le.lesson_id = l.id) as exercise_count,
            array(select p.required_lesson_id from lesson_prerequisites p
                   where p.lesson_id = l.id order by p.required_lesson_id) as prerequisites
       from sections s join units u on u.section_id = s.id join lessons l on l.unit_id = u.id
      where s.course_id = ?
      order by s.position, u.position, l.position`,
    [input.courseId],
  );
  const { sectionCount: _sections, lessonCount: _lessons, ...summary } = courseOf(course);
  return {
    ...summary,
    sections: nestCourseTree(rows, (row) => ({
      id: Number(row.id),
      key: row.key,
      position: row.position,
      title: row.title,
      description: row.description,
      xpReward: row.xp_reward,
      estimatedMinutes: row.estimated_minutes,
      exerciseCount: row.exercise_count,
      prerequisites: row.prerequisites.map(Number),
    })),
  };
}
