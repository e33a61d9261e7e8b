import { describe, expect, it } from 'vitest';
import { planChunks, questionChunks, type QuestionChunk } from './question-chunks.ts';

/** The text as a stream of small pieces, as a file read arrives. */
const opener = (text: string) =>
  async function* () {
    for (let at = 0; at < text.length; at += 7) yield text.slice(at, at + 7);
  };

async function chunksOf(text: string, rows: number, bytes = 1_000_000) {
  const open = opener(text);
  const plan = await planChunks(open);
  const chunks: QuestionChunk[] = [];
  for await (const chunk of questionChunks(open, plan, { rows, bytes })) chunks.push(chunk);
  return { plan, chunks };
}

const file = [
  'question_id,question_text', // line 1
  '', // 2: blank, skipped
  'q1,"first', // 3
  'across lines"', // 4
  'q2,second', // 5
  'q1,again', // 6: q1 is taken on line 3
  'q3,third', // 7
].join('\n');

describe('question chunks', () => {
  it('counts the rows and refuses a question_id used again, naming the first line', async () => {
    const { plan } = await chunksOf(file, 2);
    expect(plan.totalRows).toBe(4);
    expect([...plan.duplicates.values()]).toEqual([
      { line: 6, column: 'question_id', message: '"q1" is already used on line 3' },
    ]);
  });

  it('repeats the header in every chunk and maps chunk lines back to file lines', async () => {
    const { chunks } = await chunksOf(file, 2);
    expect(chunks.map((chunk) => chunk.csv)).toEqual([
      'question_id,question_text\nq1,"first\nacross lines"\nq2,second\n',
      'question_id,question_text\nq3,third',
    ]);
    expect(chunks.map((chunk) => chunk.rows)).toEqual([2, 1]);
    const [first, second] = chunks;
    expect([1, 2, 4].map((line) => first?.fileLine(line))).toEqual([1, 3, 5]);
    expect(first?.isHeaderLine(1)).toBe(true);
    expect(first?.isHeaderLine(2)).toBe(false);
    expect(second?.fileLine(2)).toBe(7);
  });

  it('closes a chunk early when its text reaches the byte budget', async () => {
    const { chunks } = await chunksOf(file, 100, 10);
    expect(chunks.map((chunk) => chunk.rows)).toEqual([1, 1, 1]);
  });

  it('sends a header alone once for the server to judge, and nothing for an empty file', async () => {
    expect(await chunksOf('\n \n', 10)).toMatchObject({ plan: { hasHeader: false }, chunks: [] });
    expect((await chunksOf('question_id', 10)).chunks.map((chunk) => chunk.csv)).toEqual(['question_id\n']);
  });
});
