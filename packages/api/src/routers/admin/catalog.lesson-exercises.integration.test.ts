import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, trpcErrorOf, type Caller } from '../../testing/callers.ts';
import {
  multipleChoice,
  newLesson,
  newUnit,
  translation,
  useShippedCatalog,
} from '../../testing/catalog-fixtures.ts';

const db = useTestDatabase();
useShippedCatalog(db);
let admin: Caller;

beforeAll(async () => {
  admin = (await signedInAdmin(db)).caller;
});

/** Two lessons of one unit; the first holds a translation then a multiple choice. */
async function twoLessons() {
  const { unit } = await newUnit(admin);
  const [first, second] = [await newLesson(admin, unit.id), await newLesson(admin, unit.id)];
  const tr = await admin.admin.catalog.exercises.create(translation(first.id));
  const mc = await admin.admin.catalog.exercises.create(multipleChoice(first.id));
  return { first, second, tr, mc };
}

const order = async (lessonId: number) =>
  (await admin.admin.catalog.lessons.get({ id: lessonId })).exercises.map((e) => [
    e.id,
    e.position,
    e.isRequired,
  ]);

describe('admin.catalog.exercises in lessons', () => {
  it('attaches an exercise to another lesson at a position, audited on the lesson', async () => {
    const { first, second, tr, mc } = await twoLessons();
    const other = await admin.admin.catalog.exercises.create(translation(second.id));
    expect(
      await admin.admin.catalog.exercises.attach({
        lessonId: second.id,
        exerciseId: mc.id,
        position: 0,
        isRequired: false,
      }),
    ).toEqual({ lessonId: second.id, exerciseId: mc.id, changed: true });
    expect(await order(second.id)).toEqual([
      [mc.id, 0, false],
      [other.id, 1, true],
    ]);
    expect((await admin.admin.catalog.exercises.get({ id: mc.id })).lessonIds).toEqual([first.id, second.id]);
    expect(await order(first.id)).toEqual([
      [tr.id, 0, true],
      [mc.id, 1, true],
    ]);
    expect((await auditRowsOf(db, 'lesson', second.id)).at(-1)).toMatchObject({
      action: 'lesson.attach_exercise',
      before: { exerciseIds: [other.id] },
      after: { exerciseIds: [mc.id, other.id] },
    });
  });

  it('refuses to attach an exercise twice or an unknown one, nothing changed', async () => {
    const { first, tr } = await twoLessons();
    const audits = await auditRowCount(db);
    const twice = await trpcErrorOf(
      admin.admin.catalog.exercises.attach({ lessonId: first.id, exerciseId: tr.id }),
    );
    expect(twice.code).toBe('CONFLICT');
    expect(twice.cause).toMatchObject({
      code: 'EXERCISE_ALREADY_IN_LESSON',
      details: { path: ['exerciseId'] },
    });
    const unknown = await trpcErrorOf(
      admin.admin.catalog.exercises.attach({ lessonId: first.id, exerciseId: 999_999 }),
    );
    expect(unknown.cause).toMatchObject({ code: 'EXERCISE_NOT_FOUND', details: { path: ['exerciseId'] } });
    expect((await order(first.id)).map(([id, position]) => [id, position])).toEqual([
      [tr.id, 0],
      [expect.any(Number), 1],
    ]);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('detaches, keeping the exercise; marks optional; reorders; each audited once', async () => {
    const { first, tr, mc } = await twoLessons();
    await admin.admin.catalog.exercises.reorder({ lessonId: first.id, orderedIds: [mc.id, tr.id] });
    expect(await order(first.id)).toEqual([
      [mc.id, 0, true],
      [tr.id, 1, true],
    ]);
    const optional = { lessonId: first.id, exerciseId: tr.id, isRequired: false };
    expect((await admin.admin.catalog.exercises.setRequired(optional)).changed).toBe(true);
    expect((await admin.admin.catalog.exercises.setRequired(optional)).changed).toBe(false);
    expect(await order(first.id)).toEqual([
      [mc.id, 0, true],
      [tr.id, 1, false],
    ]);
    await admin.admin.catalog.exercises.detach({ lessonId: first.id, exerciseId: mc.id });
    expect(await order(first.id)).toEqual([[tr.id, 0, false]]);
    expect((await admin.admin.catalog.exercises.get({ id: mc.id })).lessonIds).toEqual([]);
    expect((await auditRowsOf(db, 'lesson', first.id)).map((r) => r.action)).toEqual([
      'lesson.create',
      'lesson.reorder_lesson_exercises',
      'lesson.set_exercise_required',
      'lesson.detach_exercise',
    ]);
  });

  it('refuses to detach or flag an exercise the lesson does not hold, and a partial reorder', async () => {
    const { first, second, tr, mc } = await twoLessons();
    const audits = await auditRowCount(db);
    const detach = await trpcErrorOf(
      admin.admin.catalog.exercises.detach({ lessonId: second.id, exerciseId: tr.id }),
    );
    expect(detach.cause).toMatchObject({ code: 'EXERCISE_NOT_IN_LESSON' });
    const flag = await trpcErrorOf(
      admin.admin.catalog.exercises.setRequired({
        lessonId: second.id,
        exerciseId: tr.id,
        isRequired: false,
      }),
    );
    expect(flag.code).toBe('NOT_FOUND');
    await expectBadInputAt(
      admin.admin.catalog.exercises.reorder({ lessonId: first.id, orderedIds: [mc.id] }),
      ['orderedIds'],
      'REORDER_MISMATCH',
    );
    expect(await order(first.id)).toEqual([
      [tr.id, 0, true],
      [mc.id, 1, true],
    ]);
    expect(await auditRowCount(db)).toBe(audits);
  });
});

describe('admin.catalog.exercises access', () => {
  it('is refused to learners and anonymous callers', async () => {
    const { first, second, tr, mc } = await twoLessons();
    const e = (caller: Caller) => caller.admin.catalog.exercises;
    await expectAdminOnly(db, (c) => e(c).list({}));
    await expectAdminOnly(db, (c) => e(c).get({ id: tr.id }));
    await expectAdminOnly(db, (c) => e(c).create(translation(first.id)));
    await expectAdminOnly(db, (c) => e(c).update({ ...translation(first.id), id: tr.id }));
    await expectAdminOnly(db, (c) => e(c).delete({ id: tr.id }));
    await expectAdminOnly(db, (c) => e(c).attach({ lessonId: second.id, exerciseId: tr.id }));
    await expectAdminOnly(db, (c) => e(c).detach({ lessonId: first.id, exerciseId: tr.id }));
    await expectAdminOnly(db, (c) =>
      e(c).setRequired({ lessonId: first.id, exerciseId: tr.id, isRequired: false }),
    );
    await expectAdminOnly(db, (c) => e(c).reorder({ lessonId: first.id, orderedIds: [mc.id, tr.id] }));
    expect(await order(first.id)).toEqual([
      [tr.id, 0, true],
      [mc.id, 1, true],
    ]);
    expect(await order(second.id)).toEqual([]);
  });
});
