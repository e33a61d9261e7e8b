// A question CSV cut into chunks of whole rows, each led by the header, so a file of any size is
// imported in requests under the server's body limit — with the same outcome as the whole file:
// rows keep their file line numbers in the report, and a question_id used again in a later chunk
// is refused here, as the importer refuses it within one file.
import { parseCsv } from '@questline/domain/quiz/universal/csv';
import { csvRows, type RawCsvRow } from './csv-rows.ts';

export interface RowProblem {
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

export interface ChunkPlan {
  /** False for a file with nothing but blank lines: there is nothing to send. */
  readonly hasHeader: boolean;
  /** Non-blank rows under the header. */
  readonly totalRows: number;
  /** Rows refused before sending: a question_id an earlier row already uses. */
  readonly duplicates: ReadonlyMap<number, RowProblem>;
}

export interface QuestionChunk {
  readonly csv: string;
  /** Data rows in it. */
  readonly rows: number;
  /** The file line of a line the server reported for this chunk. */
  fileLine(chunkLine: number): number;
  /** True for a line of the repeated header. */
  isHeaderLine(chunkLine: number): boolean;
}

export interface ChunkLimits {
  readonly rows: number;
  /** Text per chunk, so even long rows stay well under the request body limit. */
  readonly bytes: number;
}

/** Opens the file again for each pass: it is read as a stream, never held whole. */
export type OpenText = () => AsyncIterable<string>;

const fieldsOf = (row: RawCsvRow) => parseCsv(row.text).rows[0]?.fields;
const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** First pass: counts the rows (for progress) and finds question_ids used twice. */
export async function planChunks(open: OpenText): Promise<ChunkPlan> {
  let header: string[] | undefined;
  let idColumn = -1;
  let totalRows = 0;
  const firstLineOfId = new Map<string, number>();
  const duplicates = new Map<number, RowProblem>();
  for await (const row of csvRows(open())) {
    if (row.blank) continue;
    if (!header) {
      header = fieldsOf(row) ?? [];
      idColumn = header.findIndex((name) => name.trim().toLowerCase() === 'question_id');
      continue;
    }
    totalRows += 1;
    const fields = fieldsOf(row);
    const id = fields?.length === header.length ? fields[idColumn]?.trim() : undefined;
    if (!id) continue;
    const earlier = firstLineOfId.get(id);
    if (earlier === undefined) firstLineOfId.set(id, row.line);
    else
      duplicates.set(row.line, {
        line: row.line,
        column: 'question_id',
        message: `"${id}" is already used on line ${earlier}`,
      });
  }
  return { hasHeader: header !== undefined, totalRows, duplicates };
}

/** Second pass: the chunks to send, leaving out the rows the plan refused. */
export async function* questionChunks(
  open: OpenText,
  plan: ChunkPlan,
  limits: ChunkLimits,
): AsyncGenerator<QuestionChunk> {
  let header: RawCsvRow | undefined;
  let pending: RawCsvRow[] = [];
  let bytes = 0;
  for await (const row of csvRows(open())) {
    if (row.blank || plan.duplicates.has(row.line)) continue;
    if (!header) {
      // A header without a line break has no rows after it: the server says what is wrong.
      header = row.text.endsWith('\n') || row.text.endsWith('\r') ? row : { ...row, text: `${row.text}\n` };
      continue;
    }
    pending.push(row);
    bytes += Buffer.byteLength(row.text);
    if (pending.length >= limits.rows || bytes >= limits.bytes) {
      yield chunkOf(header, pending);
      pending = [];
      bytes = 0;
    }
  }
  // A header alone is still sent once: the server says whether it is right.
  if (header && (pending.length || plan.totalRows === 0)) yield chunkOf(header, pending);
}

function chunkOf(header: RawCsvRow, rows: readonly RawCsvRow[]): QuestionChunk {
  const headerLines = lineBreaks(header.text);
  const fileLineOf = new Map<number, number>();
  let line = headerLines + 1;
  for (const row of rows) {
    fileLineOf.set(line, row.line);
    line += lineBreaks(row.text);
  }
  const isHeaderLine = (chunkLine: number) => chunkLine <= headerLines;
  return {
    csv: header.text + rows.map((row) => row.text).join(''),
    rows: rows.length,
    isHeaderLine,
    fileLine: (chunkLine) =>
      isHeaderLine(chunkLine) ? header.line + chunkLine - 1 : (fileLineOf.get(chunkLine) ?? chunkLine),
  };
}
