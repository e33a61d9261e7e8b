import type { EntityManager } from '@mikro-orm/postgresql';
import {
  parseQuestionCsv,
  type QuestionCsvError,
  type QuestionCsvWarning,
  type QuestionRecord,
} from '../universal/question-csv.ts';

export interface QuestionImportReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rows refused by validation; every other row was imported. */
  readonly rejected: number;
  readonly errors: readonly QuestionCsvError[];
  readonly warnings: readonly QuestionCsvWarning[];
}

export interface ImportOptions {
  /** Called after each batch with rows done and total valid rows. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly batchSize?: number;
}

/**
 * The question importer behind the seed, the admin console and the CLI: validates every row,
 * then upserts the valid ones by `question_id` in set-based batches, in one transaction.
 */
export async function importQuestions(
  em: EntityManager,
  csvText: string,
  options: ImportOptions = {},
): Promise<QuestionImportReport> {
  const parsed = parseQuestionCsv(csvText);
  const records = parsed.records.map((row) => row.record);
  const rejectedLines = new Set(parsed.errors.map((error) => error.line));
  const batchSize = options.batchSize ?? 500;
  let created = 0;
  let updated = 0;
  await em.transactional(async (tx) => {
    for (let start = 0; start < records.length; start += batchSize) {
      const batch = records.slice(start, start + batchSize);
      const written = await upsertBatch(tx, batch);
      created += written.filter((row) => row.inserted).length;
      updated += written.filter((row) => !row.inserted).length;
      options.onProgress?.(Math.min(start + batchSize, records.length), records.length);
    }
  });
  return {
    created,
    updated,
    unchanged: records.length - created - updated,
    rejected: rejectedLines.size,
    errors: parsed.errors,
    warnings: parsed.warnings,
  };
}

function upsertBatch(em: EntityManager, batch: readonly QuestionRecord[]) {
  const rows = batch.map((record) => ({
    question_id: record.questionId,
    exam_type: record.examType,
    domain: record.domain,
    question_text: record.questionText,
    correct_answer: record.correctAnswer,
    options: record.options,
  }));
  // xmax = 0 only for freshly inserted rows; unchanged rows are not written, so not returned.
  return em.execute<{ inserted: boolean }[]>(
    `insert into questions as q (question_id, exam_type, domain, question_text, correct_answer, options)
     select r.question_id, r.exam_type, r.domain, r.question_text, r.correct_answer, r.options
       from jsonb_to_recordset(?::jsonb)
         as r(question_id text, exam_type text, domain text, question_text text, correct_answer text, options jsonb)
     on conflict (question_id) do update
       set exam_type = excluded.exam_type, domain = excluded.domain, question_text = excluded.question_text,
           correct_answer = excluded.correct_answer, options = excluded.options
       where (q.exam_type, q.domain, q.question_text, q.correct_answer, q.options)
             is distinct from (excluded.exam_type, excluded.domain, excluded.question_text, excluded.correct_answer, excluded.options)
     returning (xmax = 0) as inserted`,
    [JSON.stringify(rows)],
  );
}
