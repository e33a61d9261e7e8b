import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANSWER_LETTERS, EXAM_TYPES, type ExamType } from '../../universal/exam-types.ts';
import { parseQuestionCsv } from '../../universal/question-csv.ts';

// Highest objective number in each exam domain (SY0-701, N10-009, 220-1101, 220-1102).
const OBJECTIVES: Record<ExamType, Record<number, number>> = {
  security: { 1: 4, 2: 5, 3: 4, 4: 9, 5: 6 },
  network: { 1: 8, 2: 4, 3: 5, 4: 3, 5: 5 },
  a1101: { 1: 4, 2: 8, 3: 7, 4: 2, 5: 7 },
  a1102: { 1: 11, 2: 10, 3: 5, 4: 9 },
};

const ID_PREFIX: Record<ExamType, string> = {
  security: 'SEC',
  network: 'NET',
  a1101: 'A1101',
  a1102: 'A1102',
};

const result = parseQuestionCsv(readFileSync(new URL('./question-bank.csv', import.meta.url), 'utf8'));
const records = result.records.map((r) => r.record);

describe('question-bank.csv', () => {
  it('parses with no errors and no warnings', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('holds at least 200 questions, at least 50 per exam', () => {
    expect(records.length).toBeGreaterThanOrEqual(200);
    for (const examType of EXAM_TYPES) {
      expect(records.filter((r) => r.examType === examType).length, examType).toBeGreaterThanOrEqual(50);
    }
  });

  it('uses unique ids named after their exam', () => {
    expect(new Set(records.map((r) => r.questionId)).size).toBe(records.length);
    for (const r of records) expect(r.questionId).toMatch(new RegExp(`^${ID_PREFIX[r.examType]}-\\d{4}$`));
  });

  it('spreads the correct answer: each letter is right for at least 15% of each exam', () => {
    for (const examType of EXAM_TYPES) {
      const exam = records.filter((r) => r.examType === examType);
      for (const letter of ANSWER_LETTERS) {
        const share = exam.filter((r) => r.correctAnswer === letter).length / exam.length;
        expect(share, `${examType} ${letter}`).toBeGreaterThanOrEqual(0.15);
      }
    }
  });

  it("files every question under one of its exam's objectives", () => {
    for (const r of records) {
      const [domain, objective] = r.domain.split('.').map(Number);
      const highest = OBJECTIVES[r.examType][domain ?? 0];
      expect(highest, `${r.questionId} domain ${r.domain}`).toBeDefined();
      expect(objective, `${r.questionId} domain ${r.domain}`).toBeGreaterThanOrEqual(1);
      expect(objective, `${r.questionId} domain ${r.domain}`).toBeLessThanOrEqual(highest ?? 0);
    }
  });

  it('has no question asked twice', () => {
    const texts = records.map((r) => r.questionText.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });
});
