import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import {
  questionCsv,
  questionRow,
  uniqueQuestionId,
} from '@questline/domain/quiz/server/testing/question-rows';
import type { AdminQuestion } from '@questline/domain/quiz/universal/question-admin';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, signedUpLearner, trpcErrorOf, type Caller } from '../../testing/callers.ts';

const db = useTestDatabase();
let admin: Caller;

beforeAll(async () => {
  admin = (await signedInAdmin(db)).caller;
});

/** Imports questions with the given ids (security exam unless told) and returns them, in order. */
async function bank(ids: readonly string[], examType = 'security'): Promise<AdminQuestion[]> {
  await admin.admin.questions.import({
    csv: questionCsv(ids.map((id) => questionRow(id, { exam_type: examType }))),
  });
  const page = await admin.admin.questions.list({
    search: ids.length === 1 ? ids[0] : undefined,
    limit: 100,
  });
  return ids.map((id) => {
    const found = page.items.find((question) => question.questionId === id);
    if (!found) throw new Error(`question ${id} was not imported`);
    return found;
  });
}

const asUpdate = ({
  id,
  questionId,
  examType,
  domain,
  questionText,
  options,
  correctAnswer,
}: AdminQuestion) => ({
  id,
  questionId,
  examType,
  domain,
  questionText,
  options,
  correctAnswer,
});

describe('admin.questions', () => {
  it('lists by exam and text, newest first, in keyset pages', async () => {
    const tag = uniqueQuestionId('LST');
    const ids = [`${tag}-0`, `${tag}-1`, `${tag}-2`];
    await bank(ids, 'a1101');
    await bank([`${tag}-net`], 'network');
    const first = await admin.admin.questions.list({ examType: 'a1101', search: tag, limit: 2 });
    expect(first.items.map((q) => q.questionId)).toEqual([`${tag}-2`, `${tag}-1`]);
    const rest = await admin.admin.questions.list({
      examType: 'a1101',
      search: tag,
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(rest.items.map((q) => q.questionId)).toEqual([`${tag}-0`]);
    expect(rest.nextCursor).toBeNull();
    expect((await admin.admin.questions.list({ search: `${tag}-net` })).items.map((q) => q.examType)).toEqual(
      ['network'],
    );
    expect((await admin.admin.questions.list({ search: '%' })).items).toEqual([]);
  });

  it('reads one question with how often learners answered it, and right', async () => {
    const [question] = await bank([uniqueQuestionId()]);
    const got = await admin.admin.questions.get({ id: question?.id ?? 0 });
    expect(got).toMatchObject({
      questionId: question?.questionId,
      correctAnswer: 'A',
      timesAnswered: 0,
      timesCorrect: 0,
    });
    expect(got.options.A).toEqual({ text: 'TCP 22', explanation: 'SSH listens on TCP 22.' });
    expect((await trpcErrorOf(admin.admin.questions.get({ id: 999_999 }))).code).toBe('NOT_FOUND');
  });

  it('updates a question, audited before and after; saving it unchanged writes nothing', async () => {
    const [question] = await bank([uniqueQuestionId()]);
    if (!question) throw new Error('no question');
    const updated = await admin.admin.questions.update({
      ...asUpdate(question),
      questionText: '  Which port does SSH listen on?  ',
      correctAnswer: 'A',
    });
    expect(updated).toMatchObject({ id: question.id, questionText: 'Which port does SSH listen on?' });
    await admin.admin.questions.update(asUpdate(updated));
    const rows = await auditRowsOf(db, 'question', question.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'question.update',
      before: { questionText: question.questionText },
      after: { questionText: 'Which port does SSH listen on?' },
    });
  });

  it('refuses bad fields with the path of the field, and an id in use, nothing changed', async () => {
    const [question, other] = await bank([uniqueQuestionId(), uniqueQuestionId()]);
    if (!question || !other) throw new Error('no questions');
    const audits = await auditRowCount(db);
    const base = asUpdate(question);
    await expectBadInputAt(admin.admin.questions.update({ ...base, domain: '12' }), ['domain']);
    await expectBadInputAt(
      admin.admin.questions.update({
        ...base,
        options: { ...base.options, C: { text: 'tcp 22', explanation: 'x' } },
      }),
      ['options', 'C', 'text'],
    );
    await expectBadInputAt(admin.admin.questions.update({ ...base, questionText: 'short' }), [
      'questionText',
    ]);
    const taken = await trpcErrorOf(admin.admin.questions.update({ ...base, questionId: other.questionId }));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.cause).toMatchObject({ code: 'QUESTION_ID_TAKEN', details: { path: ['questionId'] } });
    const missing = await trpcErrorOf(admin.admin.questions.update({ ...base, id: 999_999 }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(await admin.admin.questions.get({ id: question.id })).toEqual(question);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('retires a question from new quizzes and brings it back, audited; the same state writes nothing', async () => {
    const questions = await bank(
      Array.from({ length: 6 }, () => uniqueQuestionId()),
      'a1102',
    );
    const [retired] = questions;
    if (!retired) throw new Error('no question');
    expect(retired.isActive).toBe(true);
    const off = await admin.admin.questions.setActive({ id: retired.id, active: false });
    expect(off.isActive).toBe(false);
    await admin.admin.questions.setActive({ id: retired.id, active: false });
    expect(await auditRowsOf(db, 'question', retired.id)).toMatchObject([
      { action: 'question.deactivate', before: { isActive: true }, after: { isActive: false } },
    ]);

    const { caller: learner } = await signedUpLearner(db);
    const exams = await learner.quiz.examTypes();
    expect(exams.find((exam) => exam.examType === 'a1102')?.questionCount).toBe(5);
    const quiz = await learner.quiz.start({ examType: 'a1102', count: 5 });
    expect(quiz.questions.map((question) => question.id).sort()).toEqual(
      questions
        .slice(1)
        .map((question) => question.id)
        .sort(),
    );
    const retiredOnly = await admin.admin.questions.list({ examType: 'a1102', active: false });
    expect(retiredOnly.items.map((question) => question.id)).toEqual([retired.id]);

    expect((await admin.admin.questions.setActive({ id: retired.id, active: true })).isActive).toBe(true);
    expect((await auditRowsOf(db, 'question', retired.id)).map((row) => row.action)).toEqual([
      'question.deactivate',
      'question.activate',
    ]);
    await expectAdminOnly(db, (caller) =>
      caller.admin.questions.setActive({ id: retired.id, active: false }),
    );
    expect((await admin.admin.questions.get({ id: retired.id })).isActive).toBe(true);
  });

  it('is refused to learners and anonymous callers', async () => {
    const [question] = await bank([uniqueQuestionId()]);
    if (!question) throw new Error('no question');
    await expectAdminOnly(db, (caller) => caller.admin.questions.list({}));
    await expectAdminOnly(db, (caller) => caller.admin.questions.get({ id: question.id }));
    await expectAdminOnly(db, (caller) =>
      caller.admin.questions.update({ ...asUpdate(question), questionText: 'Which port is mine now?' }),
    );
    expect(await admin.admin.questions.get({ id: question.id })).toEqual(question);
  });
});
