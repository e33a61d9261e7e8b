// The question-bank CSV: one importer for the admin console, `pnpm ql questions import` and the seed.
// Format and rules for non-developers: docs/question-import.md.

import { z } from 'zod';
import { NUL_MESSAGE, withoutNul } from '../../shared/universal/text.ts';
import { formatCsv, parseCsv } from './csv.ts';
import { ANSWER_LETTERS, EXAM_TYPES, type AnswerLetter } from './exam-types.ts';

export const QUESTION_CSV_COLUMNS = [
  'question_id',
  'exam_type',
  'domain',
  'question_text',
  'option_a',
  'explanation_a',
  'option_b',
  'explanation_b',
  'option_c',
  'explanation_c',
  'option_d',
  'explanation_d',
  'correct_answer',
] as const;
export type QuestionCsvColumn = (typeof QUESTION_CSV_COLUMNS)[number];

const OPTION_COLUMNS = {
  A: { text: 'option_a', explanation: 'explanation_a' },
  B: { text: 'option_b', explanation: 'explanation_b' },
  C: { text: 'option_c', explanation: 'explanation_c' },
  D: { text: 'option_d', explanation: 'explanation_d' },
} as const satisfies Record<AnswerLetter, Record<'text' | 'explanation', QuestionCsvColumn>>;

export const QUESTION_LIMITS = {
  questionId: { max: 64 },
  questionText: { min: 10, max: 2000 },
  optionText: { min: 1, max: 500 },
  explanation: { min: 1, max: 1000 },
} as const;

export const QUESTION_ID_PATTERN = /^[A-Za-z0-9._-]+$/;
export const DOMAIN_PATTERN = /^\d\.\d{1,2}$/;

/** Trimmed text with `\n` line breaks (a file saved on Windows must import the same text). */
function textSchema({ min, max }: { min: number; max: number }) {
  return z
    .string()
    .overwrite((s) => s.replace(/\r\n?/g, '\n'))
    .trim()
    .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine(withoutNul, NUL_MESSAGE);
}

const optionSchema = z.object({
  text: textSchema(QUESTION_LIMITS.optionText),
  explanation: textSchema(QUESTION_LIMITS.explanation),
});

export const questionRecordSchema = z.object({
  questionId: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(QUESTION_LIMITS.questionId.max, `must be at most ${QUESTION_LIMITS.questionId.max} characters`)
    .regex(QUESTION_ID_PATTERN, 'may contain only letters, digits, ".", "_" and "-"'),
  examType: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(EXAM_TYPES, `must be one of ${EXAM_TYPES.join(', ')}`)),
  domain: z.string().trim().regex(DOMAIN_PATTERN, 'must look like 1.1 or 2.10 (domain.objective)'),
  questionText: textSchema(QUESTION_LIMITS.questionText),
  correctAnswer: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(ANSWER_LETTERS, `must be one of ${ANSWER_LETTERS.join(', ')}`)),
  options: z.record(z.enum(ANSWER_LETTERS), optionSchema).superRefine((options, ctx) => {
    const firstWithText = new Map<string, AnswerLetter>();
    for (const letter of ANSWER_LETTERS) {
      const key = options[letter].text.toLowerCase();
      const earlier = firstWithText.get(key);
      if (earlier === undefined) firstWithText.set(key, letter);
      else ctx.addIssue({ code: 'custom', path: [letter, 'text'], message: `repeats option ${earlier}` });
    }
  }),
});
export type QuestionRecord = z.output<typeof questionRecordSchema>;

export interface QuestionCsvError {
  /** 1-based line on which the offending row (or the header) starts. */
  line: number;
  column?: QuestionCsvColumn;
  message: string;
}

export interface QuestionCsvWarning {
  line: number;
  message: string;
}

export interface QuestionCsvResult {
  /** The line of the header row; null when the file has none that could be read. */
  headerLine: number | null;
  records: { line: number; record: QuestionRecord }[];
  errors: QuestionCsvError[];
  warnings: QuestionCsvWarning[];
}

/** The CSV column a schema issue path points at: `['options', 'B', 'text']` → `option_b`. */
function columnOf(path: readonly PropertyKey[]): QuestionCsvColumn | undefined {
  const [first, letter, part] = path;
  switch (first) {
    case 'questionId':
      return 'question_id';
    case 'examType':
      return 'exam_type';
    case 'domain':
      return 'domain';
    case 'questionText':
      return 'question_text';
    case 'correctAnswer':
      return 'correct_answer';
    case 'options': {
      const known = ANSWER_LETTERS.find((l) => l === letter);
      return known && OPTION_COLUMNS[known][part === 'explanation' ? 'explanation' : 'text'];
    }
    default:
      return undefined;
  }
}

