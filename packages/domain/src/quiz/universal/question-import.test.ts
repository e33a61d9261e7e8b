import { describe, expect, it } from 'vitest';
import { parseQuestionCsv } from './question-csv.ts';
import { buildImportReport, type ImportOutcome } from './question-import.ts';

const meta = { dryRun: false, fileName: 'f.csv', fileHash: 'abc', lineOffset: 0 };

describe('buildImportReport', () => {
  it('merges imported and rejected rows in line order, one entry per row, messages by column', () => {
    const outcome: ImportOutcome = {
      headerLine: 1,
      rows: [
        { line: 2, questionId: 'Q1', status: 'created' },
        { line: 5, questionId: 'Q3', status: 'unchanged' },
      ],
      errors: [
        { line: 3, column: 'domain', message: 'bad domain' },
        { line: 3, column: 'correct_answer', message: 'bad letter' },
        { line: 4, message: 'the row has 2 fields but the header has 13' },
      ],
      warnings: [{ line: 1, message: 'unknown column "notes": it is ignored' }],
    };
    const report = buildImportReport(outcome, { ...meta, lineOffset: 100 });
    expect(report.rows).toEqual([
      { line: 102, questionId: 'Q1', status: 'created', messages: [] },
      {
        line: 103,
        questionId: null,
        status: 'rejected',
        messages: [
          { column: 'domain', message: 'bad domain' },
          { column: 'correct_answer', message: 'bad letter' },
        ],
      },
      {
        line: 104,
        questionId: null,
        status: 'rejected',
        messages: [{ column: null, message: 'the row has 2 fields but the header has 13' }],
      },
      { line: 105, questionId: 'Q3', status: 'unchanged', messages: [] },
    ]);
    expect(report.totals).toEqual({ created: 1, updated: 0, unchanged: 1, rejected: 2 });
    // File-level messages keep the chunk's own header line.
    expect(report.fileMessages).toEqual([
      { line: 1, column: null, message: 'unknown column "notes": it is ignored', severity: 'warning' },
    ]);
    expect(report).not.toHaveProperty('lineOffset');
  });

  it('puts every problem of an unreadable file at file level', () => {
    const parsed = parseQuestionCsv('"never closed');
    const report = buildImportReport({ ...parsed, rows: [] }, meta);
    expect(report.rows).toEqual([]);
    expect(report.fileMessages.map((m) => m.severity)).toEqual(['error', 'error']);
    expect(report.totals.rejected).toBe(0);
  });
});
