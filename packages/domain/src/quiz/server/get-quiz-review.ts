import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { ANSWER_LETTERS, type AnswerLetter, type ExamType } from '../universal/exam-types.ts';
import type { QuizReview } from '../universal/quiz-dtos.ts';
import type { QuestionOptions } from './question.entity.ts';

export interface QuizReviewRequest {
  readonly userId: number;
  readonly attemptId: number;
}

interface AttemptRow {
  id: string | number;
  exam_type: ExamType;
  score_percentage: number;
  correct_answers: number;
  total_questions: number;
  xp_earned: number;
  time_taken_seconds: number | null;
  completed_at: string | Date;
}

interface AnswerRow {
  question_id: string | number | null;
  reference: string | null;
  domain: string | null;
  question_text: string | null;
  options: QuestionOptions | null;
  user_answer: AnswerLetter;
  correct_answer: AnswerLetter;
  is_correct: boolean;
  time_spent_seconds: number | null;
}

/**
 * A finished attempt with every answer: the question, the learner's letter, the correct letter
 * (as stored when it was scored) and all four explanations. Someone else's attempt is NOT_FOUND,
 * the same answer as for an id that does not exist, so ids reveal nothing.
 */
export async function getQuizReview(em: EntityManager, request: QuizReviewRequest): Promise<QuizReview> {
  const notFound = new DomainError('QUIZ_ATTEMPT_NOT_FOUND', 'NOT_FOUND', 'No such quiz attempt', {
    path: ['attemptId'],
  });
  if (!Number.isSafeInteger(request.attemptId) || request.attemptId < 1) throw notFound;
  const [attempt] = await em.execute<AttemptRow[]>(
    `select id, exam_type, score_percentage, correct_answers, total_questions, xp_earned, time_taken_seconds,
            completed_at
       from quiz_attempts where id = ? and user_id = ?`,
    [request.attemptId, request.userId],
  );
  if (!attempt) throw notFound;
  const answers = await em.execute<AnswerRow[]>(
    `select a.question_id, q.question_id as reference, q.domain, q.question_text, q.options,
            a.user_answer, a.correct_answer, a.is_correct, a.time_spent_seconds
       from user_answers a left join questions q on q.id = a.question_id
      where a.quiz_attempt_id = ? order by a.id`,
    [request.attemptId],
  );
  return {
    attemptId: Number(attempt.id),
    examType: attempt.exam_type,
    score: attempt.score_percentage,
    correct: attempt.correct_answers,
    total: attempt.total_questions,
    xpEarned: attempt.xp_earned,
    timeTakenSeconds: attempt.time_taken_seconds,
    completedAt: new Date(attempt.completed_at),
    answers: answers.map((row) => ({
      question:
        row.question_id === null || row.options === null
          ? null
          : {
              id: Number(row.question_id),
              reference: row.reference ?? '',
              domain: row.domain ?? '',
              text: row.question_text ?? '',
              options: ANSWER_LETTERS.map((letter) => ({
                letter,
                text: row.options?.[letter].text ?? '',
                explanation: row.options?.[letter].explanation ?? '',
              })),
            },
      answer: row.user_answer,
      correctAnswer: row.correct_answer,
      isCorrect: row.is_correct,
      timeSpentSeconds: row.time_spent_seconds,
    })),
  };
}
