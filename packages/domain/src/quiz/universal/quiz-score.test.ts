import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHighScore, isPerfectQuiz, quizXp, scorePercentage, scoreQuiz } from './quiz-score.ts';

describe('scorePercentage', () => {
  it.each([
    [0, 10, 0],
    [10, 10, 100],
    [7, 10, 70],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 8, 12.5],
    [1, 32, 3.13],
    [5, 7, 71.43],
    [49, 50, 98],
    [19_999, 20_000, 100],
  ])('%i of %i scores %d', (correct, total, score) => {
    expect(scorePercentage(correct, total)).toBe(score);
  });

  it.each([
    [0, 0],
    [-1, 5],
    [6, 5],
    [1.5, 5],
    [1, Number.NaN],
  ])('refuses %d of %d', (correct, total) => {
    expect(() => scorePercentage(correct, total)).toThrow(RangeError);
  });

  it('stays within 0–100 and within half a hundredth of the exact fraction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, f) => {
          const correct = Math.floor(f * total);
          const score = scorePercentage(correct, total);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          expect(Math.abs(score - (correct / total) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
          // Two decimals at most: what the column stores is what the learner sees.
          expect(Math.round(score * 100) / 100).toBe(score);
        },
      ),
    );
  });
});

describe('perfect and high scores', () => {
  it.each([
    [10, 10, true, true],
    [9, 10, false, true],
    [8, 10, false, false],
    [45, 50, false, true],
    [44, 50, false, false],
    [17, 19, false, false], // 89.47%
    [18, 20, false, true], // exactly 90%
  ])('%i of %i: perfect %s, high score %s', (correct, total, perfect, high) => {
    expect(isPerfectQuiz(correct, total)).toBe(perfect);
    expect(isHighScore(correct, total)).toBe(high);
  });

  it('decides perfection on the exact fraction, not the rounded score', () => {
    expect(scorePercentage(19_999, 20_000)).toBe(100);
    expect(isPerfectQuiz(19_999, 20_000)).toBe(false);
    expect(quizXp(19_999, 20_000)).toBe(199_990);
  });

  it('is a high score exactly when correct / total ≥ 0.9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), (total, n) => {
        const correct = n % (total + 1);
        expect(isHighScore(correct, total)).toBe(10 * correct >= 9 * total);
      }),
    );
  });
});

describe('quizXp', () => {
  it.each([
    [0, 5, 0],
    [3, 5, 30],
    [5, 5, 100],
    [9, 10, 90],
    [10, 10, 150],
    [50, 50, 550],
  ])('%i of %i earns %i XP', (correct, total, xp) => {
    expect(quizXp(correct, total)).toBe(xp);
  });

  it('is 10 per correct answer plus 50 only for a perfect quiz', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(), (total, n) => {
        const correct = n % (total + 1);
        expect(quizXp(correct, total) - 10 * correct).toBe(correct === total ? 50 : 0);
      }),
    );
  });

  it('never decreases with one more correct answer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(), (total, n) => {
        const correct = n % total;
        expect(quizXp(correct + 1, total)).toBeGreaterThan(quizXp(correct, total));
      }),
    );
  });
});

describe('scoreQuiz', () => {
  it('gathers the rule in one result', () => {
    expect(scoreQuiz(9, 10)).toEqual({
      correct: 9,
      total: 10,
      percentage: 90,
      perfect: false,
      highScore: true,
      xp: 90,
    });
  });
});
