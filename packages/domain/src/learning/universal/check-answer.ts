import { z } from 'zod';
import type { ExerciseTypeCode } from '../../catalog/universal/exercise-types.ts';
import { answerLength, isWithinOneEdit, normalizeAnswer } from './answer-text.ts';

/** One pair the learner matched in a match_pairs exercise. */
export const matchedPairSchema = z.object({
  left: z.string().max(200),
  right: z.string().max(200),
});
export type MatchedPair = z.infer<typeof matchedPairSchema>;

/**
 * What a learner answers. Text for every type — multiple_choice: the chosen option's TEXT (the
 * stored correct answer is that text, so no id is needed); fill_blank: the word; sort_words: the
 * tiles in order joined by spaces; translation, listening, speaking: free text. match_pairs takes
 * the pairs (in any order), or the canonical `left=right|left=right` text.
 */
export const exerciseAnswerSchema = z.union([z.string().max(500), z.array(matchedPairSchema).min(1).max(12)]);
export type ExerciseAnswer = z.infer<typeof exerciseAnswerSchema>;

/** The part of an exercise the checker needs (never sent to the learner before they answer). */
export interface CheckableExercise {
  readonly type: ExerciseTypeCode;
  readonly correctAnswer: string;
  readonly alternateAnswers?: readonly string[];
}

export interface AnswerCheck {
  readonly correct: boolean;
  /** Accepted with one typo (or a missing accent): correct, but worth showing the right spelling. */
  readonly typo: boolean;
  /** The canonical answer, to show after a wrong or misspelled answer. */
  readonly expected: string;
  /** The accepted answer (canonical or alternate) the learner's answer matched. */
  readonly matched?: string;
}

/** Answers of 8+ characters may carry one typo; shorter ones must be exact ("sí" ≠ "si"). */
export const TYPO_MIN_LENGTH = 8;

// Only typed answers can have typos: options, tiles and pairs are picked, so any difference is a
// different choice (two options may well differ by one letter).
const TYPED: ReadonlySet<ExerciseTypeCode> = new Set(['translation', 'listening', 'speaking', 'fill_blank']);

/** The shape an answer must have for this exercise type (anything else is bad input). */
export function answerFitsType(type: ExerciseTypeCode, given: ExerciseAnswer): boolean {
  return typeof given === 'string' || type === 'match_pairs';
}

function pairKey(left: string, right: string): string {
  return `${normalizeAnswer(left)}\u0000${normalizeAnswer(right)}`;
}

function parsePairs(text: string): readonly string[] {
  return text.split('|').map((pair) => {
    const cut = pair.indexOf('=');
    return cut < 0 ? pairKey(pair, '') : pairKey(pair.slice(0, cut), pair.slice(cut + 1));
  });
}

/** A canonical form of a match_pairs answer: the set of normalised pairs, order ignored. */
function canonicalPairs(given: ExerciseAnswer): string {
  const keys = typeof given === 'string' ? parsePairs(given) : given.map((p) => pairKey(p.left, p.right));
  return [...keys].sort().join('\u0001');
}

/**
 * Checks an answer after normalisation (NFC, case folding, white space, end punctuation — see
 * `normalizeAnswer`) against the canonical and alternate answers. A typed answer of 8+ characters
 * may be one Damerau–Levenshtein edit away (a missing accent is such an edit): accepted with
 * `typo: true`. Accents are otherwise significant.
 */
export function checkAnswer(exercise: CheckableExercise, given: ExerciseAnswer): AnswerCheck {
  const expected = exercise.correctAnswer;
  const accepted = [expected, ...(exercise.alternateAnswers ?? [])];
  const wrong: AnswerCheck = { correct: false, typo: false, expected };
  if (!answerFitsType(exercise.type, given)) return wrong;

  if (exercise.type === 'match_pairs') {
    const mine = canonicalPairs(given);
    const matched = accepted.find((answer) => canonicalPairs(answer) === mine);
    return matched === undefined ? wrong : { correct: true, typo: false, expected, matched };
  }
  if (typeof given !== 'string') return wrong;
  const mine = normalizeAnswer(given);
  if (mine === '') return wrong;
  const candidates = accepted.map((answer) => ({ answer, normalized: normalizeAnswer(answer) }));
  const exact = candidates.find((candidate) => candidate.normalized === mine);
  if (exact) return { correct: true, typo: false, expected, matched: exact.answer };
  if (!TYPED.has(exercise.type)) return wrong;
  const near = candidates.find(
    (candidate) =>
      answerLength(candidate.normalized) >= TYPO_MIN_LENGTH && isWithinOneEdit(candidate.normalized, mine),
  );
  return near ? { correct: true, typo: true, expected, matched: near.answer } : wrong;
}