export function parseQuestionCsv(text: string): QuestionCsvResult {
  const csv = parseCsv(text);
  const result: QuestionCsvResult = { headerLine: null, records: [], errors: [...csv.errors], warnings: [] };
  const columnIndex = (e: QuestionCsvError) => (e.column ? QUESTION_CSV_COLUMNS.indexOf(e.column) : -1);
  const done = () => {
    result.errors.sort((a, b) => a.line - b.line || columnIndex(a) - columnIndex(b));
    result.warnings.sort((a, b) => a.line - b.line);
    return result;
  };

  const [header, ...rows] = csv.rows;
  if (header === undefined || csv.errors.some((e) => e.line < header.line)) {
    if (header === undefined && csv.errors.length === 0)
      result.errors.push({ line: 1, message: 'the file is empty: it needs a header row' });
    else result.errors.push({ line: csv.errors[0]?.line ?? 1, message: 'the header row could not be read' });
    return done();
  }

  result.headerLine = header.line;
  // Header: case-insensitive, any order; unknown columns are ignored with a warning.
  const indexOf = new Map<QuestionCsvColumn, number>();
  header.fields.forEach((rawName, index) => {
    const name = rawName.trim().toLowerCase();
    const column = QUESTION_CSV_COLUMNS.find((c) => c === name);
    if (column === undefined) {
      const label = name === '' ? `column ${index + 1} has no name` : `unknown column "${rawName.trim()}"`;
      result.warnings.push({ line: header.line, message: `${label}: it is ignored` });
    } else if (indexOf.has(column)) {
      result.errors.push({ line: header.line, column, message: 'the column appears more than once' });
    } else {
      indexOf.set(column, index);
    }
  });
  for (const column of QUESTION_CSV_COLUMNS) {
    if (!indexOf.has(column))
      result.errors.push({ line: header.line, column, message: 'a required column is missing' });
  }
  if (result.errors.some((e) => e.line === header.line)) return done();

  const firstLineOfId = new Map<string, number>();
  for (const { line, fields } of rows) {
    if (fields.length !== header.fields.length) {
      result.errors.push({
        line,
        message: `the row has ${fields.length} fields but the header has ${header.fields.length}`,
      });
      continue;
    }
    const cell = (column: QuestionCsvColumn) => fields[indexOf.get(column) ?? -1] ?? '';
    const rowErrors: QuestionCsvError[] = [];

    const id = cell('question_id').trim();
    const earlierLine = firstLineOfId.get(id);
    if (earlierLine !== undefined)
      rowErrors.push({
        line,
        column: 'question_id',
        message: `"${id}" is already used on line ${earlierLine}`,
      });
    else if (id !== '') firstLineOfId.set(id, line);

    const parsed = questionRecordSchema.safeParse({
      questionId: cell('question_id'),
      examType: cell('exam_type'),
      domain: cell('domain'),
      questionText: cell('question_text'),
      correctAnswer: cell('correct_answer'),
      options: Object.fromEntries(
        ANSWER_LETTERS.map((letter) => {
          const { text, explanation } = OPTION_COLUMNS[letter];
          return [letter, { text: cell(text), explanation: cell(explanation) }];
        }),
      ),
    });
    if (!parsed.success) {
      const reported = new Set<string | undefined>(rowErrors.map((e) => e.column));
      for (const issue of parsed.error.issues) {
        const column = columnOf(issue.path);
        if (reported.has(column)) continue; // one message per cell is enough
        reported.add(column);
        rowErrors.push({ line, ...(column && { column }), message: issue.message });
      }
    }

    if (rowErrors.length > 0 || !parsed.success) result.errors.push(...rowErrors);
    else result.records.push({ line, record: parsed.data });
  }
  return done();
}

function cellsOf(r: QuestionRecord): Record<QuestionCsvColumn, string> {
  const { A, B, C, D } = r.options;
  return {
    question_id: r.questionId,
    exam_type: r.examType,
    domain: r.domain,
    question_text: r.questionText,
    option_a: A.text,
    explanation_a: A.explanation,
    option_b: B.text,
    explanation_b: B.explanation,
    option_c: C.text,
    explanation_c: C.explanation,
    option_d: D.text,
    explanation_d: D.explanation,
    correct_answer: r.correctAnswer,
  };
}

/** Records as question-bank CSV (canonical column order); `parseQuestionCsv` reads them back unchanged. */
export function toQuestionCsv(records: readonly QuestionRecord[]): string {
  const rows = records.map((r) => {
    const cells = cellsOf(r);
    return QUESTION_CSV_COLUMNS.map((column) => cells[column]);
  });
  return formatCsv([QUESTION_CSV_COLUMNS, ...rows]);
}
