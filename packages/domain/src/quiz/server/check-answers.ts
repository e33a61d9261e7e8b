import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { AnswerLetter, ExamType } from '../universal/exam-types.ts';
import type { QuizAnswerInput } from '../universal/quiz-inputs.ts';

export interface CheckedAnswer extends QuizAnswerInput {
  /** From the bank, never from the client. */
  readonly correctAnswer: AnswerLetter;
}

/**
 * Looks up every answered question in one query and refuses, with the path of the first bad
 * answer, a question that does not exist, belongs to another exam or is answered twice.
 */
export async function checkAnswers(
  em: EntityManager,
  examType: ExamType,
  answers: readonly QuizAnswerInput[],
): Promise<CheckedAnswer[]> {
  const rows = await em.execute<{ id: string | number; exam_type: ExamType; correct_answer: AnswerLetter }[]>(
    `select id, exam_type, correct_answer from questions
      where id in (select value::bigint from jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify(answers.map((answer) => answer.questionId))],
  );
  const bank = new Map(rows.map((row) => [Number(row.id), row]));
  const seen = new Set<number>();
  return answers.map((answer, index) => {
    const path = ['answers', index, 'questionId'];
    const question = bank.get(answer.questionId);
    if (!question) {
      throw new DomainError('QUIZ_QUESTION_NOT_FOUND', 'BAD_INPUT', 'This question is not in the bank', {
        path,
      });
    }
    if (question.exam_type !== examType) {
      throw new DomainError(
        'QUIZ_QUESTION_WRONG_EXAM',
        'BAD_INPUT',
        'This question belongs to another exam',
        {
          path,
          examType: question.exam_type,
        },
      );
    }
    if (seen.has(answer.questionId)) {
      throw new DomainError('QUIZ_QUESTION_REPEATED', 'BAD_INPUT', 'This question is answered twice', {
        path,
      });
    }
    seen.add(answer.questionId);
    return { ...answer, correctAnswer: question.correct_answer };
  });
}
