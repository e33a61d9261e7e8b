import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, formatCsvField, parseCsv } from './csv.ts';
import { ANSWER_LETTERS, EXAM_TYPES } from './exam-types.ts';
import {
  QUESTION_CSV_COLUMNS,
  parseQuestionCsv,
  questionRecordSchema,
  toQuestionCsv,
  type QuestionCsvColumn,
  type QuestionRecord,
} from './question-csv.ts';

describe('parseCsv', () => {
  it.each<[string, string, { line: number; fields: string[] }[]]>([
    ['plain fields', 'a,b,c', [{ line: 1, fields: ['a', 'b', 'c'] }]],
    ['empty fields', 'a,,b,', [{ line: 1, fields: ['a', '', 'b', ''] }]],
    ['a quoted comma', '"a,b",c', [{ line: 1, fields: ['a,b', 'c'] }]],
    ['escaped quotes', '"say ""hi""",x', [{ line: 1, fields: ['say "hi"', 'x'] }]],
    ['an empty quoted field', '"",x', [{ line: 1, fields: ['', 'x'] }]],
    ['only escaped quotes', '"""""",x', [{ line: 1, fields: ['""', 'x'] }]],
    [
      'an embedded newline',
      '"l1\nl2",x\ny,z',
      [
        { line: 1, fields: ['l1\nl2', 'x'] },
        { line: 3, fields: ['y', 'z'] },
      ],
    ],
    [
      'CRLF line endings',
      'a,b\r\nc,d\r\n',
      [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
      ],
    ],
    [
      'a lone CR line ending',
      'a,b\rc,d',
      [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
      ],
    ],
    [
      'CRLF inside quotes (kept, counted once)',
      '"a\r\nb",c\r\nd,e',
      [
        { line: 1, fields: ['a\r\nb', 'c'] },
        { line: 3, fields: ['d', 'e'] },
      ],
    ],
    ['a UTF-8 BOM', '\uFEFFa,b', [{ line: 1, fields: ['a', 'b'] }]],
    [
      'no trailing newline',
      'a\nb',
      [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['b'] },
      ],
    ],
    [
      'a trailing newline',
      'a\nb\n',
      [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['b'] },
      ],
    ],
    [
      'blank lines',
      '\na,b\n\n  \r\n\nc,d\n\n',
      [
        { line: 2, fields: ['a', 'b'] },
        { line: 6, fields: ['c', 'd'] },
      ],
    ],
    ['spaces around a quoted field', ' "a" ,b', [{ line: 1, fields: ['a', 'b'] }]],
    ['unicode', 'é,日本,🙂', [{ line: 1, fields: ['é', '日本', '🙂'] }]],
    ['an empty text', '', []],
  ])('reads %s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual({ rows, errors: [] });
  });

  it.each<[string, string, { line: number; fields: string[] }[], number]>([
    ['an unterminated quote', 'a,b\n"c,d\ne,f', [{ line: 1, fields: ['a', 'b'] }], 2],
    ['a quote inside an unquoted field', 'a,b"c\nd,e', [{ line: 2, fields: ['d', 'e'] }], 1],
    ['text after a closing quote', '"a"b,c\nd', [{ line: 2, fields: ['d'] }], 1],
    [
      'text after a multi-line quoted field',
      'x\n"a\nb"c,d\ne',
      [
        { line: 1, fields: ['x'] },
        { line: 4, fields: ['e'] },
      ],
      2,
    ],
  ])('reports %s as a row error without throwing', (_name, text, rows, errorLine) => {
    const result = parseCsv(text);
    expect(result.rows).toEqual(rows);
    expect(result.errors).toEqual([{ line: errorLine, message: expect.any(String) }]);
  });

  it('reads back what formatCsv writes', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r\n', '\r', 'é', '🙂') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const result = parseCsv(formatCsv(rows));
        expect(result.errors).toEqual([]);
        expect(result.rows.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });

  it('quotes a field only when it must', () => {
    expect(formatCsvField('plain text with spaces')).toBe('plain text with spaces');
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvField('two\nlines')).toBe('"two\nlines"');
  });

  it('never throws, whatever the text', () => {
    const unit = fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '\uFEFF');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const { rows, errors } = parseCsv(text);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const { line } of [...rows, ...errors]) expect(line).toBeGreaterThanOrEqual(1);
        for (const { line } of [...rows, ...errors]) expect(line).toBeLessThanOrEqual(lines);
      }),
    );
  });
});

