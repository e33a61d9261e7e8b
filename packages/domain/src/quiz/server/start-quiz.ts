import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { ANSWER_LETTERS, EXAM_TYPES, type ExamType } from '../universal/exam-types.ts';
import type { StartedQuiz } from '../universal/quiz-dtos.ts';
import { QUIZ_LIMITS } from '../universal/quiz-inputs.ts';
import type { QuestionOptions } from './question.entity.ts';

export interface StartQuizRequest {
  readonly userId: number;
  readonly examType: ExamType;
  readonly count: number;
  readonly now: Date;
}

interface QuestionRow {
  id: string | number;
  question_id: string;
  domain: string;
  question_text: string;
  options: QuestionOptions;
}

/**
 * Draws `count` distinct questions of one exam (fewer if the bank has fewer) in random order,
 * preferring those this learner has seen least, with their options but never the correct letter
 * or the explanations. Nothing is stored: the submission is checked against the bank.
 */
export async function startQuiz(em: EntityManager, request: StartQuizRequest): Promise<StartedQuiz> {
  if (!(EXAM_TYPES as readonly string[]).includes(request.examType)) {
    throw new DomainError('QUIZ_EXAM_TYPE_UNKNOWN', 'BAD_INPUT', 'Unknown exam type', { path: ['examType'] });
  }
  const { count } = request;
  if (!Number.isInteger(count) || count < QUIZ_LIMITS.minQuestions || count > QUIZ_LIMITS.maxQuestions) {
    throw new DomainError(
      'QUIZ_QUESTION_COUNT_INVALID',
      'BAD_INPUT',
      `A quiz has ${QUIZ_LIMITS.minQuestions} to ${QUIZ_LIMITS.maxQuestions} questions`,
      { path: ['count'] },
    );
  }
  const rows = await em.execute<QuestionRow[]>(
    `select * from (
       select q.id, q.question_id, q.domain, q.question_text, q.options
         from questions q
         left join (select question_id, count(*) as seen from user_answers where user_id = ? group by question_id) s
           on s.question_id = q.id
        where q.exam_type = ? and q.is_active
        order by coalesce(s.seen, 0), random()
        limit ?) drawn
      order by random()`,
    [request.userId, request.examType, count],
  );
  if (rows.length < QUIZ_LIMITS.minQuestions) {
    throw new DomainError(
      'QUIZ_NOT_ENOUGH_QUESTIONS',
      'PRECONDITION_FAILED',
      `This exam has only ${rows.length} questions in the bank; a quiz needs ${QUIZ_LIMITS.minQuestions}`,
      { path: ['examType'], available: rows.length },
    );
  }
  return {
    examType: request.examType,
    questions: rows.map((row) => ({
      id: Number(row.id),
      reference: row.question_id,
      domain: row.domain,
      text: row.question_text,
      options: ANSWER_LETTERS.map((letter) => ({ letter, text: row.options[letter].text })),
    })),
  };
}
