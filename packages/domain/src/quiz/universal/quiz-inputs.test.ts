import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startQuizInputSchema, submitQuizInputSchema } from './quiz-inputs.ts';

const answers = (n: number, start = 1) =>
  Array.from({ length: n }, (_, i) => ({ questionId: start + i, answer: 'A', timeSpentSeconds: 12 }));
const submission = (overrides: Record<string, unknown> = {}) => ({
  examType: 'security',
  answers: answers(5),
  idempotencyKey: 'quiz-key-0001',
  ...overrides,
});
const issuePaths = (input: unknown) => {
  const parsed = submitQuizInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('startQuizInputSchema', () => {
  it('defaults to ten questions', () => {
    expect(startQuizInputSchema.parse({ examType: 'network' })).toEqual({ examType: 'network', count: 10 });
  });

  it.each([4, 51, 7.5])('refuses %d questions', (count) => {
    expect(startQuizInputSchema.safeParse({ examType: 'network', count }).success).toBe(false);
  });

  it('refuses an unknown exam type', () => {
    expect(startQuizInputSchema.safeParse({ examType: 'ccna', count: 10 }).success).toBe(false);
  });
});

describe('submitQuizInputSchema', () => {
  it('accepts 5 to 50 answers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 50 }), (n) => {
        expect(submitQuizInputSchema.safeParse(submission({ answers: answers(n) })).success).toBe(true);
      }),
    );
  });

  it.each([
    ['too few answers', submission({ answers: answers(4) }), 'answers'],
    ['too many answers', submission({ answers: answers(51) }), 'answers'],
    [
      'a letter outside A–D',
      submission({ answers: [...answers(4), { questionId: 99, answer: 'E', timeSpentSeconds: 1 }] }),
      'answers.4.answer',
    ],
    [
      'a lower-case letter',
      submission({ answers: [{ questionId: 99, answer: 'a', timeSpentSeconds: 1 }, ...answers(4)] }),
      'answers.0.answer',
    ],
    [
      'a negative time',
      submission({ answers: [...answers(4), { questionId: 99, answer: 'B', timeSpentSeconds: -1 }] }),
      'answers.4.timeSpentSeconds',
    ],
    [
      'a repeated question',
      submission({ answers: [...answers(4), { questionId: 2, answer: 'B', timeSpentSeconds: 0 }] }),
      'answers.4.questionId',
    ],
    ['a malformed idempotency key', submission({ idempotencyKey: 'short' }), 'idempotencyKey'],
    ['an unknown exam type', submission({ examType: 'ccna' }), 'examType'],
  ])('refuses %s with the field path', (_, input, path) => {
    expect(issuePaths(input)).toContain(path);
  });

  it('accepts a time of zero', () => {
    const input = submission({ answers: answers(5).map((a) => ({ ...a, timeSpentSeconds: 0 })) });
    expect(submitQuizInputSchema.safeParse(input).success).toBe(true);
  });
});
