import { formatCsv } from '@questline/domain/quiz/universal/csv';
import { QUESTION_CSV_COLUMNS } from '@questline/domain/quiz/universal/question-csv';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliPlatform } from './testing/cli-platform.ts';

const platform = useCliPlatform();

/** A valid question row; `overrides` change cells by column name. */
function questionRow(id: string, overrides: Record<string, string> = {}): string[] {
  const cells: Record<string, string> = {
    question_id: id,
    exam_type: 'security',
    domain: '1.1',
    question_text: `Which control fits case ${id}?`,
    option_a: 'Encryption',
    explanation_a: 'Right: it protects the data.',
    option_b: 'Badges',
    explanation_b: 'Wrong: physical only.',
    option_c: 'Fences',
    explanation_c: 'Wrong: physical only.',
    option_d: 'Posters',
    explanation_d: 'Wrong: awareness only.',
    correct_answer: 'A',
    ...overrides,
  };
  return QUESTION_CSV_COLUMNS.map((column) => cells[column] ?? '');
}

async function csvFile(
  rows: readonly (readonly string[])[],
  header: readonly string[] = QUESTION_CSV_COLUMNS,
): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'ql-questions-')), 'bank.csv');
  await writeFile(file, formatCsv([header, ...rows]));
  return file;
}

const newIds = (count: number) => {
  const tag = randomBytes(4).toString('hex');
  return Array.from({ length: count }, (_, index) => `T-${tag}-${index}`);
};
const storedQuestions = async (ids: readonly string[]) =>
  (
    await platform.db
      .em()
      .execute<{ question_id: string }[]>('select question_id from questions where question_id in (?)', [ids])
  ).map((row) => row.question_id);

describe('ql questions import', () => {
  it('imports a file in chunks, showing progress on stderr', async () => {
    const ids = newIds(5);
    const run = await platform.ql([
      'questions',
      'import',
      await csvFile(ids.map((id) => questionRow(id))),
      '--chunk',
      '2',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('0/5 rows\n2/5 rows\n4/5 rows\n5/5 rows\n');
    expect(run.stdout).toBe('created 5, updated 0, unchanged 0, rejected 0\n');
    expect((await storedQuestions(ids)).sort()).toEqual(ids);
  });

  it('reports rejected rows by their file line across chunks and exits 1; the good rows go in', async () => {
    const ids = newIds(4);
    const file = await csvFile([
      questionRow(ids[0] ?? '', { question_text: 'A question whose text\nruns over two lines?' }), // lines 2–3
      questionRow(ids[1] ?? '', { exam_type: 'cooking' }), // line 4
      questionRow(ids[2] ?? ''), // line 5
      questionRow(ids[0] ?? ''), // line 6: the id of line 2, in the next chunk
      questionRow(ids[3] ?? '', { correct_answer: 'E', option_b: '' }), // line 7
    ]);
    const run = await platform.ql(['questions', 'import', file, '--chunk', '2']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      'rejected rows:',
      '  line 4, exam_type: must be one of security, network, a1101, a1102',
      `  line 6, question_id: "${ids[0]}" is already used on line 2`,
      '  line 7, option_b: is required',
      '  line 7, correct_answer: must be one of A, B, C, D',
      'created 2, updated 0, unchanged 0, rejected 3',
      '',
    ]);
    expect((await storedQuestions(ids)).sort()).toEqual([ids[0], ids[2]].sort());
  });

  it('checks without writing on --dry-run', async () => {
    const ids = newIds(3);
    const run = await platform.ql([
      'questions',
      'import',
      await csvFile(ids.map((id) => questionRow(id))),
      '--dry-run',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'dry run, nothing written: would have created 3, updated 0, unchanged 0, rejected 0\n',
    );
    expect(await storedQuestions(ids)).toEqual([]);
  });

  it('prints every row with its status as JSON on --json', async () => {
    const ids = newIds(2);
    const file = await csvFile([questionRow(ids[0] ?? ''), questionRow(ids[1] ?? '', { domain: 'x' })]);
    const run = await platform.ql(['questions', 'import', file, '--dry-run', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      dryRun: true,
      fileName: 'bank.csv',
      totals: { created: 1, rejected: 1 },
      rows: [
        { line: 2, questionId: ids[0], status: 'created', messages: [] },
        { line: 3, status: 'rejected', messages: [{ column: 'domain' }] },
      ],
    });
  });

  it('stops at a header the importer refuses, saying so once', async () => {
    const header = QUESTION_CSV_COLUMNS.filter((column) => column !== 'domain');
    const rows = newIds(4).map((id) =>
      questionRow(id).filter((_, index) => QUESTION_CSV_COLUMNS[index] !== 'domain'),
    );
    const run = await platform.ql(['questions', 'import', await csvFile(rows, header), '--chunk', '1']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'the file could not be imported:',
      '  line 1, domain: a required column is missing',
    ]);
    expect(run.stderr).toBe('0/4 rows\n1/4 rows\n');
  });

  it('names a file it cannot read', async () => {
    const run = await platform.ql(['questions', 'import', '/nonexistent/bank.csv']);
    expect(run).toMatchObject({ code: 1, stderr: 'ql: cannot read /nonexistent/bank.csv\n' });
  });
});
