import type { CourseSection } from '../universal/catalog-views.ts';

// A course's lessons come as one flat, ordered row per lesson; both the outline and the learner's
// map fold them into sections → units → lessons the same way.

export interface CourseTreeRow {
  section_id: string;
  section_position: number;
  section_title: string;
  section_description: string;
  unit_id: string;
  unit_position: number;
  unit_title: string;
  unit_description: string;
  icon: string;
  color: string;
}

/** The columns of CourseTreeRow, over `sections s`, `units u` (and `lessons l` beside them). */
export const COURSE_TREE_COLUMNS = `s.id as section_id, s.position as section_position, s.title as section_title,
  s.description as section_description, u.id as unit_id, u.position as unit_position,
  u.title as unit_title, u.description as unit_description, u.icon, u.color`;

/** Rows ordered by section, unit and lesson position, folded into the tree. */
export function nestCourseTree<Row extends CourseTreeRow, Lesson>(
  rows: readonly Row[],
  toLesson: (row: Row) => Lesson,
): CourseSection<Lesson>[] {
  const sections: CourseSection<Lesson>[] = [];
  for (const row of rows) {
    let section = sections.at(-1);
    if (section?.id !== Number(row.section_id)) {
      section = {
        id: Number(row.section_id),
        position: row.section_position,
        title: row.section_title,
        description: row.section_description,
        units: [],
      };
      sections.push(section);
    }
    let unit = section.units.at(-1);
    if (unit?.id !== Number(row.unit_id)) {
      unit = {
        id: Number(row.unit_id),
        position: row.unit_position,
        title: row.unit_title,
        description: row.unit_description,
        icon: row.icon,
        color: row.color,
        lessons: [],
      };
      section.units.push(unit);
    }
    unit.lessons.push(toLesson(row));
  }
  return sections;
}
