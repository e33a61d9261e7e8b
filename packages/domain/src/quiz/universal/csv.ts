// A small RFC 4180 CSV reader and writer. Pure and isomorphic: it runs in the admin browser app too.
//
// Reading is forgiving where it costs nothing (CRLF, LF or lone CR line endings, a UTF-8 BOM, a
// missing final newline, spaces around a quoted field, blank lines) and strict about quoting: a
// stray quote or an unclosed quoted field is reported for its row, never thrown.

export interface CsvRow {
  /** 1-based physical line on which the row starts. */
  line: number;
  fields: string[];
}

export interface CsvRowError {
  line: number;
  message: string;
}

export interface CsvParseResult {
  /** Well-formed, non-blank rows, in file order. */
  rows: CsvRow[];
  /** One entry per malformed row; such a row is not in `rows`. */
  errors: CsvRowError[];
}

/** Length of the line break starting at `i` (2 for CRLF, 1 for LF or CR), or 0. */
function lineBreakAt(text: string, i: number): number {
  const c = text[i];
  if (c === '\n') return 1;
  if (c === '\r') return text[i + 1] === '\n' ? 2 : 1;
  return 0;
}

function countLineBreaks(chunk: string): number {
  return chunk.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function skipBlanks(text: string, i: number): number {
  while (text[i] === ' ' || text[i] === '\t') i += 1;
  return i;
}

export function parseCsv(input: string): CsvParseResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  const errors: CsvRowError[] = [];
  let i = 0;
  let line = 1;

  /** Skips the rest of a malformed row up to and including its line break. */
  const skipToNextLine = () => {
    while (i < text.length && lineBreakAt(text, i) === 0) i += 1;
    i += lineBreakAt(text, i);
    line += 1;
  };

  rowLoop: while (i < text.length) {
    const startLine = line;
    const fields: string[] = [];

    for (;;) {
      const afterBlanks = skipBlanks(text, i);
      if (text[afterBlanks] === '"') {
        // Quoted field: runs to the next quote that is not doubled.
        let value = '';
        i = afterBlanks + 1;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote === -1) {
            errors.push({ line: startLine, message: 'a quoted field is never closed (missing ")' });
            break rowLoop;
          }
          const chunk = text.slice(i, quote);
          line += countLineBreaks(chunk);
          value += chunk;
          if (text[quote + 1] === '"') {
            value += '"';
            i = quote + 2;
          } else {
            i = quote + 1;
            break;
          }
        }
        fields.push(value);
        i = skipBlanks(text, i);
        if (i < text.length && text[i] !== ',' && lineBreakAt(text, i) === 0) {
          errors.push({
            line: startLine,
            message: 'unexpected text after a closing quote (write a quote inside a quoted field as "")',
          });
          skipToNextLine();
          continue rowLoop;
        }
      } else {
        // Unquoted field: runs to the next comma or line break.
        let end = i;
        while (end < text.length && text[end] !== ',' && lineBreakAt(text, end) === 0) end += 1;
        const value = text.slice(i, end);
        if (value.includes('"')) {
          errors.push({
            line: startLine,
            message: 'a field containing " must be wrapped in quotes, with each " written as ""',
          });
          i = end;
          skipToNextLine();
          continue rowLoop;
        }
        fields.push(value);
        i = end;
      }

      if (text[i] === ',') {
        i += 1;
        continue;
      }
      // End of the row: a line break or the end of the text.
      const lineBreak = lineBreakAt(text, i);
      i += lineBreak;
      if (lineBreak > 0) line += 1;
      break;
    }

    const blank = fields.length === 1 && (fields[0] ?? '').trim() === '';
    if (!blank) rows.push({ line: startLine, fields });
  }

  return { rows, errors };
}

/** A field as CSV: quoted only if it holds a comma, a quote or a line break. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Rows as CSV text, LF line endings and a final newline. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((fields) => fields.map(formatCsvField).join(',') + '\n').join('');
}
