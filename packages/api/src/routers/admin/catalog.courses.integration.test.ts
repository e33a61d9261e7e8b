import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, signedUpLearner, trpcErrorOf, type Caller } from '../../testing/callers.ts';
import {
  multipleChoice,
  newCourse,
  newLanguage,
  newLesson,
  newUnit,
  startedBy,
  translation,
  useShippedCatalog,
} from '../../testing/catalog-fixtures.ts';

const db = useTestDatabase();
useShippedCatalog(db);
let admin: Caller;

beforeAll(async () => {
  admin = (await signedInAdmin(db)).caller;
});

describe('admin.catalog.courses', () => {
  it('creates an unpublished course between two languages, audited', async () => {
    const [from, to] = [await newLanguage(admin), await newLanguage(admin)];
    const course = await admin.admin.catalog.courses.create({
      fromLanguageId: from.id,
      toLanguageId: to.id,
      title: '  Learn it  ',
    });
    expect(course).toMatchObject({
      fromLanguage: { id: from.id, code: from.code },
      toLanguage: { id: to.id, code: to.code },
      title: 'Learn it',
      description: '',
      isPublished: false,
      sectionCount: 0,
      lessonCount: 0,
      learnerCount: 0,
    });
    expect(await admin.admin.catalog.courses.list()).toContainEqual(course);
    const [row] = await auditRowsOf(db, 'course', course.id);
    expect(row).toMatchObject({ action: 'course.create', before: null, after: { title: 'Learn it' } });
  });

  it('refuses a second course between the same languages, and the same language twice', async () => {
    const course = await newCourse(admin);
    const audits = await auditRowCount(db);
    const again = {
      fromLanguageId: course.fromLanguage.id,
      toLanguageId: course.toLanguage.id,
      title: 'Again',
    };
    const duplicate = await trpcErrorOf(admin.admin.catalog.courses.create(again));
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.cause).toMatchObject({ code: 'COURSE_EXISTS', details: { path: ['toLanguageId'] } });
    await expectBadInputAt(
      admin.admin.catalog.courses.create({ ...again, toLanguageId: course.fromLanguage.id }),
      ['toLanguageId'],
    );
    await expectBadInputAt(
      admin.admin.catalog.courses.update({ id: course.id, toLanguageId: course.fromLanguage.id }),
      ['toLanguageId'],
      'COURSE_LANGUAGES_SAME',
    );
    const unknown = await trpcErrorOf(
      admin.admin.catalog.courses.create({ ...again, fromLanguageId: 999_999 }),
    );
    expect(unknown.cause).toMatchObject({
      code: 'LANGUAGE_NOT_FOUND',
      details: { path: ['fromLanguageId'] },
    });
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('updates and publishes, audited before and after', async () => {
    const course = await newCourse(admin);
    const updated = await admin.admin.catalog.courses.update({
      id: course.id,
      isPublished: true,
      description: 'All about it',
    });
    expect(updated).toMatchObject({ title: course.title, isPublished: true, description: 'All about it' });
    const rows = await auditRowsOf(db, 'course', course.id);
    expect(rows.at(-1)).toMatchObject({
      action: 'course.update',
      before: { isPublished: false, description: '' },
      after: { isPublished: true, description: 'All about it' },
    });
  });

  it('returns the whole tree with answers, and the prerequisite graph', async () => {
    const { course, section, unit } = await newUnit(admin);
    const first = await newLesson(admin, unit.id, 'First');
    const second = await newLesson(admin, unit.id, 'Second');
    await admin.admin.catalog.lessons.addPrerequisite({ lessonId: second.id, requiredLessonId: first.id });
    const mc = await admin.admin.catalog.exercises.create(multipleChoice(first.id));
    await admin.admin.catalog.exercises.create(translation(first.id));

    const tree = await admin.admin.catalog.courses.get({ id: course.id });
    expect(tree).toMatchObject({ id: course.id, sectionCount: 1, lessonCount: 2 });
    expect(tree.sections.map((s) => s.id)).toEqual([section.id]);
    const lessons = tree.sections[0]?.units[0]?.lessons ?? [];
    expect(lessons.map((l) => [l.title, l.prerequisiteIds])).toEqual([
      ['First', []],
      ['Second', [first.id]],
    ]);
    const exercises = lessons[0]?.exercises ?? [];
    expect(exercises.map((e) => [e.type, e.position, e.correctAnswer])).toEqual([
      ['multiple_choice', 0, 'Hola'],
      ['translation', 1, 'Buenos días'],
    ]);
    expect(exercises[0]?.options.filter((o) => o.isCorrect).map((o) => o.text)).toEqual(['Hola']);
    expect(exercises[0]?.id).toBe(mc.id);

    const graph = await admin.admin.catalog.courses.graph({ id: course.id });
    expect(graph.nodes.map((n) => n.lessonId)).toEqual([first.id, second.id]);
    expect(graph.edges).toEqual([{ lessonId: second.id, requiredLessonId: first.id }]);
    expect(graph.order).toEqual([first.id, second.id]);
    expect((await trpcErrorOf(admin.admin.catalog.courses.get({ id: 999_999 }))).code).toBe('NOT_FOUND');
    expect((await trpcErrorOf(admin.admin.catalog.courses.graph({ id: 999_999 }))).code).toBe('NOT_FOUND');
  });

  it('deletes an unused course with its content, audited', async () => {
    const { course, section } = await newUnit(admin);
    expect(await admin.admin.catalog.courses.delete({ id: course.id })).toEqual({
      id: course.id,
      deleted: true,
    });
    expect((await admin.admin.catalog.courses.list()).map((c) => c.id)).not.toContain(course.id);
    expect(await db.em().execute('select id from sections where id = ?', [section.id])).toEqual([]);
    expect((await auditRowsOf(db, 'course', course.id)).at(-1)).toMatchObject({
      action: 'course.delete',
      before: { id: course.id },
      after: null,
    });
  });

  it('refuses to delete a course learners are enrolled in or have progress in', async () => {
    const learner = await signedUpLearner(db);
    const enrolled = await newCourse(admin);
    await db
      .em()
      .execute('insert into user_courses (user_id, course_id) values (?, ?)', [
        learner.account.id,
        enrolled.id,
      ]);
    const { course: started, unit } = await newUnit(admin);
    await startedBy(db, learner.account.id, (await newLesson(admin, unit.id)).id);
    const audits = await auditRowCount(db);
    for (const course of [enrolled, started]) {
      const error = await trpcErrorOf(admin.admin.catalog.courses.delete({ id: course.id }));
      expect(error.code).toBe('PRECONDITION_FAILED');
      expect(error.cause).toMatchObject({ code: 'CONTENT_HAS_PROGRESS' });
    }
    expect((await admin.admin.catalog.courses.list()).map((c) => c.id)).toEqual(
      expect.arrayContaining([enrolled.id, started.id]),
    );
    expect(await auditRowCount(db)).toBe(audits);
    // Unpublishing is how such a course is retired.
    expect(await admin.admin.catalog.courses.update({ id: started.id, isPublished: false })).toMatchObject({
      isPublished: false,
    });
  });

  it('refuses bad input with field paths, nothing written', async () => {
    const course = await newCourse(admin);
    const audits = await auditRowCount(db);
    await expectBadInputAt(admin.admin.catalog.courses.update({ id: course.id, title: '' }), ['title']);
    await expectBadInputAt(
      admin.admin.catalog.courses.create({ fromLanguageId: 1, toLanguageId: 2, title: 'x'.repeat(201) }),
      ['title'],
    );
    await expectBadInputAt(admin.admin.catalog.courses.delete({ id: 0 }), ['id']);
    expect(await admin.admin.catalog.courses.list()).toContainEqual(course);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('is refused to learners and anonymous callers', async () => {
    const course = await newCourse(admin);
    await expectAdminOnly(db, (caller) => caller.admin.catalog.courses.list());
    await expectAdminOnly(db, (caller) => caller.admin.catalog.courses.get({ id: course.id }));
    await expectAdminOnly(db, (caller) => caller.admin.catalog.courses.graph({ id: course.id }));
    await expectAdminOnly(db, (caller) =>
      caller.admin.catalog.courses.create({ fromLanguageId: 1, toLanguageId: 2, title: 'Mine' }),
    );
    await expectAdminOnly(db, (caller) =>
      caller.admin.catalog.courses.update({ id: course.id, title: 'Mine' }),
    );
    await expectAdminOnly(db, (caller) => caller.admin.catalog.courses.delete({ id: course.id }));
    expect(await admin.admin.catalog.courses.list()).toContainEqual(course);
  });
});
