import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { expectLedgerBalanced } from '@questline/domain/game/server/testing/ledger-invariant';
import { seedQuestionBank } from '@questline/domain/quiz/server/seed-questions';
import {
  answersWith,
  bankQuestions,
  newIdempotencyKey,
  type BankQuestion,
} from '@questline/domain/quiz/server/testing/quiz-factory';
import { EXAM_TYPES } from '@questline/domain/quiz/universal/exam-types';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';
import { fieldPathsOf } from '../testing/field-paths.ts';
import { quizFootprint, submitThroughApi } from '../testing/quiz-play.ts';

const db = useTestDatabase();
let security: BankQuestion[] = [];
let network: BankQuestion[] = [];

beforeAll(async () => {
  await seedQuestionBank(db.em());
  await seedGameContent(db.em());
  security = await bankQuestions(db.em(), 'security', 10);
  network = await bankQuestions(db.em(), 'network', 10);
});
afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

describe('quiz.examTypes', () => {
  it('lists every exam with the size of its bank, to anyone', async () => {
    const exams = await (await callerFor(db)).quiz.examTypes();
    expect(exams.map((exam) => exam.examType)).toEqual([...EXAM_TYPES]);
    for (const exam of exams) {
      const bank = await bankQuestions(db.em(), exam.examType, 10_000);
      expect(exam).toMatchObject({ questionCount: bank.length, playable: bank.length >= 5 });
      expect(exam.name).not.toBe('');
    }
  });
});

describe('quiz.start', () => {
  it('draws questions of the exam without the correct letter or explanations', async () => {
    const { caller } = await signedUpLearner(db);
    const quiz = await caller.quiz.start({ examType: 'network', count: 7 });
    expect(quiz.examType).toBe('network');
    expect(quiz.questions).toHaveLength(7);
    // By shape, not by text search: question texts may well say "incorrect".
    expect(Object.keys(quiz).sort()).toEqual(['examType', 'questions']);
    for (const question of quiz.questions) {
      expect(Object.keys(question).sort()).toEqual(['domain', 'id', 'options', 'reference', 'text']);
      for (const option of question.options) expect(Object.keys(option).sort()).toEqual(['letter', 'text']);
    }
  });

  it('refuses a bad count or exam with the field path, and an anonymous caller', async () => {
    const { caller } = await signedUpLearner(db);
    const tooFew = await trpcErrorOf(caller.quiz.start({ examType: 'security', count: 2 }));
    expect([tooFew.code, fieldPathsOf(tooFew)]).toEqual(['BAD_REQUEST', [['count']]]);
    // @ts-expect-error an exam type the bank does not have
    const unknown = await trpcErrorOf(caller.quiz.start({ examType: 'cooking' }));
    expect([unknown.code, fieldPathsOf(unknown)]).toEqual(['BAD_REQUEST', [['examType']]]);
    const anonymous = await callerFor(db);
    expect((await trpcErrorOf(anonymous.quiz.start({ examType: 'security' }))).code).toBe('UNAUTHORIZED');
  });
});

describe('quiz.submit', () => {
  it('scores from the bank, rewards through the ledger and places the learner on the board', async () => {
    const { account, caller } = await signedUpLearner(db);
    const result = await submitThroughApi(caller, security, 8);
    expect(result).toMatchObject({ correct: 8, total: 10, score: 80, xpEarned: 80, streak: { current: 1 } });
    expect(result.standing.rank).toBeGreaterThanOrEqual(1);
    expect(result.standing.of).toBeGreaterThanOrEqual(result.standing.rank);
    const footprint = await quizFootprint(db, account.id);
    expect(footprint).toMatchObject({ attempts: 1, answers: 10 });
    const review = await caller.quiz.review({ attemptId: result.attemptId });
    expect(review).toMatchObject({ attemptId: result.attemptId, correct: 8, xpEarned: 80 });
  });

  it('answers a repeated key with the first result and records once; a changed payload is a conflict', async () => {
    const { account, caller } = await signedUpLearner(db);
    const idempotencyKey = newIdempotencyKey();
    const first = await submitThroughApi(caller, security, 10, 'security', idempotencyKey);
    const footprint = await quizFootprint(db, account.id);
    expect(await submitThroughApi(caller, security, 10, 'security', idempotencyKey)).toEqual(first);
    const changed = await trpcErrorOf(submitThroughApi(caller, security, 3, 'security', idempotencyKey));
    expect(changed.code).toBe('CONFLICT');
    expect(changed.cause).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await quizFootprint(db, account.id)).toEqual(footprint);
  });

  it('records and rewards once when 20 identical submissions race', async () => {
    const { account, token } = await signedUpLearner(db);
    const idempotencyKey = newIdempotencyKey();
    const callers = await Promise.all(Array.from({ length: 20 }, () => callerFor(db, token)));
    const results = await Promise.all(
      callers.map((racer) => submitThroughApi(racer, network, 10, 'network', idempotencyKey)),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    const footprint = await quizFootprint(db, account.id);
    expect(footprint).toMatchObject({ attempts: 1, answers: 10 });
    const [quizGrants] = await db
      .em()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from xp_events where user_id = ? and source = 'quiz'`,
        [account.id],
      );
    expect(quizGrants?.n).toBe(1);
  });

  it('refuses bad submissions with the field path and writes nothing', async () => {
    const { account, caller } = await signedUpLearner(db);
    const answers = answersWith(security, 5);
    const submit = (override: Partial<Parameters<typeof caller.quiz.submit>[0]>) =>
      caller.quiz.submit({ examType: 'security', answers, idempotencyKey: newIdempotencyKey(), ...override });
    const [first, second] = answers;
    if (!first || !second) throw new Error('the quiz needs answers');
    const cases: [() => Promise<unknown>, (string | number)[]][] = [
      [
        () => submit({ answers: [first, { ...second, questionId: first.questionId }, ...answers.slice(2)] }),
        ['answers', 1, 'questionId'],
      ],
      // @ts-expect-error a letter the options do not have
      [() => submit({ answers: [{ ...first, answer: 'E' }, ...answers.slice(1)] }), ['answers', 0, 'answer']],
      [() => submit({ answers: answers.slice(0, 4) }), ['answers']],
      [() => submit({ answers: answersWith(network, 5) }), ['answers', 0, 'questionId']],
      [
        () => submit({ answers: [{ ...first, questionId: 987_654_321 }, ...answers.slice(1)] }),
        ['answers', 0, 'questionId'],
      ],
      [() => submit({ idempotencyKey: 'bad key' }), ['idempotencyKey']],
    ];
    for (const [call, path] of cases) {
      const error = await trpcErrorOf(call());
      expect(error.code).toBe('BAD_REQUEST');
      expect(fieldPathsOf(error)[0]).toEqual(path);
    }
    expect(await quizFootprint(db, account.id)).toMatchObject({ attempts: 0, answers: 0, ledger: 0, xp: 0 });
  });
});
