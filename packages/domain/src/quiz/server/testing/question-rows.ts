import { randomBytes } from 'node:crypto';
import { formatCsv } from '../../universal/csv.ts';
import { QUESTION_CSV_COLUMNS, type QuestionCsvColumn } from '../../universal/question-csv.ts';

// Question-bank CSV for import tests: valid rows with unique ids, any cell overridable (to make a
// row invalid), written with or without the header.

export type QuestionRow = Record<QuestionCsvColumn, string>;

export const uniqueQuestionId = (prefix = 'TST') => `${prefix}-${randomBytes(5).toString('hex')}`;

export function questionRow(questionId: string, overrides: Partial<QuestionRow> = {}): QuestionRow {
  return {
    question_id: questionId,
    exam_type: 'network',
    domain: '1.1',
    question_text: `Which port does the service behind ${questionId} use?`,
    option_a: 'TCP 22',
    explanation_a: 'SSH listens on TCP 22.',
    option_b: 'TCP 23',
    explanation_b: 'Telnet uses TCP 23.',
    option_c: 'UDP 53',
    explanation_c: 'DNS answers on UDP 53.',
    option_d: 'TCP 443',
    explanation_d: 'HTTPS uses TCP 443.',
    correct_answer: 'A',
    ...overrides,
  };
}

/** The rows as a CSV file, header first unless `header` is false. */
export function questionCsv(rows: readonly QuestionRow[], header = true): string {
  const lines = rows.map((row) => QUESTION_CSV_COLUMNS.map((column) => row[column]));
  return formatCsv(header ? [QUESTION_CSV_COLUMNS, ...lines] : lines);
}
