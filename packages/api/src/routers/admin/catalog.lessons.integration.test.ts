import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import {
  callerFor,
  signedInAdmin,
  signedUpLearner,
  trpcErrorOf,
  type Caller,
} from '../../testing/callers.ts';
import {
  newLesson,
  newUnit,
  startedBy,
  translation,
  uniqueKey,
  useShippedCatalog,
} from '../../testing/catalog-fixtures.ts';

const db = useTestDatabase();
useShippedCatalog(db);
let admin: Caller;

beforeAll(async () => {
  admin = (await signedInAdmin(db)).caller;
});

/** A unit with lessons A → B → C (each requires the one before). */
async function chain() {
  const { course, unit } = await newUnit(admin);
  const [a, b, c] = [
    await newLesson(admin, unit.id, 'A'),
    await newLesson(admin, unit.id, 'B'),
    await newLesson(admin, unit.id, 'C'),
  ];
  await admin.admin.catalog.lessons.addPrerequisite({ lessonId: b.id, requiredLessonId: a.id });
  await admin.admin.catalog.lessons.addPrerequisite({ lessonId: c.id, requiredLessonId: b.id });
  return { course, unit, a, b, c };
}

describe('admin.catalog.lessons', () => {
  it('creates, reads and updates a lesson, audited', async () => {
    const { unit } = await newUnit(admin);
    const key = uniqueKey('Lesson');
    const lesson = await admin.admin.catalog.lessons.create({
      unitId: unit.id,
      key,
      title: 'Hello',
      xpReward: 15,
      estimatedMinutes: 4,
    });
    expect(lesson).toMatchObject({
      unitId: unit.id,
      position: 0,
      key: key.toLowerCase(),
      prerequisiteIds: [],
    });
    await admin.admin.catalog.exercises.create(translation(lesson.id));
    const detail = await admin.admin.catalog.lessons.get({ id: lesson.id });
    expect(detail).toMatchObject({ id: lesson.id, title: 'Hello' });
    expect(detail.exercises.map((e) => e.correctAnswer)).toEqual(['Buenos días']);
    const updated = await admin.admin.catalog.lessons.update({ id: lesson.id, xpReward: 20 });
    expect(updated).toMatchObject({ xpReward: 20, title: 'Hello' });
    expect(
      (await auditRowsOf(db, 'lesson', lesson.id)).map((r) => [r.action, r.before?.['xpReward'] ?? null]),
    ).toEqual([
      ['lesson.create', null],
      ['lesson.update', 15],
    ]);
    expect((await trpcErrorOf(admin.admin.catalog.lessons.get({ id: 999_999 }))).code).toBe('NOT_FOUND');
  });

  it('refuses a key another lesson has with LESSON_KEY_TAKEN, nothing written', async () => {
    const { unit } = await newUnit(admin);
    const [first, second] = [await newLesson(admin, unit.id), await newLesson(admin, unit.id)];
    const audits = await auditRowCount(db);
    const error = await trpcErrorOf(admin.admin.catalog.lessons.update({ id: second.id, key: first.key }));
    expect(error.code).toBe('CONFLICT');
    expect(error.cause).toMatchObject({ code: 'LESSON_KEY_TAKEN', details: { path: ['key'] } });
    expect((await admin.admin.catalog.lessons.get({ id: second.id })).key).toBe(second.key);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('reorders and deletes, dropping the lesson from the graph; audited', async () => {
    const { unit, a, b, c } = await chain();
    await admin.admin.catalog.lessons.reorder({ unitId: unit.id, orderedIds: [c.id, b.id, a.id] });
    expect((await auditRowsOf(db, 'unit', unit.id)).at(-1)).toMatchObject({
      action: 'unit.reorder_lessons',
      before: { orderedIds: [a.id, b.id, c.id] },
      after: { orderedIds: [c.id, b.id, a.id] },
    });
    await admin.admin.catalog.lessons.delete({ id: b.id });
    expect((await admin.admin.catalog.lessons.get({ id: c.id })).prerequisiteIds).toEqual([]);
    expect((await admin.admin.catalog.lessons.get({ id: a.id })).position).toBe(1);
    expect((await auditRowsOf(db, 'lesson', b.id)).at(-1)).toMatchObject({
      action: 'lesson.delete',
      after: null,
    });
  });

  it('refuses to delete a lesson a learner has started', async () => {
    const { unit } = await newUnit(admin);
    const lesson = await newLesson(admin, unit.id);
    await startedBy(db, (await signedUpLearner(db)).account.id, lesson.id);
    const error = await trpcErrorOf(admin.admin.catalog.lessons.delete({ id: lesson.id }));
    expect(error.cause).toMatchObject({ code: 'CONTENT_HAS_PROGRESS' });
    expect((await admin.admin.catalog.lessons.get({ id: lesson.id })).id).toBe(lesson.id);
  });

  it('refuses bad input with its path, nothing written', async () => {
    const { course, unit } = await newUnit(admin);
    const audits = await auditRowCount(db);
    const good = { unitId: unit.id, key: uniqueKey('l'), title: 'T', xpReward: 10, estimatedMinutes: 5 };
    await expectBadInputAt(admin.admin.catalog.lessons.create({ ...good, xpReward: 0 }), ['xpReward']);
    await expectBadInputAt(admin.admin.catalog.lessons.create({ ...good, key: 'has space' }), ['key']);
    await expectBadInputAt(admin.admin.catalog.lessons.create({ ...good, estimatedMinutes: 1.5 }), [
      'estimatedMinutes',
    ]);
    const missing = await trpcErrorOf(admin.admin.catalog.lessons.create({ ...good, unitId: 999_999 }));
    expect(missing.cause).toMatchObject({ code: 'UNIT_NOT_FOUND', details: { path: ['unitId'] } });
    expect((await admin.admin.catalog.courses.get({ id: course.id })).lessonCount).toBe(0);
    expect(await auditRowCount(db)).toBe(audits);
  });
});

describe('admin.catalog.lessons prerequisites', () => {
  it('adds and removes edges, audited with the lesson prerequisites before and after', async () => {
    const { a, b, c } = await chain();
    const both = [a.id, b.id].sort((x, y) => x - y);
    expect(
      await admin.admin.catalog.lessons.addPrerequisite({ lessonId: c.id, requiredLessonId: a.id }),
    ).toEqual({
      lessonId: c.id,
      requiredLessonId: a.id,
      changed: true,
    });
    expect((await admin.admin.catalog.lessons.get({ id: c.id })).prerequisiteIds).toEqual(both);
    const again = await admin.admin.catalog.lessons.addPrerequisite({
      lessonId: c.id,
      requiredLessonId: a.id,
    });
    expect(again.changed).toBe(false);
    await admin.admin.catalog.lessons.removePrerequisite({ lessonId: c.id, requiredLessonId: b.id });
    const notThere = await admin.admin.catalog.lessons.removePrerequisite({
      lessonId: c.id,
      requiredLessonId: b.id,
    });
    expect(notThere.changed).toBe(false);
    expect((await admin.admin.catalog.lessons.get({ id: c.id })).prerequisiteIds).toEqual([a.id]);
    const rows = (await auditRowsOf(db, 'lesson', c.id)).filter((r) =>
      r.action.startsWith('lesson.prerequisite'),
    );
    expect(rows.map((r) => [r.action, r.before, r.after])).toEqual([
      ['lesson.prerequisite_add', { prerequisiteIds: [] }, { prerequisiteIds: [b.id] }],
      ['lesson.prerequisite_add', { prerequisiteIds: [b.id] }, { prerequisiteIds: both }],
      ['lesson.prerequisite_remove', { prerequisiteIds: both }, { prerequisiteIds: [a.id] }],
    ]);
  });

  it('refuses an edge that closes a cycle (or points at itself) with PREREQUISITE_CYCLE, nothing changed', async () => {
    const { course, a, b, c } = await chain();
    const graph = await admin.admin.catalog.courses.graph({ id: course.id });
    const audits = await auditRowCount(db);
    for (const [lessonId, requiredLessonId] of [
      [a.id, c.id],
      [a.id, b.id],
      [b.id, b.id],
    ] as const) {
      const error = await trpcErrorOf(
        admin.admin.catalog.lessons.addPrerequisite({ lessonId, requiredLessonId }),
      );
      expect(error.code).toBe('CONFLICT');
      expect(error.cause).toMatchObject({
        code: 'PREREQUISITE_CYCLE',
        details: { path: ['requiredLessonId'] },
      });
    }
    expect(await admin.admin.catalog.courses.graph({ id: course.id })).toEqual(graph);
    expect(graph.order).toEqual([a.id, b.id, c.id]);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('lets only one of two racing edits close a cycle', async () => {
    const { unit } = await newUnit(admin);
    const [x, y] = [await newLesson(admin, unit.id), await newLesson(admin, unit.id)];
    const other = await callerFor(db, (await signedInAdmin(db)).token);
    const outcomes = await Promise.allSettled([
      admin.admin.catalog.lessons.addPrerequisite({ lessonId: x.id, requiredLessonId: y.id }),
      other.admin.catalog.lessons.addPrerequisite({ lessonId: y.id, requiredLessonId: x.id }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'CONFLICT', cause: { code: 'PREREQUISITE_CYCLE' } });
    const edges = [
      await admin.admin.catalog.lessons.get({ id: x.id }),
      await admin.admin.catalog.lessons.get({ id: y.id }),
    ];
    expect(edges.flatMap((lesson) => lesson.prerequisiteIds)).toHaveLength(1);
  });

  it('refuses a prerequisite from another course, and an unknown lesson', async () => {
    const { a } = await chain();
    const other = await chain();
    const audits = await auditRowCount(db);
    const error = await trpcErrorOf(
      admin.admin.catalog.lessons.addPrerequisite({ lessonId: a.id, requiredLessonId: other.a.id }),
    );
    expect(error.cause).toMatchObject({
      code: 'PREREQUISITE_OTHER_COURSE',
      details: { path: ['requiredLessonId'] },
    });
    const unknown = await trpcErrorOf(
      admin.admin.catalog.lessons.addPrerequisite({ lessonId: 999_999, requiredLessonId: a.id }),
    );
    expect(unknown.cause).toMatchObject({ code: 'LESSON_NOT_FOUND', details: { path: ['lessonId'] } });
    expect(await auditRowCount(db)).toBe(audits);
  });
});

describe('admin.catalog.lessons access', () => {
  it('is refused to learners and anonymous callers', async () => {
    const { unit, a, b } = await chain();
    const l = (caller: Caller) => caller.admin.catalog.lessons;
    await expectAdminOnly(db, (c) => l(c).get({ id: a.id }));
    await expectAdminOnly(db, (c) =>
      l(c).create({ unitId: unit.id, key: uniqueKey('x'), title: 'X', xpReward: 1, estimatedMinutes: 1 }),
    );
    await expectAdminOnly(db, (c) => l(c).update({ id: a.id, title: 'Mine' }));
    await expectAdminOnly(db, (c) => l(c).delete({ id: a.id }));
    await expectAdminOnly(db, (c) => l(c).reorder({ unitId: unit.id, orderedIds: [b.id, a.id] }));
    await expectAdminOnly(db, (c) => l(c).addPrerequisite({ lessonId: b.id, requiredLessonId: a.id }));
    await expectAdminOnly(db, (c) => l(c).removePrerequisite({ lessonId: b.id, requiredLessonId: a.id }));
    expect(await admin.admin.catalog.lessons.get({ id: b.id })).toMatchObject({
      title: 'B',
      prerequisiteIds: [a.id],
    });
  });
});
