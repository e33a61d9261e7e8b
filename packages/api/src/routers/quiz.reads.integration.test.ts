import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedQuestionBank } from '@questline/domain/quiz/server/seed-questions';
import { bankQuestions, type BankQuestion } from '@questline/domain/quiz/server/testing/quiz-factory';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';
import { fieldPathsOf } from '../testing/field-paths.ts';
import { submitThroughApi } from '../testing/quiz-play.ts';

const db = useTestDatabase();
let security: BankQuestion[] = [];
const start = new Date('2026-03-02T09:00:00Z');
const minutesLater = (minutes: number) => () => new Date(start.getTime() + minutes * 60_000);

beforeAll(async () => {
  await seedQuestionBank(db.em());
  security = await bankQuestions(db.em(), 'security', 5);
});

/** A learner with `count` attempts a minute apart (the k-th with k correct answers, capped at 5). */
async function learnerWithAttempts(count: number) {
  const learner = await signedUpLearner(db);
  const attemptIds: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const caller = await callerFor(db, learner.token, { now: minutesLater(index) });
    attemptIds.push((await submitThroughApi(caller, security, Math.min(index, 5))).attemptId);
  }
  return { ...learner, attemptIds };
}

describe('quiz.review', () => {
  it('shows every answer with the correct letter and the explanations after submitting', async () => {
    const { caller, attemptIds } = await learnerWithAttempts(1);
    const review = await caller.quiz.review({ attemptId: Number(attemptIds[0]) });
    expect(review.answers).toHaveLength(5);
    for (const [index, answer] of review.answers.entries()) {
      expect(answer.question?.id).toBe(security[index]?.id);
      expect(answer.correctAnswer).toBe(security[index]?.correctAnswer);
      expect(answer.isCorrect).toBe(false);
      expect(answer.question?.options.every((option) => option.explanation !== '')).toBe(true);
    }
  });

  it("is NOT_FOUND for another learner's attempt, which stays as it was", async () => {
    const owner = await learnerWithAttempts(1);
    const other = await signedUpLearner(db);
    const attemptId = Number(owner.attemptIds[0]);
    const before = await owner.caller.quiz.review({ attemptId });
    const error = await trpcErrorOf(other.caller.quiz.review({ attemptId }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.cause).toMatchObject({ code: 'QUIZ_ATTEMPT_NOT_FOUND' });
    expect((await other.caller.quiz.history({})).items).toEqual([]);
    expect(await owner.caller.quiz.review({ attemptId })).toEqual(before);
  });

  it('refuses an id that is not a positive integer, and an anonymous caller', async () => {
    const { caller } = await signedUpLearner(db);
    const error = await trpcErrorOf(caller.quiz.review({ attemptId: -1 }));
    expect([error.code, fieldPathsOf(error)]).toEqual(['BAD_REQUEST', [['attemptId']]]);
    const anonymous = await callerFor(db);
    expect((await trpcErrorOf(anonymous.quiz.review({ attemptId: 1 }))).code).toBe('UNAUTHORIZED');
  });
});

describe('quiz.history', () => {
  it('pages through the learner’s own attempts, newest first', async () => {
    const { caller, attemptIds } = await learnerWithAttempts(5);
    const first = await caller.quiz.history({ limit: 2 });
    expect(first.items.map((item) => item.attemptId)).toEqual([attemptIds[4], attemptIds[3]]);
    expect(first.items[0]).toMatchObject({ examType: 'security', correct: 4, total: 5 });
    const second = await caller.quiz.history({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((item) => item.attemptId)).toEqual([attemptIds[2], attemptIds[1]]);
    const last = await caller.quiz.history({ limit: 2, cursor: second.nextCursor });
    expect(last.items.map((item) => item.attemptId)).toEqual([attemptIds[0]]);
    expect(last.nextCursor).toBeNull();
  });

  it('refuses a forged cursor and an out-of-range limit with their field paths', async () => {
    const { caller } = await signedUpLearner(db);
    // Well-formed but impossible instants must be refused before they reach PostgreSQL's cast.
    const forge = (instant: string) => Buffer.from(JSON.stringify([instant, 1])).toString('base64url');
    for (const cursor of [
      'not-a-cursor',
      forge('2026-13-45 25:61:00+00'),
      forge('2026-02-29 12:00:00+00'),
      forge('2026-03-01 12:00:00+99'),
    ]) {
      const forged = await trpcErrorOf(caller.quiz.history({ cursor }));
      expect([forged.code, fieldPathsOf(forged)]).toEqual(['BAD_REQUEST', [['cursor']]]);
    }
    const leapDay = await caller.quiz.history({ cursor: forge('2028-02-29 12:00:00.5+05:30') });
    expect(leapDay.items).toEqual([]);
    const tooMany = await trpcErrorOf(caller.quiz.history({ limit: 1_000 }));
    expect([tooMany.code, fieldPathsOf(tooMany)]).toEqual(['BAD_REQUEST', [['limit']]]);
  });
});
