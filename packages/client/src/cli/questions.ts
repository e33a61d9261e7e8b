// `ql questions import <file.csv>`: the question bank from a CSV file of any size, sent in chunks
// of whole rows (header repeated), with progress on stderr and the per-row report on stdout.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type { QuestlineClient, RouterOutputs } from '../index.ts';
import {
  adminClient,
  CliError,
  integerOption,
  parseCommandArgs,
  printJson,
  userPath,
  type Command,
} from './common.ts';
import { progressOn } from './progress.ts';
import { planChunks, questionChunks, type ChunkPlan, type QuestionChunk } from './question-chunks.ts';

export const DEFAULT_CHUNK_ROWS = 500;
/** Text per request: far under the server's body limit even once JSON-escaped. */
const CHUNK_BYTES = 256 * 1024;

type ImportReport = RouterOutputs['admin']['questions']['import'];
type ReportRow = ImportReport['rows'][number];
type FileMessage = ImportReport['fileMessages'][number];

interface MergedReport {
  readonly dryRun: boolean;
  readonly fileName: string;
  readonly totals: Record<'created' | 'updated' | 'unchanged' | 'rejected', number>;
  readonly rows: ReportRow[];
  readonly fileMessages: FileMessage[];
}

/** One chunk's report in file terms: its lines mapped back, its header messages kept once. */
function addChunk(merged: MergedReport, chunk: QuestionChunk, report: ImportReport, first: boolean): void {
  for (const row of report.rows) merged.rows.push({ ...row, line: chunk.fileLine(row.line) });
  for (const message of report.fileMessages) {
    if (first || !chunk.isHeaderLine(message.line))
      merged.fileMessages.push({ ...message, line: chunk.fileLine(message.line) });
  }
  for (const key of ['created', 'updated', 'unchanged', 'rejected'] as const)
    merged.totals[key] += report.totals[key];
}

/** The question_ids refused before sending, as the importer reports a rejected row. */
function addDuplicates(merged: MergedReport, plan: ChunkPlan): void {
  for (const problem of plan.duplicates.values()) {
    const questionId = /^"(.*)" is already used/.exec(problem.message)?.[1] ?? null;
    merged.rows.push({
      line: problem.line,
      questionId,
      status: 'rejected',
      messages: [{ column: problem.column ?? null, message: problem.message }],
    });
    merged.totals.rejected += 1;
  }
}

async function sendChunks(
  client: QuestlineClient,
  file: string,
  plan: ChunkPlan,
  options: { dryRun: boolean; chunkRows: number },
): Promise<MergedReport> {
  const open = () => createReadStream(file, { encoding: 'utf8' });
  const merged: MergedReport = {
    dryRun: options.dryRun,
    fileName: basename(file),
    totals: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
    rows: [],
    fileMessages: [],
  };
  addDuplicates(merged, plan);
  const progress = progressOn(process.stderr, 'rows');
  let done = plan.duplicates.size;
  let sent = 0;
  progress.update(done, plan.totalRows);
  try {
    for await (const chunk of questionChunks(open, plan, { rows: options.chunkRows, bytes: CHUNK_BYTES })) {
      const report = await client.admin.questions.import.mutate({
        csv: chunk.csv,
        dryRun: options.dryRun,
        fileName: merged.fileName,
      });
      addChunk(merged, chunk, report, sent === 0);
      sent += 1;
      done += chunk.rows;
      progress.update(done, plan.totalRows);
      // A header the importer refuses refuses every chunk: stop at the first.
      if (merged.fileMessages.some((message) => message.severity === 'error')) break;
    }
  } catch (error) {
    progress.finish();
    if (sent > 0 && !options.dryRun) {
      console.error(
        `ql: stopped after ${done} of ${plan.totalRows} rows; those were imported, and importing ` +
          'the file again is safe (rows are matched by question_id)',
      );
    }
    throw error;
  }
  progress.finish();
  merged.rows.sort((a, b) => a.line - b.line);
  return merged;
}

function printReport(report: MergedReport): void {
  const problems = report.fileMessages.filter((message) => message.severity === 'error');
  const warnings = report.fileMessages.filter((message) => message.severity === 'warning');
  const where = (line: number, column: string | null) => `line ${line}${column ? `, ${column}` : ''}`;
  if (problems.length) console.log('the file could not be imported:');
  for (const message of problems) console.log(`  ${where(message.line, message.column)}: ${message.message}`);
  const rejected = report.rows.filter((row) => row.status === 'rejected');
  if (rejected.length) console.log('rejected rows:');
  for (const row of rejected) {
    for (const message of row.messages)
      console.log(`  ${where(row.line, message.column)}: ${message.message}`);
  }
  if (warnings.length) console.log('warnings:');
  for (const message of warnings) console.log(`  ${where(message.line, message.column)}: ${message.message}`);
  const { created, updated, unchanged, rejected: refused } = report.totals;
  const verb = report.dryRun ? 'dry run, nothing written: would have ' : '';
  console.log(`${verb}created ${created}, updated ${updated}, unchanged ${unchanged}, rejected ${refused}`);
}

const importFile: Command = async (args) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { 'dry-run': { type: 'boolean' }, chunk: { type: 'string' }, json: { type: 'boolean' } },
    ['file.csv'],
  );
  const given = positionals[0] ?? '';
  const file = userPath(given);
  await access(file).catch(() => {
    throw new CliError(`cannot read ${given}`);
  });
  const chunkRows = integerOption(values.chunk, 'chunk', DEFAULT_CHUNK_ROWS);
  const plan = await planChunks(() => createReadStream(file, { encoding: 'utf8' }));
  if (!plan.hasHeader) throw new CliError(`${file} is empty: it needs a header row`);
  const client = await adminClient();
  const report = await sendChunks(client, file, plan, { dryRun: values['dry-run'] ?? false, chunkRows });
  if (values.json) printJson(report);
  else printReport(report);
  const failed = report.totals.rejected > 0 || report.fileMessages.some((m) => m.severity === 'error');
  return failed ? 1 : 0;
};

export const questionsCommands: Record<string, Command> = { import: importFile };
