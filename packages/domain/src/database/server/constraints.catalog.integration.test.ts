import { expect, it } from 'vitest';
import {
  check,
  describeConstraints,
  errorOf,
  expectRefusal,
  foreignKey,
  insert,
  trigger,
  SUITE_TABLES,
  unique,
  update,
} from './testing/constraint-cases.ts';
import { ID } from './testing/schema-fixture.ts';
import { useTestDatabase } from './testing/test-database.ts';

const db = useTestDatabase();

// Valid rows next to the fixture's; each case changes one thing.
const language = { code: 'de', english_name: 'German', native_name: 'Deutsch', flag: 'DE' };
const course = {
  from_language_id: ID.spanish,
  to_language_id: ID.english,
  title: 'English for Spanish speakers',
};
const section = { course_id: ID.course, position: 1, title: 'Travel' };
const unit = { section_id: ID.section, position: 1, title: 'Food', icon: 'fork', color: '#1cb0f6' };
const lesson = {
  unit_id: ID.unit,
  position: 2,
  key: 'fx-thanks',
  title: 'Thanks',
  xp_reward: 10,
  estimated_minutes: 5,
};
const exerciseType = { code: 'listening', name: 'Listening', default_xp: 10 };
const exercise = {
  key: 'fx-translate-adios',
  exercise_type_id: ID.translationType,
  prompt: 'Adiós',
  correct_answer: 'Goodbye',
  difficulty: 3,
};
const multipleChoice = { ...exercise, key: 'fx-choose-bye', exercise_type_id: ID.multipleChoiceType };
const option = { exercise_id: ID.multipleChoice, position: 2, text: 'Gracias', is_correct: false };
const audio = { exercise_id: ID.translation, url: '/audio/hola-high.mp3', quality: 'high', duration_ms: 900 };
const lesson3 = insert('lessons', { ...lesson, id: 3 });
const prerequisite = (lessonId: number, requiredId: number) =>
  insert('lesson_prerequisites', { lesson_id: lessonId, required_lesson_id: requiredId });

const oneCorrectOption = (exerciseId: number | string) =>
  trigger(
    'exercise_options_one_correct_option',
    '23514',
    new RegExp(`multiple-choice exercise ${exerciseId} must`),
  );
const exerciseHasOneCorrectOption = trigger(
  'exercises_one_correct_option',
  '23514',
  /multiple-choice exercise \d+ must have exactly one correct option/,
);

