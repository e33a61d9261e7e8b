import type { TestDatabase } from '@questline/domain/database/server/testing/test-database';
import type { ExamType } from '@questline/domain/quiz/universal/exam-types';
import {
  answersWith,
  newIdempotencyKey,
  type BankQuestion,
} from '@questline/domain/quiz/server/testing/quiz-factory';
import type { Caller } from './callers.ts';

/** Submits a quiz through the API with the first `correct` answers right. */
export function submitThroughApi(
  caller: Caller,
  questions: readonly BankQuestion[],
  correct: number,
  examType: ExamType = 'security',
  idempotencyKey = newIdempotencyKey(),
) {
  return caller.quiz.submit({ examType, answers: answersWith(questions, correct), idempotencyKey });
}

/** What quizzes have written for a learner: attempts, answers and ledger entries. */
export async function quizFootprint(db: TestDatabase, userId: number) {
  const [row] = await db.em().execute<{ attempts: number; answers: number; ledger: number; xp: number }[]>(
    `select (select count(*)::int from quiz_attempts where user_id = ?) as attempts,
            (select count(*)::int from user_answers where user_id = ?) as answers,
            (select count(*)::int from xp_events where user_id = ?) as ledger,
            (select xp from user_profiles where user_id = ?) as xp`,
    [userId, userId, userId, userId],
  );
  return row;
}
