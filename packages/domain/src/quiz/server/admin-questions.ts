import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange, updateAudit } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { AnswerLetter, ExamType } from '../universal/exam-types.ts';
import {
  listQuestionsInputSchema,
  questionByIdSchema,
  setQuestionActiveInputSchema,
  updateQuestionInputSchema,
  type AdminQuestion,
  type ListQuestionsInput,
  type QuestionById,
  type QuestionPage,
  type SetQuestionActiveInput,
  type UpdateQuestionInput,
} from '../universal/question-admin.ts';
import type { QuestionOptions } from './question.entity.ts';

interface QuestionRow {
  id: string | number;
  question_id: string;
  exam_type: ExamType;
  domain: string;
  question_text: string;
  options: QuestionOptions;
  correct_answer: AnswerLetter;
  is_active: boolean;
  times_answered: number;
  times_correct: number;
  created_at: Date;
}

const toView = (row: QuestionRow): AdminQuestion => ({
  id: Number(row.id),
  questionId: row.question_id,
  examType: row.exam_type,
  domain: row.domain,
  questionText: row.question_text,
  options: row.options,
  correctAnswer: row.correct_answer,
  isActive: row.is_active,
  timesAnswered: row.times_answered,
  timesCorrect: row.times_correct,
  createdAt: new Date(row.created_at),
});

async function readQuestions(em: EntityManager, where: string, params: unknown[], limit: number) {
  const rows = await em.execute<QuestionRow[]>(
    `select q.*,
            (select count(*) from user_answers a where a.question_id = q.id)::int as times_answered,
            (select count(*) from user_answers a where a.question_id = q.id and a.is_correct)::int as times_correct
       from questions q where ${where} order by q.id desc limit ?`,
    [...params, limit],
  );
  return rows.map(toView);
}

const questionNotFound = () =>
  new DomainError('QUESTION_NOT_FOUND', 'NOT_FOUND', 'No such question', { path: ['id'] });

async function requireQuestion(em: EntityManager, id: number): Promise<AdminQuestion> {
  const [question] = await readQuestions(em, 'q.id = ?', [id], 1);
  if (!question) throw questionNotFound();
  return question;
}

/** The bank newest first, by exam and a substring of the text or external id; keyset pages. */
export async function listQuestions(em: EntityManager, raw: ListQuestionsInput): Promise<QuestionPage> {
  const input = parseInput(listQuestionsInputSchema, raw);
  const where = ['true'];
  const params: unknown[] = [];
  if (input.examType) {
    where.push('q.exam_type = ?');
    params.push(input.examType);
  }
  if (input.active !== undefined) {
    where.push('q.is_active = ?');
    params.push(input.active);
  }
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push('(q.question_text ilike ? or q.question_id ilike ?)');
    params.push(pattern, pattern);
  }
  if (input.cursor) {
    where.push('q.id < ?');
    params.push(input.cursor);
  }
  const rows = await readQuestions(em, where.join(' and '), params, input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function getQuestion(em: EntityManager, raw: QuestionById): Promise<AdminQuestion> {
  return requireQuestion(em, parseInput(questionByIdSchema, raw).id);
}

/** Replaces a question's fields (the CSV row rules apply), audited before and after. */
export async function updateQuestion(
  em: EntityManager,
  actor: AdminActor,
  raw: UpdateQuestionInput,
): Promise<AdminQuestion> {
  const input = parseInput(updateQuestionInputSchema, raw);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await tx.execute('select id from questions where id = ? for no key update', [input.id]);
      const before = await requireQuestion(tx, input.id);
      await tx.execute(
        `update questions set question_id = ?, exam_type = ?, domain = ?, question_text = ?, correct_answer = ?, options = ?::jsonb
          where id = ? and (question_id, exam_type, domain, question_text, correct_answer, options)
                is distinct from (?, ?, ?, ?, ?, ?::jsonb)`,
        [
          ...[input.questionId, input.examType, input.domain, input.questionText, input.correctAnswer],
          JSON.stringify(input.options),
          input.id,
          ...[input.questionId, input.examType, input.domain, input.questionText, input.correctAnswer],
          JSON.stringify(input.options),
        ],
      );
      const after = await requireQuestion(tx, input.id);
      return { result: after, audit: updateAudit('question.update', 'question', input.id, before, after) };
    },
    {
      constraints: {
        questions_question_id_unique: () =>
          new DomainError('QUESTION_ID_TAKEN', 'CONFLICT', 'Another question has this id', {
            path: ['questionId'],
          }),
      },
    },
  );
}

/** Retires a question from new quizzes or brings it back, audited; setting the state it has writes nothing. */
export async function setQuestionActive(
  em: EntityManager,
  actor: AdminActor,
  raw: SetQuestionActiveInput,
): Promise<AdminQuestion> {
  const input = parseInput(setQuestionActiveInputSchema, raw);
  return auditedChange(em, actor, async (tx) => {
    await tx.execute('select id from questions where id = ? for no key update', [input.id]);
    const before = await requireQuestion(tx, input.id);
    await tx.execute('update questions set is_active = ? where id = ? and is_active <> ?', [
      input.active,
      input.id,
      input.active,
    ]);
    const after = await requireQuestion(tx, input.id);
    const action = input.active ? 'question.activate' : 'question.deactivate';
    return { result: after, audit: updateAudit(action, 'question', input.id, before, after) };
  });
}
