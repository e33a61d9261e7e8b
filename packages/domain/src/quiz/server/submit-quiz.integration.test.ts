import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import { seedGameContent } from '../../game/server/seed-game-content.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { QuizAnswerInput } from '../universal/quiz-inputs.ts';
import { seedQuestionBank } from './seed-questions.ts';
import { submitQuiz, type SubmitQuizRequest } from './submit-quiz.ts';
import { answersWith, bankQuestions, newIdempotencyKey, type BankQuestion } from './testing/quiz-factory.ts';

const db = useTestDatabase();
const now = new Date('2026-03-04T21:30:00Z');
let security: BankQuestion[] = [];
let network: BankQuestion[] = [];

beforeAll(async () => {
  await seedQuestionBank(db.em());
  await seedGameContent(db.em());
  security = await bankQuestions(db.em(), 'security', 50);
  network = await bankQuestions(db.em(), 'network', 10);
});

const newLearner = async (timezone?: string) => {
  const user = await createAccount(db.em(), uniqueSignUpInput(), now);
  if (timezone) await db.em().execute('update users set timezone = ? where id = ?', [timezone, user.id]);
  return user.id;
};

const submission = (
  userId: number,
  answers: QuizAnswerInput[],
  overrides: Partial<SubmitQuizRequest> = {},
) => ({
  userId,
  examType: 'security' as const,
  answers,
  idempotencyKey: newIdempotencyKey(),
  now,
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function footprint(userId: number) {
  const [row] = await db.em().execute(
    `select (select count(*)::int from quiz_attempts where user_id = ?) as attempts,
            (select count(*)::int from user_answers where user_id = ?) as answers,
            (select count(*)::int from xp_events where user_id = ?) as grants,
            (select count(*)::int from idempotency_records where user_id = ?) as records,
            (select count(*)::int from leaderboard_standings where user_id = ?) as standings,
            (select count(*)::int from user_streak_days where user_id = ?) as streak_days,
            (select total_exams_taken || '/' || total_questions_answered || '/' || xp from user_profiles where user_id = ?) as profile`,
    Array.from({ length: 7 }, () => userId),
  );
  return row;
}

describe('submitQuiz', () => {
  it('scores from the stored answers and records the attempt, every answer and the totals', async () => {
    const userId = await newLearner();
    const answers = answersWith(security.slice(0, 10), 7);
    const result = await submitQuiz(db.em(), submission(userId, answers));

    expect(result).toMatchObject({ score: 70, correct: 7, total: 10, xpEarned: 70 });
    expect(result.streak).toMatchObject({ current: 1, dayAdded: true, localDate: '2026-03-04' });
    expect(result.standing).toEqual({ rank: 1, of: 1 });
    const [attempt] = await db.em().execute(
      `select user_id::int, exam_type, total_questions, correct_answers, score_percentage, time_taken_seconds,
              xp_earned, completed_at::text from quiz_attempts where id = ?`,
      [result.attemptId],
    );
    expect(attempt).toEqual({
      user_id: userId,
      exam_type: 'security',
      total_questions: 10,
      correct_answers: 7,
      score_percentage: 70,
      time_taken_seconds: 300,
      xp_earned: 70,
      completed_at: '2026-03-04 21:30:00+00',
    });
    const stored = await db
      .em()
      .execute<{ question_id: string; user_answer: string; is_correct: boolean }[]>(
        'select question_id, user_answer, is_correct from user_answers where quiz_attempt_id = ? order by id',
        [result.attemptId],
      );
    expect(stored.map((row) => [Number(row.question_id), row.user_answer])).toEqual(
      answers.map((answer) => [answer.questionId, answer.answer]),
    );
    expect(stored.filter((row) => row.is_correct)).toHaveLength(7);
    const [profile] = await db
      .em()
      .execute('select total_exams_taken, total_questions_answered from user_profiles where user_id = ?', [
        userId,
      ]);
    expect(profile).toEqual({ total_exams_taken: 1, total_questions_answered: 10 });
    const [grant] = await db
      .em()
      .execute(`select amount, source from xp_events where user_id = ? and idempotency_key = ?`, [
        userId,
        `quiz-attempt:${result.attemptId}`,
      ]);
    expect(grant).toEqual({ amount: 70, source: 'quiz' });
    // The first quiz meets achievements, whose own XP goes through the ledger too.
    expect(result.unlocks.achievements.length).toBeGreaterThan(0);
    await expectLedgerBalanced(db.em());
  });

  it('adds 50 XP for a perfect quiz, and nothing for a quiz with no correct answer', async () => {
    const userId = await newLearner();
    const perfect = await submitQuiz(db.em(), submission(userId, answersWith(security.slice(0, 5), 5)));
    expect(perfect).toMatchObject({ score: 100, xpEarned: 100 });
    const blank = await submitQuiz(db.em(), submission(userId, answersWith(security.slice(5, 10), 0)));
    expect(blank).toMatchObject({ score: 0, xpEarned: 0 });
    const [ledger] = await db
      .em()
      .execute(`select count(*)::int as n from xp_events where user_id = ? and source = 'quiz'`, [userId]);
    expect(ledger).toEqual({ n: 1 });
    await expectLedgerBalanced(db.em());
  });

  it('rounds the stored score to 2 decimals', async () => {
    const userId = await newLearner();
    const result = await submitQuiz(db.em(), submission(userId, answersWith(security.slice(0, 6), 4)));
    expect(result.score).toBe(66.67);
  });

  it("counts the practice day in the learner's time zone", async () => {
    const userId = await newLearner('Pacific/Kiritimati');
    const result = await submitQuiz(db.em(), submission(userId, answersWith(security.slice(0, 5), 3)));
    expect(result.streak.localDate).toBe('2026-03-05');
  });

  it('keeps the best score per exam, and a tie keeps the instant it was first reached', async () => {
    const userId = await newLearner();
    const best = () =>
      db
        .em()
        .execute(
          `select score, reached_at::text from leaderboard_standings where board = 'quiz_best' and user_id = ?`,
          [userId],
        );
    await submitQuiz(db.em(), submission(userId, answersWith(security.slice(0, 10), 8)));
    const later = new Date(now.getTime() + 60_000);
    await submitQuiz(db.em(), submission(userId, answersWith(security.slice(10, 20), 8), { now: later }));
    await submitQuiz(db.em(), submission(userId, answersWith(security.slice(20, 30), 6), { now: later }));
    expect(await best()).toEqual([{ score: 80, reached_at: '2026-03-04 21:30:00+00' }]);
    const evenLater = new Date(now.getTime() + 120_000);
    await submitQuiz(db.em(), submission(userId, answersWith(security.slice(30, 40), 9), { now: evenLater }));
    expect(await best()).toEqual([{ score: 90, reached_at: '2026-03-04 21:32:00+00' }]);
    await submitQuiz(
      db.em(),
      submission(userId, answersWith(network.slice(0, 5), 5), { examType: 'network' }),
    );
    const [scopes] = await db
      .em()
      .execute(
        `select string_agg(scope, ',' order by scope) as scopes from leaderboard_standings where board = 'quiz_best' and user_id = ?`,
        [userId],
      );
    expect(scopes).toEqual({ scopes: 'network,security' });
    await expectLedgerBalanced(db.em());
  });

  it('ranks the result on the exam board', async () => {
    const first = await newLearner();
    const second = await newLearner();
    await submitQuiz(
      db.em(),
      submission(first, answersWith(network.slice(0, 5), 4), { examType: 'network' }),
    );
    const result = await submitQuiz(
      db.em(),
      submission(second, answersWith(network.slice(0, 5), 4), {
        examType: 'network',
        now: new Date(now.getTime() + 1),
      }),
    );
    // Same score, reached later: behind the first learner. Other tests' network standings count too.
    expect(result.standing.rank).toBe(result.standing.of);
  });
});

describe('submitQuiz with bad input', () => {
  const unknownQuestionId = 9_999_999;

  it.each([
    [
      'an unknown question',
      () =>
        answersWith(security.slice(0, 5), 5).map((a, i) =>
          i === 3 ? { ...a, questionId: unknownQuestionId } : a,
        ),
      'QUIZ_QUESTION_NOT_FOUND',
      ['answers', 3, 'questionId'],
    ],
    [
      "another exam's question",
      () => [...answersWith(security.slice(0, 4), 4), ...answersWith(network.slice(0, 1), 1)],
      'QUIZ_QUESTION_WRONG_EXAM',
      ['answers', 4, 'questionId'],
    ],
    [
      'a question answered twice',
      () => {
        const answers = answersWith(security.slice(0, 5), 5);
        return [
          ...answers.slice(0, 4),
          { ...answers[1], questionId: security[1]?.id ?? 0, answer: 'C' as const, timeSpentSeconds: 1 },
        ];
      },
      'QUIZ_QUESTION_REPEATED',
      ['answers', 4, 'questionId'],
    ],
    [
      'a letter outside A–D',
      () => answersWith(security.slice(0, 5), 5).map((a, i) => (i === 2 ? { ...a, answer: 'E' as 'A' } : a)),
      'QUIZ_SUBMISSION_INVALID',
      ['answers', 2, 'answer'],
    ],
    [
      'a negative time',
      () =>
        answersWith(security.slice(0, 5), 5).map((a, i) => (i === 0 ? { ...a, timeSpentSeconds: -5 } : a)),
      'QUIZ_SUBMISSION_INVALID',
      ['answers', 0, 'timeSpentSeconds'],
    ],
    ['four answers', () => answersWith(security.slice(0, 4), 4), 'QUIZ_SUBMISSION_INVALID', ['answers']],
    [
      '51 answers',
      () => answersWith([...security, ...security].slice(0, 51), 4),
      'QUIZ_SUBMISSION_INVALID',
      ['answers'],
    ],
  ])('refuses %s with the path of the fault, and changes nothing', async (_, answers, code, path) => {
    const userId = await newLearner();
    const before = await footprint(userId);
    const error = await rejection(submitQuiz(db.em(), submission(userId, answers())));
    expect(error).toMatchObject({ code, kind: 'BAD_INPUT', details: expect.objectContaining({ path }) });
    expect(await footprint(userId)).toEqual(before);
  });

  it('refuses a malformed idempotency key', async () => {
    const userId = await newLearner();
    const error = await rejection(
      submitQuiz(db.em(), submission(userId, answersWith(security.slice(0, 5), 5), { idempotencyKey: 'x' })),
    );
    expect(error).toMatchObject({ kind: 'BAD_INPUT', details: { path: ['idempotencyKey'] } });
  });
});

describe('submitQuiz, exactly once', () => {
  it('records and rewards 20 identical concurrent submissions once, and answers all alike', async () => {
    const userId = await newLearner();
    const same = submission(userId, answersWith(security.slice(0, 10), 10));
    const results = await Promise.all(Array.from({ length: 20 }, () => submitQuiz(db.em(), same)));

    for (const result of results) expect(result).toEqual(results[0]);
    expect(await footprint(userId)).toMatchObject({
      attempts: 1,
      answers: 10,
      records: 1,
      profile: expect.stringMatching(/^1\/10\//),
    });
    const [grants] = await db
      .em()
      .execute(`select count(*)::int as n from xp_events where user_id = ? and source = 'quiz'`, [userId]);
    expect(grants).toEqual({ n: 1 });
    await expectLedgerBalanced(db.em());
  });

  it('returns the first result to a retry, even after later attempts', async () => {
    const userId = await newLearner();
    const first = submission(userId, answersWith(security.slice(0, 5), 3));
    const original = await submitQuiz(db.em(), first);
    await submitQuiz(db.em(), submission(userId, answersWith(security.slice(5, 10), 5)));
    expect(await submitQuiz(db.em(), first)).toEqual(original);
    expect(await footprint(userId)).toMatchObject({ attempts: 2 });
  });

  it('refuses the same key for different answers', async () => {
    const userId = await newLearner();
    const first = submission(userId, answersWith(security.slice(0, 5), 3));
    await submitQuiz(db.em(), first);
    const error = await rejection(
      submitQuiz(db.em(), { ...first, answers: answersWith(security.slice(0, 5), 4) }),
    );
    expect(error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await footprint(userId)).toMatchObject({ attempts: 1 });
  });

  it('records distinct concurrent submissions of one learner each once, keeping the best', async () => {
    const userId = await newLearner();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        submitQuiz(db.em(), submission(userId, answersWith(security.slice(i * 5, i * 5 + 5), i % 6))),
      ),
    );
    const [best] = await db
      .em()
      .execute(`select score from leaderboard_standings where board = 'quiz_best' and user_id = ?`, [userId]);
    expect(best).toEqual({ score: 100 });
    expect(new Set(results.map((result) => result.attemptId)).size).toBe(8);
    expect(await footprint(userId)).toMatchObject({
      attempts: 8,
      answers: 40,
      profile: expect.stringMatching(/^8\/40\//),
    });
    await expectLedgerBalanced(db.em());
  });
});
