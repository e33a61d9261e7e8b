import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { getQuizHistory } from './get-quiz-history.ts';
import { getQuizReview } from './get-quiz-review.ts';
import { seedQuestionBank } from './seed-questions.ts';
import { startQuiz } from './start-quiz.ts';
import { submitQuiz } from './submit-quiz.ts';
import { answersWith, bankQuestions, newIdempotencyKey, type BankQuestion } from './testing/quiz-factory.ts';

const db = useTestDatabase();
const now = new Date('2026-03-04T21:30:00Z');
let security: BankQuestion[] = [];

beforeAll(async () => {
  await seedQuestionBank(db.em());
  security = await bankQuestions(db.em(), 'security', 60);
});

const newLearner = async () => (await createAccount(db.em(), uniqueSignUpInput(), now)).id;

const takeQuiz = (userId: number, questions: BankQuestion[], correct: number, at = now) =>
  submitQuiz(db.em(), {
    userId,
    examType: 'security',
    answers: answersWith(questions, correct),
    idempotencyKey: newIdempotencyKey(),
    now: at,
  });

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('startQuiz', () => {
  it('draws distinct questions of the exam, without correct answers or explanations', async () => {
    const userId = await newLearner();
    const quiz = await startQuiz(db.em(), { userId, examType: 'network', count: 20, now });
    expect(quiz.questions).toHaveLength(20);
    expect(new Set(quiz.questions.map((question) => question.id)).size).toBe(20);
    const [exams] = await db.em().execute(
      `select array_agg(distinct exam_type) as exams from questions
        where id in (select value::bigint from jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(quiz.questions.map((question) => question.id))],
    );
    expect(exams).toEqual({ exams: ['network'] });
    for (const question of quiz.questions) {
      expect(question.options.map((option) => option.letter)).toEqual(['A', 'B', 'C', 'D']);
      expect(Object.keys(question).sort()).toEqual(['domain', 'id', 'options', 'reference', 'text']);
      for (const option of question.options) expect(Object.keys(option).sort()).toEqual(['letter', 'text']);
    }
    const explanations = await db.em().execute<{ text: string }[]>(
      `select o.value ->> 'explanation' as text from questions q, jsonb_each(q.options) o
        where q.id in (select value::bigint from jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(quiz.questions.map((question) => question.id))],
    );
    const handedOut = JSON.stringify(quiz);
    expect(explanations).toHaveLength(80);
    expect(explanations.filter((explanation) => handedOut.includes(explanation.text))).toEqual([]);
  });

  it('shuffles: two draws of the whole exam come in different orders', async () => {
    const userId = await newLearner();
    const draw = async () =>
      (await startQuiz(db.em(), { userId, examType: 'network', count: 50, now })).questions.map((q) => q.id);
    const [first, second] = [await draw(), await draw()];
    expect(first).not.toEqual(second);
  });

  it('offers the questions a learner has not answered yet first', async () => {
    const userId = await newLearner();
    // The security bank has 55 questions; answer 50 of them.
    for (let i = 0; i < 50; i += 10) await takeQuiz(userId, security.slice(i, i + 10), 5);
    const quiz = await startQuiz(db.em(), { userId, examType: 'security', count: 5, now });
    const answered = new Set(security.slice(0, 50).map((question) => question.id));
    expect(quiz.questions.filter((question) => answered.has(question.id))).toEqual([]);
  });

  it.each([4, 51, 2.5])('refuses %d questions', async (count) => {
    const error = await rejection(startQuiz(db.em(), { userId: 1, examType: 'network', count, now }));
    expect(error).toMatchObject({
      code: 'QUIZ_QUESTION_COUNT_INVALID',
      kind: 'BAD_INPUT',
      details: { path: ['count'] },
    });
  });
});

