import { parseCsv } from '@questline/domain/quiz/universal/csv';
import { describe, expect, it } from 'vitest';
import { CsvRowSplitter, type RawCsvRow } from './csv-rows.ts';

function split(pieces: readonly string[]): RawCsvRow[] {
  const splitter = new CsvRowSplitter();
  return [...pieces.flatMap((piece) => splitter.push(piece)), ...splitter.end()];
}

/** Each row's text once more through the domain's reader, as the server reads a chunk. */
const reread = (rows: readonly RawCsvRow[]) =>
  rows
    .filter((row) => !row.blank)
    .map((row) => {
      const parsed = parseCsv(row.text);
      return parsed.errors.length
        ? { line: row.line, error: true }
        : { line: row.line, fields: parsed.rows[0]?.fields };
    });

/** What the domain's reader makes of the whole text, in the same shape. */
function readWhole(text: string) {
  const parsed = parseCsv(text);
  return [
    ...parsed.rows.map((row) => ({ line: row.line, fields: row.fields })),
    ...parsed.errors.map((error) => ({ line: error.line, error: true })),
  ].sort((a, b) => a.line - b.line);
}

describe('CsvRowSplitter', () => {
  it.each([
    ['plain rows', 'a,b\nc,d\n'],
    ['no final newline', 'a,b\nc,d'],
    ['CRLF and lone CR', 'a,b\r\nc,d\re,f\r\n'],
    ['a quoted field across lines', 'id,text\n1,"two\nlines"\n2,x\n'],
    ['doubled quotes', '1,"say ""hi"""\n2,y\n'],
    ['blank lines and a quoted blank', 'a\n\n   \n""\nb\n'],
    ['a stray quote in an unquoted field', 'a,b"c,d\n"e",f\n'],
    ['text after a closing quote', '"a"x,b\nc\n'],
    ['an unclosed quote runs to the end', 'a\n"open,\nstill\nopen\n'],
    ['a byte order mark', '\uFEFFa,b\nc\n'],
  ])('%s: rows where the reader splits them', (_name, text) => {
    const rows = split([text]);
    expect(rows.map((row) => row.text).join('')).toBe(text.replace(/^\uFEFF/, ''));
    expect(reread(rows)).toEqual(readWhole(text));
  });

  it('splits the same whatever pieces the text arrives in (pseudo-random texts)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ['a', 'é', ' ', '\t', ',', '"', '""', '\n', '\r', '\r\n', 'xyz'];
    for (let round = 0; round < 400; round += 1) {
      const text = Array.from(
        { length: Math.floor(random() * 40) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const cuts = [
        ...new Set(Array.from({ length: 4 }, () => Math.floor(random() * (text.length + 1)))),
      ].sort((a, b) => a - b);
      const pieces = [0, ...cuts].map((from, index) => text.slice(from, [...cuts, text.length][index]));
      const rows = split(pieces);
      expect(rows.map((row) => row.text).join(''), JSON.stringify(text)).toBe(text);
      expect(reread(rows), JSON.stringify(text)).toEqual(readWhole(text));
      expect(split([text]), JSON.stringify(pieces)).toEqual(rows);
    }
  });
});
