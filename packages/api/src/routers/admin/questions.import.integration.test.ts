import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import {
  questionCsv,
  questionRow,
  uniqueQuestionId,
} from '@questline/domain/quiz/server/testing/question-rows';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, type Caller } from '../../testing/callers.ts';
import { countRows } from '../../testing/catalog-fixtures.ts';

const db = useTestDatabase();
let admin: Caller;
let adminId = 0;

beforeAll(async () => {
  const signedIn = await signedInAdmin(db);
  admin = signedIn.caller;
  adminId = signedIn.account.id;
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The stored state of these questions, to prove an import left them alone. */
const bankOf = (ids: readonly string[]) =>
  db
    .em()
    .execute(
      'select question_id, exam_type, domain, question_text, correct_answer, options from questions where question_id = any(?::text[]) order by question_id',
      [`{${ids.join(',')}}`],
    );

describe('admin.questions.import', () => {
  it('imports a file, reports each row as created, audits the import once with counts and hash', async () => {
    const ids = [uniqueQuestionId(), uniqueQuestionId()];
    const csv = questionCsv(ids.map((id) => questionRow(id)));
    const report = await admin.admin.questions.import({ csv, fileName: 'bank.csv' });
    expect(report).toEqual({
      dryRun: false,
      fileName: 'bank.csv',
      fileHash: sha256(csv),
      totals: { created: 2, updated: 0, unchanged: 0, rejected: 0 },
      rows: ids.map((questionId, i) => ({ line: i + 2, questionId, status: 'created', messages: [] })),
      fileMessages: [],
    });
    expect(await bankOf(ids)).toHaveLength(2);
    const audits = await auditRowsOf(db, 'question_import', sha256(csv));
    expect(audits).toEqual([
      expect.objectContaining({
        action: 'question.import',
        actor_id: String(adminId),
        before: null,
        after: {
          fileName: 'bank.csv',
          fileHash: sha256(csv),
          lineOffset: 0,
          created: 2,
          updated: 0,
          unchanged: 0,
          rejected: 0,
        },
      }),
    ]);
  });

  it('changes nothing when the same rows come again, and updates a changed row in place', async () => {
    const ids = [uniqueQuestionId(), uniqueQuestionId()];
    const rows = ids.map((id) => questionRow(id));
    await admin.admin.questions.import({ csv: questionCsv(rows) });
    const stored = await bankOf(ids);
    const audits = await auditRowCount(db);
    const again = await admin.admin.questions.import({ csv: questionCsv(rows) });
    expect(again.totals).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(again.rows.map((row) => row.status)).toEqual(['unchanged', 'unchanged']);
    expect(await bankOf(ids)).toEqual(stored);
    expect(await auditRowCount(db)).toBe(audits);

    const edited = [rows[0] ?? questionRow(''), { ...(rows[1] ?? questionRow('')), correct_answer: 'b' }];
    const update = await admin.admin.questions.import({ csv: questionCsv(edited) });
    expect(update.rows.map((row) => row.status)).toEqual(['unchanged', 'updated']);
    expect(
      await countRows(db, 'select 1 from questions where question_id = any(?::text[])', [
        `{${ids.join(',')}}`,
      ]),
    ).toBe(2);
  });

  it('reports bad rows with their line, column and message, importing only the good ones', async () => {
    const [good, bad, repeatsOption] = [uniqueQuestionId(), uniqueQuestionId(), uniqueQuestionId()];
    const csv = questionCsv([
      questionRow(good),
      questionRow(bad, { domain: 'one', correct_answer: 'E' }),
      questionRow(repeatsOption, { option_b: 'tcp 22' }),
    ]);
    const audits = await auditRowCount(db);
    const report = await admin.admin.questions.import({ csv });
    expect(report.totals).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect(report.rows).toEqual([
      { line: 2, questionId: good, status: 'created', messages: [] },
      {
        line: 3,
        questionId: null,
        status: 'rejected',
        messages: [
          { column: 'domain', message: 'must look like 1.1 or 2.10 (domain.objective)' },
          { column: 'correct_answer', message: 'must be one of A, B, C, D' },
        ],
      },
      {
        line: 4,
        questionId: null,
        status: 'rejected',
        messages: [{ column: 'option_b', message: 'repeats option A' }],
      },
    ]);
    expect(
      (await bankOf([good, bad, repeatsOption])).map((row) => (row as { question_id: string }).question_id),
    ).toEqual([good]);
    expect(await auditRowCount(db)).toBe(audits + 1);
  });

  it('rejects a row holding a NUL character like any other bad cell', async () => {
    const id = uniqueQuestionId();
    const report = await admin.admin.questions.import({
      csv: questionCsv([questionRow(id, { explanation_c: 'DNS\u0000' })]),
    });
    expect(report.rows).toEqual([
      {
        line: 2,
        questionId: null,
        status: 'rejected',
        messages: [{ column: 'explanation_c', message: 'may not contain the NUL character' }],
      },
    ]);
    expect(await bankOf([id])).toEqual([]);
  });

  it('writes nothing on a dry run but reports what a real import would do', async () => {
    const existing = uniqueQuestionId();
    await admin.admin.questions.import({ csv: questionCsv([questionRow(existing)]) });
    const fresh = uniqueQuestionId();
    const csv = questionCsv([
      questionRow(existing, { question_text: 'Which port does SSH use by default?' }),
      questionRow(fresh),
      questionRow(uniqueQuestionId(), { question_text: 'short' }),
    ]);
    const stored = await bankOf([existing, fresh]);
    const audits = await auditRowCount(db);
    const report = await admin.admin.questions.import({ csv, dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'updated'],
      [3, 'created'],
      [4, 'rejected'],
    ]);
    expect(await bankOf([existing, fresh])).toEqual(stored);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('imports a big file in chunks, each with its own header, numbering lines as in the whole file', async () => {
    const rows = Array.from({ length: 5 }, () => questionRow(uniqueQuestionId()));
    rows[3] = { ...(rows[3] ?? questionRow('')), exam_type: 'cooking' };
    // Lines: the header is line 1, rows 2..6; the chunks split after the third row.
    const first = await admin.admin.questions.import({
      csv: questionCsv(rows.slice(0, 3)),
      fileName: 'big.csv',
    });
    const second = await admin.admin.questions.import({
      csv: questionCsv(rows.slice(3)),
      fileName: 'big.csv',
      lineOffset: 3,
    });
    expect([...first.rows, ...second.rows].map((row) => [row.line, row.status])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'created'],
      [5, 'rejected'],
      [6, 'created'],
    ]);
    expect(second.rows[0]?.messages).toEqual([
      { column: 'exam_type', message: 'must be one of security, network, a1101, a1102' },
    ]);
    const again = await admin.admin.questions.import({ csv: questionCsv(rows.slice(3)), lineOffset: 3 });
    expect(again.totals).toEqual({ created: 0, updated: 0, unchanged: 1, rejected: 1 });
  });

  it('reports a header problem for the file and imports no row', async () => {
    const id = uniqueQuestionId();
    const csv = questionCsv([questionRow(id)]).replace('explanation_b', 'explanation_bee');
    const audits = await auditRowCount(db);
    const report = await admin.admin.questions.import({ csv });
    expect(report.rows).toEqual([]);
    expect(report.fileMessages).toEqual([
      { line: 1, column: 'explanation_b', message: 'a required column is missing', severity: 'error' },
      {
        line: 1,
        column: null,
        message: 'unknown column "explanation_bee": it is ignored',
        severity: 'warning',
      },
    ]);
    expect(await bankOf([id])).toEqual([]);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('refuses an empty or oversized request with the csv path, nothing written', async () => {
    const audits = await auditRowCount(db);
    const questions = await countRows(db, 'select id from questions');
    await expectBadInputAt(admin.admin.questions.import({ csv: '' }), ['csv']);
    await expectBadInputAt(admin.admin.questions.import({ csv: 'x'.repeat(900_001) }), ['csv']);
    await expectBadInputAt(admin.admin.questions.import({ csv: 'a', lineOffset: -1 }), ['lineOffset']);
    expect(await countRows(db, 'select id from questions')).toBe(questions);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('is refused to learners and anonymous callers', async () => {
    const id = uniqueQuestionId();
    await expectAdminOnly(db, (caller) =>
      caller.admin.questions.import({ csv: questionCsv([questionRow(id)]) }),
    );
    expect(await bankOf([id])).toEqual([]);
  });
});
