// Splits CSV text arriving piece by piece into the raw text of each row, where the domain's reader
// (`parseCsv` in quiz/universal/csv.ts) would split it — line breaks inside quoted fields stay in
// their row, a malformed row ends at its physical line, an unclosed quote runs to the end — so a
// file can be sent in chunks of whole rows and each chunk reads exactly as it would in the file.

export interface RawCsvRow {
  /** The row as it appears in the file, with its line break. */
  readonly text: string;
  /** 1-based physical line on which the row starts. */
  readonly line: number;
  /** A row the reader skips: one field holding only whitespace. */
  readonly blank: boolean;
}

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteSeen' | 'afterQuote' | 'skipLine';

const isBlankChar = (c: string) => c === ' ' || c === '\t';
const isBreak = (c: string) => c === '\n' || c === '\r';

export class CsvRowSplitter {
  private text = '';
  private line = 1;
  private rowLine = 1;
  private state: State = 'fieldStart';
  private fields = 1;
  private content = false;
  /** The row ended with CR: a following LF still belongs to it. */
  private endedWithCr = false;
  /** The previous character was CR: an LF now is the same line break. */
  private afterCr = false;
  private started = false;

  /** Rows completed by this piece of text. */
  push(piece: string): RawCsvRow[] {
    const rows: RawCsvRow[] = [];
    for (const c of this.started ? piece : this.stripBom(piece)) this.take(c, rows);
    return rows;
  }

  /** The last row, when the text does not end with a line break. */
  end(): RawCsvRow[] {
    const rows: RawCsvRow[] = [];
    if (this.endedWithCr || this.text !== '') this.emit(rows);
    return rows;
  }

  private stripBom(piece: string): string {
    if (piece === '') return piece;
    this.started = true;
    return piece.startsWith('\uFEFF') ? piece.slice(1) : piece;
  }

  private take(c: string, rows: RawCsvRow[]): void {
    if (this.endedWithCr) {
      if (c === '\n') {
        this.text += c;
        this.afterCr = false;
        this.emit(rows);
        return;
      }
      this.emit(rows);
    }
    if (this.text === '') this.rowLine = this.line;
    this.text += c;
    if (isBreak(c) && !(c === '\n' && this.afterCr)) this.line += 1;
    this.afterCr = c === '\r';
    this.step(c, rows);
  }

  private step(c: string, rows: RawCsvRow[]): void {
    switch (this.state) {
      case 'fieldStart':
        if (c === '"') this.state = 'quoted';
        else if (!isBlankChar(c)) this.unquoted(c, rows);
        return;
      case 'unquoted':
        return this.unquoted(c, rows);
      case 'quoted':
        if (c === '"') this.state = 'quoteSeen';
        else this.content ||= /\S/.test(c);
        return;
      case 'quoteSeen':
        // A doubled quote is a quote inside the field; anything else closed it.
        if (c === '"') {
          this.content = true;
          this.state = 'quoted';
          return;
        }
        this.state = 'afterQuote';
        return this.step(c, rows);
      case 'afterQuote':
        if (c === ',') this.nextField();
        else if (isBreak(c)) this.rowEnds(c, rows);
        else if (!isBlankChar(c)) this.malformed();
        return;
      case 'skipLine':
        if (isBreak(c)) this.rowEnds(c, rows);
    }
  }

  private unquoted(c: string, rows: RawCsvRow[]): void {
    this.state = 'unquoted';
    if (c === ',') this.nextField();
    else if (isBreak(c)) this.rowEnds(c, rows);
    else if (c === '"') this.malformed();
    else this.content ||= /\S/.test(c);
  }

  private nextField(): void {
    this.fields += 1;
    this.state = 'fieldStart';
  }

  private malformed(): void {
    this.content = true;
    this.state = 'skipLine';
  }

  private rowEnds(c: string, rows: RawCsvRow[]): void {
    if (c === '\r') this.endedWithCr = true;
    else this.emit(rows);
  }

  private emit(rows: RawCsvRow[]): void {
    // An unclosed quote at the end of the text: the reader reports the row, never skips it.
    const unclosed = this.state === 'quoted';
    rows.push({
      text: this.text,
      line: this.rowLine,
      blank: this.fields === 1 && !this.content && !unclosed,
    });
    this.text = '';
    this.state = 'fieldStart';
    this.fields = 1;
    this.content = false;
    this.endedWithCr = false;
  }
}

/** Every row of a text arriving in pieces (a file stream read as UTF-8). */
export async function* csvRows(pieces: AsyncIterable<string>): AsyncGenerator<RawCsvRow> {
  const splitter = new CsvRowSplitter();
  for await (const piece of pieces) yield* splitter.push(piece);
  yield* splitter.end();
}
