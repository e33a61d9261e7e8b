import type { AdminExerciseView } from '@questline/domain/catalog/universal/admin-exercises';
import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, signedUpLearner, trpcErrorOf, type Caller } from '../../testing/callers.ts';
import {
  countRows,
  multipleChoice,
  newLesson,
  newUnit,
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

async function newLessonWithUnit() {
  const { unit } = await newUnit(admin);
  return newLesson(admin, unit.id);
}

/** The editable fields of a stored exercise, as the editor would send them back. */
function asUpdate(exercise: AdminExerciseView) {
  const { id, key, type, prompt, correctAnswer, alternateAnswers, hints, difficulty } = exercise;
  return {
    ...{ id, key, type, prompt, correctAnswer, alternateAnswers, hints, difficulty },
    timeLimitSeconds: exercise.timeLimitSeconds,
    xpOverride: exercise.xpOverride,
    content: exercise.content,
    options: exercise.options.map(({ text, isCorrect }) => ({ text, isCorrect })),
    audio: exercise.audio.map(({ quality, url, durationMs, speaker }) => ({
      quality,
      url,
      durationMs,
      speaker,
    })),
  };
}

describe('admin.catalog.exercises', () => {
  it('creates a multiple-choice exercise in a lesson with its options, audited', async () => {
    const lesson = await newLessonWithUnit();
    const created = await admin.admin.catalog.exercises.create(multipleChoice(lesson.id));
    expect(created).toMatchObject({ type: 'multiple_choice', correctAnswer: 'Hola', lessonIds: [lesson.id] });
    expect(created.options.map((o) => [o.position, o.text, o.isCorrect])).toEqual([
      [0, 'Hola', true],
      [1, 'Adiós', false],
      [2, 'Gracias', false],
    ]);
    expect(await admin.admin.catalog.exercises.get({ id: created.id })).toEqual(created);
    const [row] = await auditRowsOf(db, 'exercise', created.id);
    expect(row).toMatchObject({ action: 'exercise.create', before: null, after: { correctAnswer: 'Hola' } });
  });

  it('refuses an exercise whose parts disagree, with the field at fault, nothing written', async () => {
    const lesson = await newLessonWithUnit();
    const audits = await auditRowCount(db);
    const exercises = await countRows(db, 'select id from exercises');
    const twoCorrect = multipleChoice(lesson.id, {
      options: [
        { text: 'Hola', isCorrect: true },
        { text: 'Adiós', isCorrect: true },
      ],
    });
    await expectBadInputAt(admin.admin.catalog.exercises.create(twoCorrect), ['options']);
    await expectBadInputAt(
      admin.admin.catalog.exercises.create(multipleChoice(lesson.id, { correctAnswer: 'Gracias!' })),
      ['correctAnswer'],
    );
    await expectBadInputAt(admin.admin.catalog.exercises.create(translation(lesson.id, { content: {} })), [
      'content',
      'sourceText',
    ]);
    await expectBadInputAt(admin.admin.catalog.exercises.create(translation(lesson.id, { difficulty: 6 })), [
      'difficulty',
    ]);
    const missing = await trpcErrorOf(admin.admin.catalog.exercises.create(translation(999_999)));
    expect(missing.cause).toMatchObject({ code: 'LESSON_NOT_FOUND', details: { path: ['lessonId'] } });
    expect(await countRows(db, 'select id from exercises')).toBe(exercises);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('updates as a whole: options replaced, a change of type, audited; saving it unchanged writes nothing', async () => {
    const lesson = await newLessonWithUnit();
    const created = await admin.admin.catalog.exercises.create(multipleChoice(lesson.id));
    const moved = await admin.admin.catalog.exercises.update({
      ...asUpdate(created),
      correctAnswer: 'Adiós',
      options: [
        { text: 'Hola', isCorrect: false },
        { text: 'Adiós', isCorrect: true },
      ],
    });
    expect(moved.options.map((o) => [o.text, o.isCorrect])).toEqual([
      ['Hola', false],
      ['Adiós', true],
    ]);
    await admin.admin.catalog.exercises.update(asUpdate(moved));
    const retyped = await admin.admin.catalog.exercises.update({
      ...asUpdate(moved),
      ...translation(lesson.id, { key: created.key }),
      id: created.id,
      options: [],
    });
    expect(retyped).toMatchObject({
      type: 'translation',
      options: [],
      content: { sourceText: 'Good morning' },
    });
    const rows = await auditRowsOf(db, 'exercise', created.id);
    expect(rows.map((r) => r.action)).toEqual(['exercise.create', 'exercise.update', 'exercise.update']);
    expect(rows[1]).toMatchObject({ before: { correctAnswer: 'Hola' }, after: { correctAnswer: 'Adiós' } });
  });

  it('saves every shipped exercise unchanged, audio included, with nothing written', async () => {
    const { items } = await admin.admin.catalog.exercises.list({ search: 'es-', limit: 100 });
    expect(items.some((e) => e.type === 'listening' && e.audio.length === 3)).toBe(true);
    const audits = await auditRowCount(db);
    for (const exercise of items) {
      expect(await admin.admin.catalog.exercises.update(asUpdate(exercise))).toEqual(exercise);
    }
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('refuses a key another exercise has, nothing changed', async () => {
    const lesson = await newLessonWithUnit();
    const [first, second] = [
      await admin.admin.catalog.exercises.create(translation(lesson.id)),
      await admin.admin.catalog.exercises.create(translation(lesson.id)),
    ];
    const error = await trpcErrorOf(
      admin.admin.catalog.exercises.update({ ...asUpdate(second), key: first.key }),
    );
    expect(error.cause).toMatchObject({ code: 'EXERCISE_KEY_TAKEN', details: { path: ['key'] } });
    expect(await admin.admin.catalog.exercises.get({ id: second.id })).toEqual(second);
  });

  it('lists by search and type, newest first, in keyset pages', async () => {
    const lesson = await newLessonWithUnit();
    const tag = uniqueKey('find');
    const made = [];
    for (let i = 0; i < 3; i += 1) {
      made.push(await admin.admin.catalog.exercises.create(translation(lesson.id, { key: `${tag}-${i}` })));
    }
    await admin.admin.catalog.exercises.create(multipleChoice(lesson.id, { key: `${tag}-mc` }));
    const first = await admin.admin.catalog.exercises.list({ search: tag, type: 'translation', limit: 2 });
    expect(first.items.map((e) => e.key)).toEqual([`${tag}-2`, `${tag}-1`]);
    const rest = await admin.admin.catalog.exercises.list({
      search: tag,
      type: 'translation',
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(rest).toEqual({ items: [expect.objectContaining({ key: `${tag}-0` })], nextCursor: null });
    expect((await admin.admin.catalog.exercises.list({ search: '%' })).items).toEqual([]);
    await expectBadInputAt(admin.admin.catalog.exercises.list({ search: 'a\u0000' }), ['search']);
  });

  it('deletes an unanswered exercise and closes the gap in its lesson, audited', async () => {
    const lesson = await newLessonWithUnit();
    const [first, second] = [
      await admin.admin.catalog.exercises.create(translation(lesson.id)),
      await admin.admin.catalog.exercises.create(multipleChoice(lesson.id)),
    ];
    expect(await admin.admin.catalog.exercises.delete({ id: first.id })).toEqual({
      id: first.id,
      deleted: true,
    });
    const detail = await admin.admin.catalog.lessons.get({ id: lesson.id });
    expect(detail.exercises.map((e) => [e.id, e.position])).toEqual([[second.id, 0]]);
    expect((await auditRowsOf(db, 'exercise', first.id)).at(-1)).toMatchObject({
      action: 'exercise.delete',
      before: { id: first.id },
      after: null,
    });
    expect((await trpcErrorOf(admin.admin.catalog.exercises.get({ id: first.id }))).code).toBe('NOT_FOUND');
  });

  it('refuses to delete an exercise learners have answered', async () => {
    const lesson = await newLessonWithUnit();
    const exercise = await admin.admin.catalog.exercises.create(translation(lesson.id));
    const learner = await signedUpLearner(db);
    await db.em().execute(
      `insert into user_exercise_interactions (user_id, exercise_id, lesson_id, kind, answer_given, is_correct)
       values (?, ?, ?, 'attempt', 'Buenos días', true)`,
      [learner.account.id, exercise.id, lesson.id],
    );
    const audits = await auditRowCount(db);
    const error = await trpcErrorOf(admin.admin.catalog.exercises.delete({ id: exercise.id }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.cause).toMatchObject({ code: 'EXERCISE_HAS_ATTEMPTS' });
    expect(await admin.admin.catalog.exercises.get({ id: exercise.id })).toMatchObject({
      interactionCount: 1,
    });
    expect(await auditRowCount(db)).toBe(audits);
  });
});