const HEADER = QUESTION_CSV_COLUMNS.join(',');

const VALID_ROW: Record<QuestionCsvColumn, string> = {
  question_id: 'SEC-0001',
  exam_type: 'security',
  domain: '1.1',
  question_text: 'Which control type is a security guard at the front desk?',
  option_a: 'Physical',
  explanation_a: 'A guard physically restricts access to the premises.',
  option_b: 'Technical',
  explanation_b: 'Technical controls are implemented in hardware or software.',
  option_c: 'Managerial',
  explanation_c: 'Managerial controls are policies and risk decisions.',
  option_d: 'Operational',
  explanation_d: 'Operational is not the best category for a deterrent post.',
  correct_answer: 'A',
};

const VALID_RECORD: QuestionRecord = {
  questionId: 'SEC-0001',
  examType: 'security',
  domain: '1.1',
  questionText: VALID_ROW.question_text,
  correctAnswer: 'A',
  options: {
    A: { text: 'Physical', explanation: VALID_ROW.explanation_a },
    B: { text: 'Technical', explanation: VALID_ROW.explanation_b },
    C: { text: 'Managerial', explanation: VALID_ROW.explanation_c },
    D: { text: 'Operational', explanation: VALID_ROW.explanation_d },
  },
};

function rowCsv(overrides: Partial<Record<QuestionCsvColumn, string>> = {}): string {
  const row = { ...VALID_ROW, ...overrides };
  return QUESTION_CSV_COLUMNS.map((c) => formatCsvField(row[c])).join(',');
}

