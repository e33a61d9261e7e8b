import type { EntityManager } from '@mikro-orm/postgresql';
import type { CourseView, LanguageView } from '../universal/admin-courses.ts';
import type { LessonView } from '../universal/admin-lessons.ts';
import type { SectionView, UnitView } from '../universal/admin-sections.ts';

// The admin editor's views of languages, courses, sections, units and lessons, read with plain SQL.

type Id = string | number;
interface Timestamps {
  created_at: Date;
  updated_at: Date;
}

const LANGUAGE_SQL = `select l.id, l.code, l.english_name, l.native_name, l.flag, l.created_at,
    (select count(*) from courses c where c.from_language_id = l.id or c.to_language_id = l.id)::int as course_count
  from languages l`;

interface LanguageRow {
  id: Id;
  code: string;
  english_name: string;
  native_name: string;
  flag: string;
  course_count: number;
  created_at: Date;
}

const toLanguage = (row: LanguageRow): LanguageView => ({
  id: Number(row.id),
  code: row.code,
  englishName: row.english_name,
  nativeName: row.native_name,
  flag: row.flag,
  courseCount: row.course_count,
  createdAt: new Date(row.created_at),
});

export async function readLanguages(em: EntityManager, id?: number): Promise<LanguageView[]> {
  const rows = await em.execute<LanguageRow[]>(
    `${LANGUAGE_SQL} ${id === undefined ? '' : 'where l.id = ?'} order by l.english_name, l.id`,
    id === undefined ? [] : [id],
  );
  return rows.map(toLanguage);
}

const COURSE_SQL = `select c.id, c.title, c.description, c.is_published, c.created_at, c.updated_at,
    fl.id as from_id, fl.code as from_code, fl.english_name as from_name,
    tl.id as to_id, tl.code as to_code, tl.english_name as to_name,
    (select count(*) from sections s where s.course_id = c.id)::int as section_count,
    (select count(*) from lessons l join units u on u.id = l.unit_id join sections s on s.id = u.section_id
      where s.course_id = c.id)::int as lesson_count,
    (select count(*) from user_courses uc where uc.course_id = c.id)::int as learner_count
  from courses c join languages fl on fl.id = c.from_language_id join languages tl on tl.id = c.to_language_id`;

interface CourseRow extends Timestamps {
  id: Id;
  title: string;
  description: string;
  is_published: boolean;
  from_id: Id;
  from_code: string;
  from_name: string;
  to_id: Id;
  to_code: string;
  to_name: string;
  section_count: number;
  lesson_count: number;
  learner_count: number;
}

const toCourse = (row: CourseRow): CourseView => ({
  id: Number(row.id),
  fromLanguage: { id: Number(row.from_id), code: row.from_code, englishName: row.from_name },
  toLanguage: { id: Number(row.to_id), code: row.to_code, englishName: row.to_name },
  title: row.title,
  description: row.description,
  isPublished: row.is_published,
  sectionCount: row.section_count,
  lessonCount: row.lesson_count,
  learnerCount: row.learner_count,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

export async function readCourses(em: EntityManager, id?: number): Promise<CourseView[]> {
  const rows = await em.execute<CourseRow[]>(
    `${COURSE_SQL} ${id === undefined ? '' : 'where c.id = ?'} order by c.title, c.id`,
    id === undefined ? [] : [id],
  );
  return rows.map(toCourse);
}

interface SectionRow extends Timestamps {
  id: Id;
  course_id: Id;
  position: number;
  title: string;
  description: string;
}

export async function readSections(
  em: EntityManager,
  where: string,
  params: unknown[],
): Promise<SectionView[]> {
  const rows = await em.execute<SectionRow[]>(
    `select * from sections s where ${where} order by s.position`,
    params,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    courseId: Number(row.course_id),
    position: row.position,
    title: row.title,
    description: row.description,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }));
}

interface UnitRow extends SectionRow {
  section_id: Id;
  icon: string;
  color: string;
}

export async function readUnits(em: EntityManager, where: string, params: unknown[]): Promise<UnitView[]> {
  const rows = await em.execute<UnitRow[]>(
    `select u.* from units u join sections s on s.id = u.section_id where ${where} order by s.position, u.position`,
    params,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    sectionId: Number(row.section_id),
    position: row.position,
    title: row.title,
    description: row.description,
    icon: row.icon,
    color: row.color,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }));
}

interface LessonRow extends Timestamps {
  id: Id;
  unit_id: Id;
  position: number;
  key: string;
  title: string;
  description: string;
  xp_reward: number;
  estimated_minutes: number;
  prerequisite_ids: Id[];
}

/** Lessons (with their prerequisites) of units `u` of sections `s` matching `where`, in course order. */
export async function readLessons(
  em: EntityManager,
  where: string,
  params: unknown[],
): Promise<LessonView[]> {
  const rows = await em.execute<LessonRow[]>(
    `select l.*, array(select p.required_lesson_id from lesson_prerequisites p where p.lesson_id = l.id
                        order by p.required_lesson_id) as prerequisite_ids
       from lessons l join units u on u.id = l.unit_id join sections s on s.id = u.section_id
      where ${where} order by s.position, u.position, l.position`,
    params,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    unitId: Number(row.unit_id),
    position: row.position,
    key: row.key,
    title: row.title,
    description: row.description,
    xpReward: row.xp_reward,
    estimatedMinutes: row.estimated_minutes,
    prerequisiteIds: row.prerequisite_ids.map(Number),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }));
}
