import type { EntityManager } from '@mikro-orm/postgresql';
import { EXAM_TYPE_NAMES, EXAM_TYPES, type ExamType } from '../universal/exam-types.ts';
import type { ExamTypeView } from '../universal/quiz-dtos.ts';
import { QUIZ_LIMITS } from '../universal/quiz-inputs.ts';

/** Every exam a quiz can be taken for, with the size of its active question bank (empty banks included). */
export async function listExamTypes(em: EntityManager): Promise<ExamTypeView[]> {
  const rows = await em.execute<{ exam_type: ExamType; n: number }[]>(
    'select exam_type, count(*)::int as n from questions where is_active group by exam_type',
  );
  const counts = new Map(rows.map((row) => [row.exam_type, row.n]));
  return EXAM_TYPES.map((examType) => {
    const questionCount = counts.get(examType) ?? 0;
    return {
      examType,
      name: EXAM_TYPE_NAMES[examType],
      questionCount,
      playable: questionCount >= QUIZ_LIMITS.minQuestions,
    };
  });
}