describe('parseQuestionCsv: rows', () => {
  it('reads a valid file', () => {
    const result = parseQuestionCsv(`${HEADER}\n${rowCsv()}\n`);
    expect(result).toEqual({
      headerLine: 1,
      records: [{ line: 2, record: VALID_RECORD }],
      errors: [],
      warnings: [],
    });
  });

  it.each<[string, QuestionCsvColumn, string]>([
    ['an empty question_id', 'question_id', ''],
    ['a question_id over 64 characters', 'question_id', 'Q'.repeat(65)],
    ['a question_id with a space', 'question_id', 'SEC 1'],
    ['a question_id with a slash', 'question_id', 'SEC/1'],
    ['an unknown exam_type', 'exam_type', 'aplus'],
    ['an empty exam_type', 'exam_type', ''],
    ['a domain without an objective', 'domain', '1'],
    ['a two-digit domain', 'domain', '10.1'],
    ['a three-digit objective', 'domain', '1.123'],
    ['a non-numeric domain', 'domain', 'a.b'],
    ['a question_text under 10 characters', 'question_text', 'Too short'],
    ['a question_text short once trimmed', 'question_text', '   short    '],
    ['a question_text over 2000 characters', 'question_text', 'x'.repeat(2001)],
    ['an empty option', 'option_b', ''],
    ['a blank option', 'option_c', '   '],
    ['an option over 500 characters', 'option_d', 'x'.repeat(501)],
    ['an empty explanation', 'explanation_a', ''],
    ['an explanation over 1000 characters', 'explanation_c', 'x'.repeat(1001)],
    ['an option repeating another (case-insensitive)', 'option_d', ' physical '],
    ['a correct_answer outside A–D', 'correct_answer', 'E'],
    ['two correct answers', 'correct_answer', 'AB'],
    ['a numeric correct_answer', 'correct_answer', '1'],
    ['an empty correct_answer', 'correct_answer', ''],
  ])('rejects %s, naming the column and line', (_name, column, value) => {
    const text = [HEADER, rowCsv({ question_id: 'OK-1' }), rowCsv({ [column]: value })].join('\n');
    const result = parseQuestionCsv(text);
    expect(result.errors).toEqual([{ line: 3, column, message: expect.any(String) }]);
    expect(result.records.map((r) => r.line)).toEqual([2]);
  });

  it.each<[string, Partial<Record<QuestionCsvColumn, string>>, Partial<QuestionRecord>]>([
    ['exam_type in any case', { exam_type: ' NETWORK ' }, { examType: 'network' }],
    ['a lower-case, padded correct_answer', { correct_answer: ' c ' }, { correctAnswer: 'C' }],
    [
      'padded ids and domains',
      { question_id: ' A1102-0001 ', domain: ' 4.10 ' },
      { questionId: 'A1102-0001', domain: '4.10' },
    ],
    ['a 64-character question_id', { question_id: 'Q'.repeat(64) }, { questionId: 'Q'.repeat(64) }],
    [
      'a 2000-character question_text',
      { question_text: 'x'.repeat(2000) },
      { questionText: 'x'.repeat(2000) },
    ],
    [
      'CRLF inside question_text',
      { question_text: '  Line one\r\nline two  ' },
      { questionText: 'Line one\nline two' },
    ],
  ])('accepts and normalises %s', (_name, overrides, expected) => {
    const result = parseQuestionCsv(`${HEADER}\n${rowCsv(overrides)}`);
    expect(result.errors).toEqual([]);
    expect(result.records[0]?.record).toEqual({ ...VALID_RECORD, ...expected });
  });

  it('trims options and accepts the longest allowed ones', () => {
    const result = parseQuestionCsv(
      `${HEADER}\n${rowCsv({ option_a: `  ${'o'.repeat(500)}  `, explanation_a: 'e'.repeat(1000) })}`,
    );
    expect(result.errors).toEqual([]);
    expect(result.records[0]?.record.options.A).toEqual({
      text: 'o'.repeat(500),
      explanation: 'e'.repeat(1000),
    });
  });

  it('reports every bad cell of a row, in column order, and keeps no record', () => {
    const text = `${HEADER}\n${rowCsv({ correct_answer: 'X', domain: '', option_b: 'PHYSICAL' })}`;
    const result = parseQuestionCsv(text);
    expect(result.records).toEqual([]);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'domain'],
      [2, 'option_b'],
      [2, 'correct_answer'],
    ]);
  });

  it('reports a multi-line row on the line where it starts', () => {
    const text = [
      HEADER,
      rowCsv({ question_id: 'Q1', question_text: 'A question\nover\nthree lines?' }),
      rowCsv({ question_id: 'Q2', domain: 'x' }),
    ].join('\r\n');
    const result = parseQuestionCsv(text);
    expect(result.records.map((r) => r.line)).toEqual([2]);
    expect(result.errors).toEqual([{ line: 5, column: 'domain', message: expect.any(String) }]);
  });

  it('reports a duplicate question_id on the later row, naming the earlier line', () => {
    const text = [
      HEADER,
      rowCsv({ question_id: 'Q1', question_text: 'A question spanning\ntwo lines?' }),
      rowCsv({ question_id: 'Q2' }),
      rowCsv({ question_id: ' Q1 ' }),
    ].join('\n');
    const result = parseQuestionCsv(text);
    expect(result.records.map((r) => r.record.questionId)).toEqual(['Q1', 'Q2']);
    expect(result.errors).toEqual([
      { line: 5, column: 'question_id', message: expect.stringContaining('line 2') },
    ]);
  });

  it('reports a row with the wrong number of fields', () => {
    const result = parseQuestionCsv(`${HEADER}\n${rowCsv()},extra\nQ2,security`);
    expect(result.records).toEqual([]);
    expect(result.errors.map((e) => e.line)).toEqual([2, 3]);
  });

  it('reports malformed quoting as a row error and reads the other rows', () => {
    const text = [HEADER, `${rowCsv({ question_id: 'Q1' })}"oops"`, rowCsv({ question_id: 'Q2' })].join('\n');
    const result = parseQuestionCsv(text);
    expect(result.records.map((r) => r.line)).toEqual([3]);
    expect(result.errors).toEqual([{ line: 2, message: expect.any(String) }]);
  });
});

