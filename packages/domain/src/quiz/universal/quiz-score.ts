// The quiz rule (DESIGN §4): score = correct / total × 100; XP = 10 per correct answer + 50 for a
// perfect quiz. Perfect and high-score are decided on the exact fraction, never on the rounded
// percentage, so 19,999 of 20,000 (99.995 → 100.00 stored) is not perfect.

export const XP_PER_CORRECT_ANSWER = 10;
export const PERFECT_QUIZ_BONUS_XP = 50;
/** A high score is at least this percentage (the high_score_quiz criteria). */
export const HIGH_SCORE_PERCENT = 90;

export interface QuizScore {
  readonly correct: number;
  readonly total: number;
  /** Percentage rounded to 2 decimals, as stored in `quiz_attempts.score_percentage`. */
  readonly percentage: number;
  readonly perfect: boolean;
  readonly highScore: boolean;
  readonly xp: number;
}

function assertCounts(correct: number, total: number): void {
  if (!Number.isSafeInteger(total) || total < 1) {
    throw new RangeError(`total must be an integer ≥ 1, got ${total}`);
  }
  if (!Number.isSafeInteger(correct) || correct < 0 || correct > total) {
    throw new RangeError(`correct must be an integer in 0..${total}, got ${correct}`);
  }
}

/** correct / total × 100 rounded half-up to 2 decimals (computed in hundredths to avoid 1.005-style drift). */
export function scorePercentage(correct: number, total: number): number {
  assertCounts(correct, total);
  return Math.round((correct * 10_000) / total) / 100;
}

export function isPerfectQuiz(correct: number, total: number): boolean {
  assertCounts(correct, total);
  return correct === total;
}

/** At least 90% on the exact fraction (integer arithmetic, no rounding). */
export function isHighScore(correct: number, total: number): boolean {
  assertCounts(correct, total);
  return correct * 100 >= HIGH_SCORE_PERCENT * total;
}

export function quizXp(correct: number, total: number): number {
  return correct * XP_PER_CORRECT_ANSWER + (isPerfectQuiz(correct, total) ? PERFECT_QUIZ_BONUS_XP : 0);
}

export function scoreQuiz(correct: number, total: number): QuizScore {
  return {
    correct,
    total,
    percentage: scorePercentage(correct, total),
    perfect: isPerfectQuiz(correct, total),
    highScore: isHighScore(correct, total),
    xp: quizXp(correct, total),
  };
}
