import type { ViolationMap } from '../../shared/server/database-violation.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';

// The admin editor's errors: stable codes and the input field at fault, never a constraint name.

export type CatalogThing = 'LANGUAGE' | 'COURSE' | 'SECTION' | 'UNIT' | 'LESSON' | 'EXERCISE';

const NAMES: Record<CatalogThing, string> = {
  LANGUAGE: 'language',
  COURSE: 'course',
  SECTION: 'section',
  UNIT: 'unit',
  LESSON: 'lesson',
  EXERCISE: 'exercise',
};

export const notFound = (thing: CatalogThing, path: string) =>
  new DomainError(`${thing}_NOT_FOUND`, 'NOT_FOUND', `No such ${NAMES[thing]}`, { path: [path] });

export const hasLearnerProgress = (thing: CatalogThing) =>
  new DomainError(
    'CONTENT_HAS_PROGRESS',
    'PRECONDITION_FAILED',
    `Learners have progress in this ${NAMES[thing]}: deleting it would erase their history (unpublish the course instead)`,
    { path: ['id'] },
  );

export const languageInUse = () =>
  new DomainError(
    'LANGUAGE_IN_USE',
    'PRECONDITION_FAILED',
    'A course uses this language: delete or change that course first',
    {
      path: ['id'],
    },
  );

export const prerequisiteCycle = () =>
  new DomainError(
    'PREREQUISITE_CYCLE',
    'CONFLICT',
    'This prerequisite would close a cycle: the required lesson already depends on this lesson',
    { path: ['requiredLessonId'] },
  );

export const reorderMismatch = (thing: string) =>
  new DomainError('REORDER_MISMATCH', 'BAD_INPUT', `List every ${thing} of the parent exactly once`, {
    path: ['orderedIds'],
  });

const conflict = (code: string, message: string, path: string) => () =>
  new DomainError(code, 'CONFLICT', message, { path: [path] });

const positionTaken = conflict(
  'POSITION_TAKEN',
  'Another edit moved this position meanwhile; try again',
  'position',
);

/** What the catalog tables' constraints and triggers mean to an admin. */
export const CATALOG_VIOLATIONS: ViolationMap = {
  constraints: {
    languages_code_unique: conflict('LANGUAGE_CODE_TAKEN', 'A language with this code exists', 'code'),
    courses_from_to_unique: conflict(
      'COURSE_EXISTS',
      'A course between these two languages exists',
      'toLanguageId',
    ),
    lessons_key_unique: conflict('LESSON_KEY_TAKEN', 'Another lesson has this key', 'key'),
    exercises_key_unique: conflict('EXERCISE_KEY_TAKEN', 'Another exercise has this key', 'key'),
    lesson_exercises_pkey: conflict(
      'EXERCISE_ALREADY_IN_LESSON',
      'The exercise is in this lesson already',
      'exerciseId',
    ),
    lesson_prerequisites_not_self: prerequisiteCycle,
    sections_course_position_unique: positionTaken,
    units_section_position_unique: positionTaken,
    lessons_unit_position_unique: positionTaken,
    lesson_exercises_lesson_position_unique: positionTaken,
    exercise_options_exercise_position_unique: positionTaken,
    exercise_options_one_correct: () =>
      new DomainError('EXERCISE_ONE_CORRECT_OPTION', 'BAD_INPUT', 'Exactly one option must be correct', {
        path: ['options'],
      }),
  },
  routines: {
    questline_refuse_prerequisite_cycle: prerequisiteCycle,
    questline_assert_one_correct_option: () =>
      new DomainError(
        'EXERCISE_ONE_CORRECT_OPTION',
        'BAD_INPUT',
        'A multiple-choice exercise needs exactly one correct option',
        { path: ['options'] },
      ),
  },
  foreignKey: (constraint) => {
    if (constraint?.startsWith('courses_') && constraint.endsWith('_language_id_foreign'))
      return languageInUse();
    // A parent deleted by a concurrent edit between our check and the insert.
    return new DomainError('PARENT_NOT_FOUND', 'NOT_FOUND', 'The parent was deleted meanwhile', {});
  },
};
