import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { AnswerLetter, ExamType } from '../../universal/exam-types.ts';
import type { QuizAnswerInput } from '../../universal/quiz-inputs.ts';

export interface BankQuestion {
  readonly id: number;
  readonly correctAnswer: AnswerLetter;
}

/** Questions of one exam from the seeded bank, in a stable order. */
export async function bankQuestions(
  em: EntityManager,
  examType: ExamType,
  count: number,
): Promise<BankQuestion[]> {
  const rows = await em.execute<{ id: string; correct_answer: AnswerLetter }[]>(
    'select id, correct_answer from questions where exam_type = ? order by question_id limit ?',
    [examType, count],
  );
  return rows.map((row) => ({ id: Number(row.id), correctAnswer: row.correct_answer }));
}

const wrongLetter = (letter: AnswerLetter): AnswerLetter => (letter === 'A' ? 'B' : 'A');

/** Answers with exactly `correct` right (the first ones), 30 seconds each. */
export function answersWith(questions: readonly BankQuestion[], correct: number): QuizAnswerInput[] {
  return questions.map((question, index) => ({
    questionId: question.id,
    answer: index < correct ? question.correctAnswer : wrongLetter(question.correctAnswer),
    timeSpentSeconds: 30,
  }));
}

export const newIdempotencyKey = () => `quiz-${randomUUID()}`;
