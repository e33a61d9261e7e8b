import type { EntityManager } from '@mikro-orm/postgresql';
import {
  parseQuestionCsv,
  type QuestionCsvError,
  type QuestionCsvWarning,
  type QuestionRecord,
} from '../universal/question-csv.ts';

export type ImportedRowStatus = 'created' | 'updated' | 'unchanged';

/** What happened to one valid row, by the line it starts on. */
export interface ImportedRow {
  readonly line: number;
  readonly questionId: string;
  readonly status: ImportedRowStatus;
}

export interface QuestionImportReport {
  /** The header row's line; null when the file has none that could be read. */
  readonly headerLine: number | null;
  /** Every valid row, in file order; the rejected ones are in `errors`. */
  readonly rows: readonly ImportedRow[];
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
  const written = new Map<string, ImportedRowStatus>();
  await em.transactional(async (tx) => {
    for (let start = 0; start < records.length; start += batchSize) {
      const batch = records.slice(start, start + batchSize);
      for (const row of await upsertBatch(tx, batch)) {
        written.set(row.question_id, row.inserted ? 'created' : 'updated');
      }
      options.onProgress?.(Math.min(start + batchSize, records.length), records.length);
    }
  });
  const rows = parsed.records.map(({ line, record }) => ({
    line,
    questionId: record.questionId,
    status: written.get(record.questionId) ?? ('unchanged' as const),
  }));
  const count = (status: ImportedRowStatus) => rows.filter((row) => row.status === status).length;
  return {
    headerLine: parsed.headerLine,
    rows,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
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
  return em.execute<{ question_id: string; inserted: boolean }[]>(
    `insert into questions as q (question_id, exam_type, domain, question_text, correct_answer, options)
     select r.question_id, r.exam_type, r.domain, r.question_text, r.correct_answer, r.options
       from jsonb_to_recordset(?::jsonb)
         as r(question_id text, exam_type text, domain text, question_text text, correct_answer text, options jsonb)
     on conflict (question_id) do update
       set exam_type = excluded.exam_type, domain = excluded.domain, question_text = excluded.question_text,
           correct_answer = excluded.correct_answer, options = excluded.options
       where (q.exam_type, q.domain, q.question_text, q.correct_answer, q.options)
             is distinct from (excluded.exam_type, excluded.domain, excluded.question_text, excluded.correct_answer, excluded.options)
     returning q.question_id, (xmax = 0) as inserted`,
    [JSON.stringify(rows)],
  );
}
