import { seedCatalog } from '@questline/domain/catalog/server/seed-catalog';
import { SPANISH_FOR_ENGLISH_SPEAKERS } from '@questline/domain/catalog/server/seed-data/spanish-course';
import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { courseIdOf, lessonIdOf } from '@questline/domain/learning/server/testing/lesson-fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';
import { fieldPathsOf } from '../testing/field-paths.ts';

const db = useTestDatabase();
let spanishId = 0;
let hiddenCourseId = 0;

beforeAll(async () => {
  await seedCatalog(db.em());
  spanishId = await courseIdOf(db.em(), 'es-greetings-1');
  // A draft course (French for German speakers) with a section: never shown to learners.
  const [draft] = await db.em().execute<{ id: string }[]>(
    `insert into courses (from_language_id, to_language_id, title, is_published)
     select f.id, t.id, 'Draft French', false from languages f, languages t where f.code = 'de' and t.code = 'fr'
     returning id`,
  );
  hiddenCourseId = Number(draft?.id);
  await db
    .em()
    .execute(`insert into sections (course_id, position, title) values (?, 0, 'Draft section')`, [
      hiddenCourseId,
    ]);
});

const seededLessons = SPANISH_FOR_ENGLISH_SPEAKERS.sections.flatMap((section) =>
  section.units.flatMap((unit) => unit.lessons),
);

describe('catalog.languages', () => {
  it('lists every language to anyone, by English name', async () => {
    const languages = await (await callerFor(db)).catalog.languages();
    expect(languages.map((language) => language.englishName)).toEqual(
      [...languages.map((language) => language.englishName)].sort(),
    );
    expect(languages).toContainEqual({
      code: 'es',
      englishName: 'Spanish',
      nativeName: 'Español',
      flag: '🇪🇸',
    });
  });
});

describe('catalog.courses', () => {
  it('lists published courses with their languages and sizes; drafts stay hidden', async () => {
    const courses = await (await callerFor(db)).catalog.courses({});
    expect(courses.map((course) => course.id)).toEqual([spanishId]);
    expect(courses[0]).toMatchObject({
      title: SPANISH_FOR_ENGLISH_SPEAKERS.title,
      fromLanguage: { code: 'en' },
      toLanguage: { code: 'es' },
      sectionCount: SPANISH_FOR_ENGLISH_SPEAKERS.sections.length,
      lessonCount: seededLessons.length,
    });
  });

  it('filters by the language taught in and the language taught', async () => {
    const { caller } = await signedUpLearner(db);
    expect((await caller.catalog.courses({ toLanguage: 'es' })).map((course) => course.id)).toEqual([
      spanishId,
    ]);
    expect((await caller.catalog.courses({ fromLanguage: 'en', toLanguage: 'es' })).length).toBe(1);
    expect(await caller.catalog.courses({ fromLanguage: 'es' })).toEqual([]);
    // The draft teaches French: no published course does.
    expect(await caller.catalog.courses({ toLanguage: 'fr' })).toEqual([]);
  });

  it('refuses a malformed language code with its field path', async () => {
    const error = await trpcErrorOf((await callerFor(db)).catalog.courses({ toLanguage: 'Spanish' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldPathsOf(error)).toEqual([['toLanguage']]);
  });
});

describe('catalog.outline', () => {
  it('shows sections, units and lessons in order with prerequisites and no exercise content', async () => {
    const outline = await (await callerFor(db)).catalog.outline({ courseId: spanishId });
    expect(outline).toMatchObject({ id: spanishId, toLanguage: { code: 'es' } });
    expect(outline).not.toHaveProperty('lessonCount');
    expect(outline.sections.map((section) => section.title)).toEqual(
      SPANISH_FOR_ENGLISH_SPEAKERS.sections.map((section) => section.title),
    );
    const lessons = outline.sections.flatMap((section) => section.units.flatMap((unit) => unit.lessons));
    expect(lessons.map((lesson) => lesson.key)).toEqual(seededLessons.map((lesson) => lesson.key));
    expect(lessons.map((lesson) => lesson.exerciseCount)).toEqual(
      seededLessons.map((lesson) => lesson.exercises.length),
    );
    const second = lessons.find((lesson) => lesson.key === 'es-greetings-2');
    expect(second?.prerequisites).toEqual([await lessonIdOf(db.em(), 'es-greetings-1')]);
    for (const lesson of lessons) {
      expect(Object.keys(lesson).sort()).toEqual([
        'description',
        'estimatedMinutes',
        'exerciseCount',
        'id',
        'key',
        'position',
        'prerequisites',
        'title',
        'xpReward',
      ]);
    }
  });

  it('answers NOT_FOUND for a draft course and for an id that does not exist', async () => {
    const caller = await callerFor(db);
    for (const courseId of [hiddenCourseId, 987_654_321]) {
      const error = await trpcErrorOf(caller.catalog.outline({ courseId }));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.cause).toMatchObject({ code: 'COURSE_NOT_FOUND' });
    }
  });

  it('refuses an id that is not a positive integer', async () => {
    const caller = await callerFor(db);
    for (const courseId of [0, -3, 1.5]) {
      const error = await trpcErrorOf(caller.catalog.outline({ courseId }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(fieldPathsOf(error)).toEqual([['courseId']]);
    }
  });
});