describe('parseQuestionCsv: header', () => {
  it('accepts the columns in any order and case', () => {
    const columns = [...QUESTION_CSV_COLUMNS].reverse();
    const text = `\uFEFF${columns.map((c) => ` ${c.toUpperCase()} `).join(',')}\r\n${columns
      .map((c) => formatCsvField(VALID_ROW[c]))
      .join(',')}\r\n`;
    expect(parseQuestionCsv(text)).toEqual({
      headerLine: 1,
      records: [{ line: 2, record: VALID_RECORD }],
      errors: [],
      warnings: [],
    });
  });

  it('reports each missing column on the header line and reads no row', () => {
    const columns = QUESTION_CSV_COLUMNS.filter((c) => c !== 'explanation_b' && c !== 'domain');
    const result = parseQuestionCsv(`${columns.join(',')}\n${columns.map((c) => VALID_ROW[c]).join(',')}`);
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([
      { line: 1, column: 'domain', message: expect.any(String) },
      { line: 1, column: 'explanation_b', message: expect.any(String) },
    ]);
  });

  it('warns about unknown and unnamed columns and ignores them', () => {
    const result = parseQuestionCsv(`\n${HEADER},notes,\n${rowCsv()},"anything, really",x\n`);
    expect(result.errors).toEqual([]);
    expect(result.records).toEqual([{ line: 3, record: VALID_RECORD }]);
    expect(result.warnings).toEqual([
      { line: 2, message: expect.stringContaining('notes') },
      { line: 2, message: expect.stringContaining('column 15') },
    ]);
  });

  it('reports a column given twice', () => {
    const result = parseQuestionCsv(`${HEADER},Domain\n${rowCsv()},1.2`);
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, column: 'domain', message: expect.any(String) }]);
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n\r\n\n'],
    ['a BOM alone', '\uFEFF'],
  ])('reports %s', (_name, text) => {
    const result = parseQuestionCsv(text);
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, message: expect.any(String) }]);
  });

  it('reports an unreadable header row', () => {
    const result = parseQuestionCsv(`question_id,"exam_type\n${rowCsv()}`);
    expect(result.records).toEqual([]);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('accepts a header without rows', () => {
    expect(parseQuestionCsv(`${HEADER}\n`)).toEqual({ headerLine: 1, records: [], errors: [], warnings: [] });
  });
});

describe('toQuestionCsv', () => {
  it('writes the header and quotes only the fields that need it', () => {
    const record: QuestionRecord = {
      ...VALID_RECORD,
      questionText: 'Which one is "best", and why?',
      options: { ...VALID_RECORD.options, B: { text: 'Two\nlines', explanation: 'Plain' } },
    };
    expect(toQuestionCsv([record]).split('\n').slice(0, 3)).toEqual([
      HEADER,
      'SEC-0001,security,1.1,"Which one is ""best"", and why?",Physical,A guard physically restricts access to the premises.,"Two',
      'lines",Plain,Managerial,Managerial controls are policies and risk decisions.,Operational,Operational is not the best category for a deterrent post.,A',
    ]);
  });

  // Strings a valid record may hold: already trimmed and with `\n` line breaks, as the schema leaves them.
  const unit = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(',', '"', '""', '\n', '\r\n', ' ', '\t', 'é', '日本', '🙂', '👩‍💻'),
    },
  );
  const text = (min: number, max: number) =>
    fc
      .string({ unit, minLength: min, maxLength: max })
      .map((s) => s.replace(/\r\n?/g, '\n').trim())
      .filter((s) => [...s].length >= min && [...s].length <= max); // the limits count code points
  const option = fc.record({ text: text(1, 40), explanation: text(1, 60) });
  const record: fc.Arbitrary<QuestionRecord> = fc.record({
    questionId: fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/),
    examType: fc.constantFrom(...EXAM_TYPES),
    domain: fc.stringMatching(/^\d\.\d{1,2}$/),
    questionText: text(10, 120),
    correctAnswer: fc.constantFrom(...ANSWER_LETTERS),
    options: fc
      .uniqueArray(option, { minLength: 4, maxLength: 4, selector: (o) => o.text.toLowerCase() })
      .map(([A, B, C, D]) => ({ A, B, C, D }))
      .filter((o): o is QuestionRecord['options'] => ANSWER_LETTERS.every((l) => o[l] !== undefined)),
  });

  it('generates only records the schema leaves unchanged', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(questionRecordSchema.parse(r)).toEqual(r);
      }),
    );
  });

  it('round-trips: parseQuestionCsv(toQuestionCsv(records)) gives the records back', () => {
    fc.assert(
      fc.property(fc.uniqueArray(record, { maxLength: 8, selector: (r) => r.questionId }), (records) => {
        const text = toQuestionCsv(records);
        const result = parseQuestionCsv(text);
        expect(result.errors).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.records.map((r) => r.record)).toEqual(records);
        // Each record's line is the physical line its row starts on.
        const lines = text.split('\n');
        for (const { line, record: r } of result.records)
          expect(lines[line - 1]?.startsWith(`${r.questionId},`)).toBe(true);
      }),
    );
  });
});