const client = describeConstraints(db, {
  tables: SUITE_TABLES.catalog,
  refused: [
    // languages
    {
      refusedBy: check('languages_code_format'),
      title: 'an upper-case code',
      sql: insert('languages', { ...language, code: 'DE' }),
    },
    {
      refusedBy: check('languages_code_format'),
      title: 'a one-letter code',
      sql: insert('languages', { ...language, code: 'd' }),
    },
    {
      refusedBy: check('languages_code_format'),
      title: 'a code with a digit',
      sql: insert('languages', { ...language, code: 'd1' }),
    },
    {
      refusedBy: unique('languages_code_unique'),
      title: 'a second "en"',
      sql: insert('languages', { ...language, code: 'en' }),
    },
    // courses
    {
      refusedBy: check('courses_languages_differ'),
      title: 'a course from a language to itself',
      sql: insert('courses', { ...course, to_language_id: ID.spanish }),
    },
    {
      refusedBy: unique('courses_from_to_unique'),
      title: 'a second English → Spanish course',
      sql: insert('courses', { ...course, from_language_id: ID.english, to_language_id: ID.spanish }),
    },
    {
      refusedBy: foreignKey('courses_from_language_id_foreign'),
      title: 'a course from a missing language',
      sql: insert('courses', { ...course, from_language_id: 999 }),
    },
    // sections, units, lessons: positions
    {
      refusedBy: unique('sections_course_position_unique'),
      title: 'two sections at one position',
      sql: insert('sections', { ...section, position: 0 }),
    },
    {
      refusedBy: check('sections_position_non_negative'),
      title: 'a negative section position',
      sql: insert('sections', { ...section, position: -1 }),
    },
    {
      refusedBy: unique('units_section_position_unique'),
      title: 'two units at one position',
      sql: insert('units', { ...unit, position: 0 }),
    },
    {
      refusedBy: check('units_position_non_negative'),
      title: 'a negative unit position',
      sql: insert('units', { ...unit, position: -1 }),
    },
    {
      refusedBy: check('units_color_format'),
      title: 'a colour name',
      sql: insert('units', { ...unit, color: 'red' }),
    },
    {
      refusedBy: check('units_color_format'),
      title: 'a short hex colour',
      sql: insert('units', { ...unit, color: '#fff' }),
    },
    {
      refusedBy: check('units_color_format'),
      title: 'a non-hex digit',
      sql: insert('units', { ...unit, color: '#12345g' }),
    },
    {
      refusedBy: check('units_color_format'),
      title: 'no leading #',
      sql: insert('units', { ...unit, color: '1cb0f6' }),
    },
    {
      refusedBy: unique('lessons_unit_position_unique'),
      title: 'two lessons at one position',
      sql: insert('lessons', { ...lesson, position: 1 }),
    },
    {
      refusedBy: unique('lessons_unit_position_unique'),
      title: 'a duplicate position still there at commit, even with the check deferred',
      arrange: ['set constraints lessons_unit_position_unique deferred'],
      sql: update('lessons', { id: ID.lesson2 }, { position: 0 }),
      atCommit: true,
    },
    {
      refusedBy: check('lessons_position_non_negative'),
      title: 'a negative lesson position',
      sql: insert('lessons', { ...lesson, position: -1 }),
    },
    {
      refusedBy: check('lessons_xp_reward_positive'),
      title: 'a lesson worth 0 XP',
      sql: insert('lessons', { ...lesson, xp_reward: 0 }),
    },
    {
      refusedBy: check('lessons_estimated_minutes_positive'),
      title: 'a lesson of 0 minutes',
      sql: insert('lessons', { ...lesson, estimated_minutes: 0 }),
    },
    {
      refusedBy: unique('lessons_key_unique'),
      title: 'a second lesson keyed fx-hello',
      sql: insert('lessons', { ...lesson, key: 'fx-hello' }),
    },
    // lesson_prerequisites
    {
      refusedBy: check('lesson_prerequisites_not_self'),
      title: 'a lesson requiring itself',
      sql: prerequisite(ID.lesson1, ID.lesson1),
    },
    {
      refusedBy: unique('lesson_prerequisites_pkey'),
      title: 'the same prerequisite twice',
      sql: prerequisite(ID.lesson2, ID.lesson1),
    },
    {
      refusedBy: trigger(
        'lesson_prerequisites_acyclic',
        '23514',
        /prerequisite 2 of lesson 1 would close a cycle/,
      ),
      title: 'B → A when A → B exists',
      sql: prerequisite(ID.lesson1, ID.lesson2),
    },
    {
      refusedBy: trigger(
        'lesson_prerequisites_acyclic',
        '23514',
        /prerequisite 3 of lesson 1 would close a cycle/,
      ),
      title: 'a 3-cycle: 1 → 3 when 3 → 2 → 1',
      arrange: [lesson3, prerequisite(3, ID.lesson2)],
      sql: prerequisite(ID.lesson1, 3),
    },
    {
      refusedBy: trigger(
        'lesson_prerequisites_acyclic',
        '23514',
        /prerequisite 3 of lesson 2 would close a cycle/,
      ),
      title: 'an UPDATE re-pointing an edge into a cycle',
      arrange: [lesson3, prerequisite(3, ID.lesson2)],
      sql: update(
        'lesson_prerequisites',
        { lesson_id: ID.lesson2, required_lesson_id: ID.lesson1 },
        { required_lesson_id: 3 },
      ),
    },
    // exercise_types
    {
      refusedBy: check('exercise_types_code_check'),
      title: 'an unknown exercise type code',
      sql: insert('exercise_types', { ...exerciseType, code: 'essay' }),
    },
    {
      refusedBy: unique('exercise_types_code_unique'),
      title: 'a second translation type',
      sql: insert('exercise_types', { ...exerciseType, code: 'translation' }),
    },
    {
      refusedBy: check('exercise_types_default_xp_positive'),
      title: 'a type worth 0 XP',
      sql: insert('exercise_types', { ...exerciseType, default_xp: 0 }),
    },
    // exercises
    {
      refusedBy: check('exercises_difficulty_range'),
      title: 'difficulty 0',
      sql: insert('exercises', { ...exercise, difficulty: 0 }),
    },
    {
      refusedBy: check('exercises_difficulty_range'),
      title: 'difficulty 6',
      sql: insert('exercises', { ...exercise, difficulty: 6 }),
    },
    {
      refusedBy: check('exercises_time_limit_positive'),
      title: 'a time limit of 0 s',
      sql: insert('exercises', { ...exercise, time_limit_seconds: 0 }),
    },
    {
      refusedBy: check('exercises_xp_override_positive'),
      title: 'an XP override of 0',
      sql: insert('exercises', { ...exercise, xp_override: 0 }),
    },
    {
      refusedBy: unique('exercises_key_unique'),
      title: 'a second exercise keyed fx-translate-hola',
      sql: insert('exercises', { ...exercise, key: 'fx-translate-hola' }),
    },
    {
      refusedBy: foreignKey('exercises_exercise_type_id_foreign'),
      title: 'an exercise of a missing type',
      sql: insert('exercises', { ...exercise, exercise_type_id: 999 }),
    },
    {
      refusedBy: exerciseHasOneCorrectOption,
      title: 'a multiple-choice exercise without options, at commit',
      sql: insert('exercises', multipleChoice),
      atCommit: true,
    },
    {
      refusedBy: exerciseHasOneCorrectOption,
      title: 'turning a translation exercise (no options) into multiple choice, at commit',
      sql: update('exercises', { id: ID.translation }, { exercise_type_id: ID.multipleChoiceType }),
      atCommit: true,
    },
    // exercise_options
    {
      refusedBy: unique('exercise_options_exercise_position_unique'),
      title: 'two options at one position',
      sql: insert('exercise_options', { ...option, position: 1 }),
    },
    {
      refusedBy: check('exercise_options_position_non_negative'),
      title: 'a negative option position',
      sql: insert('exercise_options', { ...option, position: -1 }),
    },
    {
      refusedBy: unique('exercise_options_one_correct'),
      title: 'a second correct option',
      sql: insert('exercise_options', { ...option, is_correct: true }),
    },
    {
      refusedBy: oneCorrectOption(ID.multipleChoice),
      title: 'no correct option left after an UPDATE, at commit',
      sql: update('exercise_options', { id: ID.correctOption }, { is_correct: false }),
      atCommit: true,
    },
    {
      refusedBy: oneCorrectOption(ID.multipleChoice),
      title: 'deleting the correct option, at commit',
      sql: `delete from exercise_options where id = ${ID.correctOption}`,
      atCommit: true,
    },
    {
      refusedBy: oneCorrectOption(ID.multipleChoice),
      title: 'moving the correct option to another exercise, at commit (the one it left is checked)',
      arrange: [
        insert('exercises', { ...multipleChoice, id: 3 }),
        insert('exercise_options', { ...option, exercise_id: 3, position: 0 }),
      ],
      sql: update('exercise_options', { id: ID.correctOption }, { exercise_id: 3, position: 1 }),
      atCommit: true,
    },
    {
      refusedBy: foreignKey('exercise_options_exercise_id_foreign'),
      title: 'an option of a missing exercise',
      sql: insert('exercise_options', { ...option, exercise_id: 999 }),
    },
    // lesson_exercises
    {
      refusedBy: unique('lesson_exercises_pkey'),
      title: 'the same exercise twice in a lesson',
      sql: insert('lesson_exercises', { lesson_id: ID.lesson1, exercise_id: ID.translation, position: 5 }),
    },
    {
      refusedBy: unique('lesson_exercises_lesson_position_unique'),
      title: 'two exercises at one position',
      sql: update(
        'lesson_exercises',
        { lesson_id: ID.lesson1, exercise_id: ID.multipleChoice },
        { position: 0 },
      ),
    },
    {
      refusedBy: check('lesson_exercises_position_non_negative'),
      title: 'a negative exercise position',
      sql: insert('lesson_exercises', { lesson_id: ID.lesson2, exercise_id: ID.translation, position: -1 }),
    },
    // audio_files
    {
      refusedBy: check('audio_files_quality_check'),
      title: 'an unknown quality',
      sql: insert('audio_files', { ...audio, quality: 'ultra' }),
    },
    {
      refusedBy: unique('audio_files_exercise_quality_unique'),
      title: 'a second low-quality file for one exercise',
      sql: insert('audio_files', { ...audio, quality: 'low' }),
    },
    {
      refusedBy: check('audio_files_duration_positive'),
      title: 'a 0 ms recording',
      sql: insert('audio_files', { ...audio, duration_ms: 0 }),
    },
  ],
  accepted: [
    {
      title: 'the valid rows the cases start from',
      sql: [
        insert('languages', language),
        insert('courses', course),
        insert('sections', section),
        insert('units', unit),
        insert('lessons', lesson),
        insert('exercise_types', exerciseType),
        insert('exercise_options', option),
        insert('audio_files', audio),
        insert('lesson_exercises', { lesson_id: ID.lesson2, exercise_id: ID.translation, position: 0 }),
      ],
    },
    {
      title: 'a translation exercise, which needs no options',
      sql: [insert('exercises', exercise)],
    },
    {
      title: 'a multiple-choice exercise written with its options in one transaction',
      sql: [
        insert('exercises', { ...multipleChoice, id: 3 }),
        insert('exercise_options', { ...option, exercise_id: 3, position: 0, is_correct: true }),
        insert('exercise_options', { ...option, exercise_id: 3, position: 1 }),
      ],
    },
    {
      title: 'moving the correct flag to another option within a transaction',
      sql: [
        update('exercise_options', { id: ID.correctOption }, { is_correct: false }),
        update('exercise_options', { id: ID.wrongOption }, { is_correct: true }),
      ],
    },
    {
      title: 'deleting a multiple-choice exercise with its options',
      sql: [`delete from exercises where id = ${ID.multipleChoice}`],
    },
    {
      title: 'swapping two lesson positions after SET CONSTRAINTS … DEFERRED',
      sql: [
        'set constraints lessons_unit_position_unique deferred',
        update('lessons', { id: ID.lesson1 }, { position: 1 }),
        update('lessons', { id: ID.lesson2 }, { position: 0 }),
      ],
    },
    {
      title: 'swapping two lesson positions in one statement (checked at its end)',
      sql: [`update lessons set position = 1 - position where unit_id = ${ID.unit}`],
    },
    {
      title: 'swapping two option positions after SET CONSTRAINTS … DEFERRED',
      sql: [
        'set constraints exercise_options_exercise_position_unique deferred',
        update('exercise_options', { id: ID.correctOption }, { position: 1 }),
        update('exercise_options', { id: ID.wrongOption }, { position: 0 }),
      ],
    },
    {
      title: 'swapping two exercise positions in a lesson after SET CONSTRAINTS … DEFERRED',
      sql: [
        'set constraints lesson_exercises_lesson_position_unique deferred',
        update('lesson_exercises', { lesson_id: ID.lesson1, exercise_id: ID.translation }, { position: 1 }),
        update(
          'lesson_exercises',
          { lesson_id: ID.lesson1, exercise_id: ID.multipleChoice },
          { position: 0 },
        ),
      ],
    },
    {
      title: 'a course in the other direction (Spanish → English)',
      sql: [insert('courses', course)],
    },
    {
      title: 'a diamond of prerequisites (3 → 2 → 1 and 3 → 1) is no cycle',
      sql: [lesson3, prerequisite(3, ID.lesson2), prerequisite(3, ID.lesson1)],
    },
  ],
});

it('COMMIT itself refuses a multiple-choice exercise without a correct option', async () => {
  const key = 'fx-committed-without-options';
  await client().query('begin');
  const inserted = await errorOf(client().query(insert('exercises', { ...multipleChoice, key })));
  // Ends the transaction either way: an aborted one's COMMIT rolls back.
  const committed = await errorOf(client().query('commit'));

  expect(inserted).toBeUndefined();
  expectRefusal(committed, exerciseHasOneCorrectOption);
  expect((await client().query('select 1 from exercises where key = $1', [key])).rows).toEqual([]);
});
