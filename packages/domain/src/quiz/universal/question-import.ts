// The admin's question-bank import: one CSV file (or one chunk of a big file, each chunk with its
// own header row) in, a report with one entry per row out. Format: docs/question-import.md.
import { z } from 'zod';
import { NUL_MESSAGE, withoutNul } from '../../shared/universal/text.ts';
import type { QuestionCsvError, QuestionCsvWarning } from './question-csv.ts';

/** Under the HTTP body limit (1 MiB by default); bigger files are sent in chunks. */
export const MAX_IMPORT_CHARACTERS = 900_000;

export const importQuestionsInputSchema = z.object({
  csv: z
    .string()
    .min(1, 'is empty')
    .max(MAX_IMPORT_CHARACTERS, `holds more than ${MAX_IMPORT_CHARACTERS} characters: send it in chunks`),
  /** Check and report without writing anything. */
  dryRun: z.boolean().default(false),
  /** Kept in the audit trail with the file's SHA-256. */
  fileName: z.string().trim().max(255).refine(withoutNul, NUL_MESSAGE).nullable().default(null),
  /**
   * Added to every row's line, so a chunk reports the whole file's line numbers: the file line of
   * the chunk's first data row minus the line that row has in the chunk.
   */
  lineOffset: z.number().int().min(0).max(100_000_000).default(0),
});
export type ImportQuestionsInput = z.input<typeof importQuestionsInputSchema>;

export const IMPORT_ROW_STATUSES = ['created', 'updated', 'unchanged', 'rejected'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

const messageSchema = z.object({ column: z.string().nullable(), message: z.string() });

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  fileName: z.string().nullable(),
  /** SHA-256 of the CSV text, hex. */
  fileHash: z.string(),
  totals: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  /** One entry per question row, in file order; a rejected row says what is wrong and where. */
  rows: z.array(
    z.object({
      line: z.number().int(),
      questionId: z.string().nullable(),
      status: z.enum(IMPORT_ROW_STATUSES),
      messages: z.array(messageSchema),
    }),
  ),
  /** Problems of the file itself (header, unknown columns): an error here stops every row. */
  fileMessages: z.array(
    messageSchema.extend({ line: z.number().int(), severity: z.enum(['error', 'warning']) }),
  ),
});
export type ImportReport = z.infer<typeof importReportSchema>;
export type ImportReportRow = ImportReport['rows'][number];

export interface ImportOutcome {
  readonly headerLine: number | null;
  readonly rows: readonly {
    line: number;
    questionId: string;
    status: Exclude<ImportRowStatus, 'rejected'>;
  }[];
  readonly errors: readonly QuestionCsvError[];
  readonly warnings: readonly QuestionCsvWarning[];
}

/**
 * The per-row report of an import: imported rows with their status, rejected rows with every
 * message (by column), file-level problems apart. Row lines are shifted by `lineOffset`.
 */
export function buildImportReport(
  outcome: ImportOutcome,
  meta: { dryRun: boolean; fileName: string | null; fileHash: string; lineOffset: number },
): ImportReport {
  const { lineOffset, ...file } = meta;
  const isFileLevel = (line: number) => outcome.headerLine === null || line <= outcome.headerLine;
  const rejected = new Map<number, ImportReportRow>();
  for (const error of outcome.errors) {
    if (isFileLevel(error.line)) continue;
    const row = rejected.get(error.line) ?? {
      line: error.line,
      questionId: null,
      status: 'rejected',
      messages: [],
    };
    row.messages.push({ column: error.column ?? null, message: error.message });
    rejected.set(error.line, row);
  }
  const rows = [...outcome.rows.map((row) => ({ ...row, messages: [] })), ...rejected.values()]
    .sort((a, b) => a.line - b.line)
    .map((row) => ({ ...row, line: row.line + lineOffset }));
  const count = (status: ImportRowStatus) => rows.filter((row) => row.status === status).length;
  const fileMessages = [
    ...outcome.errors
      .filter((error) => isFileLevel(error.line))
      .map((error) => ({
        line: error.line,
        column: error.column ?? null,
        message: error.message,
        severity: 'error' as const,
      })),
    ...outcome.warnings.map((warning) => ({
      line: warning.line,
      column: null,
      message: warning.message,
      severity: 'warning' as const,
    })),
  ];
  return {
    ...file,
    totals: {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
    },
    rows,
    fileMessages,
  };
}