describe('getQuizReview', () => {
  it('shows every answer with the question, both letters and all four explanations', async () => {
    const userId = await newLearner();
    const questions = security.slice(0, 6);
    const result = await takeQuiz(userId, questions, 4);
    const review = await getQuizReview(db.em(), { userId, attemptId: result.attemptId });

    expect(review).toMatchObject({
      attemptId: result.attemptId,
      examType: 'security',
      score: 66.67,
      correct: 4,
      total: 6,
    });
    expect(review.completedAt).toEqual(now);
    expect(review.answers.map((answer) => answer.question?.id)).toEqual(
      questions.map((question) => question.id),
    );
    review.answers.forEach((answer, index) => {
      expect(answer.correctAnswer).toBe(questions[index]?.correctAnswer);
      expect(answer.isCorrect).toBe(index < 4);
      expect(answer.isCorrect).toBe(answer.answer === answer.correctAnswer);
      expect(answer.question?.options.map((option) => option.letter)).toEqual(['A', 'B', 'C', 'D']);
      for (const option of answer.question?.options ?? [])
        expect(option.explanation.length).toBeGreaterThan(0);
    });
  });

  it("answers NOT_FOUND for another learner's attempt, as for one that does not exist", async () => {
    const owner = await newLearner();
    const other = await newLearner();
    const { attemptId } = await takeQuiz(owner, security.slice(0, 5), 5);
    const theirs = await rejection(getQuizReview(db.em(), { userId: other, attemptId }));
    const missing = await rejection(getQuizReview(db.em(), { userId: other, attemptId: 987_654_321 }));
    expect(theirs).toMatchObject({ code: 'QUIZ_ATTEMPT_NOT_FOUND', kind: 'NOT_FOUND' });
    expect(missing.message).toBe(theirs.message);
  });

  it('keeps the answer of a question deleted from the bank since', async () => {
    const userId = await newLearner();
    const [doomed] = await db.em().execute<{ id: string }[]>(
      `insert into questions (question_id, exam_type, domain, question_text, correct_answer, options)
       select 'DOOMED-' || md5(random()::text), exam_type, domain, question_text, correct_answer, options
         from questions where id = ? returning id`,
      [security[0]?.id],
    );
    const questions = [
      { id: Number(doomed?.id), correctAnswer: security[0]?.correctAnswer ?? 'A' },
      ...security.slice(1, 5),
    ];
    const { attemptId } = await takeQuiz(userId, questions, 5);
    await db.em().execute('delete from questions where id = ?', [doomed?.id]);
    const review = await getQuizReview(db.em(), { userId, attemptId });
    expect(review.answers[0]).toMatchObject({ question: null, isCorrect: true });
    expect(review.answers).toHaveLength(5);
  });
});

describe('getQuizHistory', () => {
  it('pages newest first by completion time, with no gaps or repeats', async () => {
    const userId = await newLearner();
    const attempts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const at = new Date(now.getTime() + i * 60_000);
      attempts.push((await takeQuiz(userId, security.slice(i * 5, i * 5 + 5), i, at)).attemptId);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await getQuizHistory(db.em(), userId, cursor, 2);
      seen.push(...page.items.map((item) => item.attemptId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...attempts].reverse());
  });

  it('orders attempts completed at the same microsecond by id, across pages', async () => {
    const userId = await newLearner();
    const attempts: number[] = [];
    for (let i = 0; i < 3; i += 1)
      attempts.push((await takeQuiz(userId, security.slice(i * 5, i * 5 + 5), 3)).attemptId);
    await db
      .em()
      .execute(`update quiz_attempts set completed_at = '2026-03-05 10:00:00.123456+00' where user_id = ?`, [
        userId,
      ]);
    const first = await getQuizHistory(db.em(), userId, null, 2);
    const second = await getQuizHistory(db.em(), userId, first.nextCursor, 2);
    expect([...first.items, ...second.items].map((item) => item.attemptId)).toEqual([...attempts].reverse());
    expect(second.nextCursor).toBeNull();
  });

  it('shows only the learner’s own attempts', async () => {
    const userId = await newLearner();
    await takeQuiz(await newLearner(), security.slice(0, 5), 5);
    expect(await getQuizHistory(db.em(), userId)).toEqual({ items: [], nextCursor: null });
  });

  it.each(['not-a-cursor', Buffer.from('["yesterday", 1]').toString('base64url')])(
    'refuses the cursor %s',
    async (cursor) => {
      const error = await rejection(getQuizHistory(db.em(), 1, cursor));
      expect(error).toMatchObject({
        code: 'QUIZ_HISTORY_CURSOR_INVALID',
        kind: 'BAD_INPUT',
        details: { path: ['cursor'] },
      });
    },
  );
});
