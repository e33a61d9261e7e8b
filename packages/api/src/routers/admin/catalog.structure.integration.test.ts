import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, signedUpLearner, trpcErrorOf, type Caller } from '../../testing/callers.ts';
import {
  newCourse,
  newLesson,
  newUnit,
  startedBy,
  useShippedCatalog,
} from '../../testing/catalog-fixtures.ts';

const db = useTestDatabase();
useShippedCatalog(db);
let admin: Caller;

beforeAll(async () => {
  admin = (await signedInAdmin(db)).caller;
});

async function sectionsOf(courseId: number) {
  const tree = await admin.admin.catalog.courses.get({ id: courseId });
  return tree.sections.map((section) => [section.title, section.position]);
}

/** A course with sections A, B and C; their ids in that order. */
async function threeSections() {
  const course = await newCourse(admin);
  const create = async (title: string) =>
    (await admin.admin.catalog.sections.create({ courseId: course.id, title })).id;
  const ids: [number, number, number] = [await create('A'), await create('B'), await create('C')];
  return { course, ids };
}

describe('admin.catalog.sections', () => {
  it('appends by default and inserts at a position, shifting the rest; audited', async () => {
    const { course } = await threeSections();
    const inserted = await admin.admin.catalog.sections.create({
      courseId: course.id,
      title: 'First',
      position: 0,
    });
    expect(inserted).toMatchObject({ courseId: course.id, position: 0, description: '' });
    expect(await sectionsOf(course.id)).toEqual([
      ['First', 0],
      ['A', 1],
      ['B', 2],
      ['C', 3],
    ]);
    const [row] = await auditRowsOf(db, 'section', inserted.id);
    expect(row).toMatchObject({
      action: 'section.create',
      before: null,
      after: { title: 'First', position: 0 },
    });
  });

  it('updates, audited before and after', async () => {
    const [id] = (await threeSections()).ids;
    const updated = await admin.admin.catalog.sections.update({ id, description: 'The start' });
    expect(updated).toMatchObject({ title: 'A', description: 'The start' });
    expect((await auditRowsOf(db, 'section', id)).at(-1)).toMatchObject({
      action: 'section.update',
      before: { description: '' },
      after: { description: 'The start' },
    });
  });

  it('reorders in one go, audited on the course', async () => {
    const { course, ids } = await threeSections();
    const [a, b, c] = ids;
    expect(
      await admin.admin.catalog.sections.reorder({ courseId: course.id, orderedIds: [c, a, b] }),
    ).toEqual({
      parentId: course.id,
      orderedIds: [c, a, b],
    });
    expect(await sectionsOf(course.id)).toEqual([
      ['C', 0],
      ['A', 1],
      ['B', 2],
    ]);
    expect((await auditRowsOf(db, 'course', course.id)).at(-1)).toMatchObject({
      action: 'course.reorder_sections',
      before: { orderedIds: [a, b, c] },
      after: { orderedIds: [c, a, b] },
    });
  });

  it('refuses a reorder that does not name every section once, nothing changed', async () => {
    const { course, ids } = await threeSections();
    const [otherSection] = (await threeSections()).ids;
    const [a, b, c] = ids;
    const audits = await auditRowCount(db);
    for (const orderedIds of [
      [a, b],
      [a, b, c, otherSection],
      [a, b, otherSection],
    ]) {
      await expectBadInputAt(
        admin.admin.catalog.sections.reorder({ courseId: course.id, orderedIds }),
        ['orderedIds'],
        'REORDER_MISMATCH',
      );
    }
    await expectBadInputAt(
      admin.admin.catalog.sections.reorder({ courseId: course.id, orderedIds: [a, a, b] }),
      ['orderedIds'],
    );
    expect(await sectionsOf(course.id)).toEqual([
      ['A', 0],
      ['B', 1],
      ['C', 2],
    ]);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('deletes a section no learner used and closes the gap, audited', async () => {
    const { course, ids } = await threeSections();
    expect(await admin.admin.catalog.sections.delete({ id: ids[0] })).toEqual({ id: ids[0], deleted: true });
    expect(await sectionsOf(course.id)).toEqual([
      ['B', 0],
      ['C', 1],
    ]);
    expect((await auditRowsOf(db, 'section', ids[0])).at(-1)).toMatchObject({
      action: 'section.delete',
      before: { title: 'A' },
      after: null,
    });
  });

  it('refuses to delete a section or unit with learner progress, and a missing parent', async () => {
    const { course, section, unit } = await newUnit(admin);
    const learner = await signedUpLearner(db);
    await startedBy(db, learner.account.id, (await newLesson(admin, unit.id)).id);
    const audits = await auditRowCount(db);
    for (const attempt of [
      admin.admin.catalog.sections.delete({ id: section.id }),
      admin.admin.catalog.units.delete({ id: unit.id }),
    ]) {
      const error = await trpcErrorOf(attempt);
      expect(error.code).toBe('PRECONDITION_FAILED');
      expect(error.cause).toMatchObject({ code: 'CONTENT_HAS_PROGRESS' });
    }
    const missing = await trpcErrorOf(admin.admin.catalog.sections.create({ courseId: 999_999, title: 'X' }));
    expect(missing.cause).toMatchObject({ code: 'COURSE_NOT_FOUND', details: { path: ['courseId'] } });
    expect(await auditRowCount(db)).toBe(audits);
    expect((await admin.admin.catalog.courses.get({ id: course.id })).lessonCount).toBe(1);
  });
});

describe('admin.catalog.units', () => {
  it('creates, updates, reorders and deletes, each audited', async () => {
    const { section, unit } = await newUnit(admin);
    const second = await admin.admin.catalog.units.create({
      sectionId: section.id,
      title: 'Food',
      icon: '🍎',
      color: '#58CC02',
    });
    expect(second).toMatchObject({ position: 1, color: '#58cc02' });
    expect(await admin.admin.catalog.units.update({ id: second.id, title: 'Meals' })).toMatchObject({
      title: 'Meals',
      icon: '🍎',
    });
    await admin.admin.catalog.units.reorder({ sectionId: section.id, orderedIds: [second.id, unit.id] });
    await admin.admin.catalog.units.delete({ id: unit.id });
    expect((await auditRowsOf(db, 'unit', second.id)).map((r) => r.action)).toEqual([
      'unit.create',
      'unit.update',
    ]);
    expect((await auditRowsOf(db, 'unit', unit.id)).map((r) => r.action)).toEqual([
      'unit.create',
      'unit.delete',
    ]);
    expect((await auditRowsOf(db, 'section', section.id)).at(-1)).toMatchObject({
      action: 'section.reorder_units',
      after: { orderedIds: [second.id, unit.id] },
    });
  });

  it('refuses a bad colour and an empty title with their paths, nothing written', async () => {
    const { section, unit } = await newUnit(admin);
    const audits = await auditRowCount(db);
    const good = { sectionId: section.id, title: 'T', icon: 'x', color: '#000000' };
    await expectBadInputAt(admin.admin.catalog.units.create({ ...good, color: 'red' }), ['color']);
    await expectBadInputAt(admin.admin.catalog.units.update({ id: unit.id, title: ' ' }), ['title']);
    await expectBadInputAt(admin.admin.catalog.units.create({ ...good, position: -1 }), ['position']);
    expect(await auditRowCount(db)).toBe(audits);
  });
});

describe('admin.catalog sections and units access', () => {
  it('is refused to learners and anonymous callers', async () => {
    const { course, section, unit } = await newUnit(admin);
    const s = (caller: Caller) => caller.admin.catalog.sections;
    const u = (caller: Caller) => caller.admin.catalog.units;
    await expectAdminOnly(db, (c) => s(c).create({ courseId: course.id, title: 'Mine' }));
    await expectAdminOnly(db, (c) => s(c).update({ id: section.id, title: 'Mine' }));
    await expectAdminOnly(db, (c) => s(c).delete({ id: section.id }));
    await expectAdminOnly(db, (c) => s(c).reorder({ courseId: course.id, orderedIds: [section.id] }));
    await expectAdminOnly(db, (c) =>
      u(c).create({ sectionId: section.id, title: 'M', icon: 'm', color: '#000000' }),
    );
    await expectAdminOnly(db, (c) => u(c).update({ id: unit.id, title: 'Mine' }));
    await expectAdminOnly(db, (c) => u(c).delete({ id: unit.id }));
    await expectAdminOnly(db, (c) => u(c).reorder({ sectionId: section.id, orderedIds: [unit.id] }));
    const tree = await admin.admin.catalog.courses.get({ id: course.id });
    expect(tree.sections.map((x) => [x.title, x.units.map((y) => y.title)])).toEqual([
      ['Basics', ['Greetings']],
    ]);
  });
});
