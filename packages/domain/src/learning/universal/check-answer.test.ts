import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExerciseTypeCode } from '../../catalog/universal/exercise-types.ts';
import { answerLength, normalizeAnswer } from './answer-text.ts';
import { checkAnswer, type CheckableExercise, type ExerciseAnswer } from './check-answer.ts';
import { osaDistance } from './testing/edit-distance.ts';

const exercise = (
  type: ExerciseTypeCode,
  correctAnswer: string,
  alternateAnswers: readonly string[] = [],
): CheckableExercise => ({ type, correctAnswer, alternateAnswers });

const goodMorning = exercise('translation', 'Buenos días', ['Buen día']);
const andYou = exercise('listening', 'Muy bien, gracias. ¿Y tú?', ['Muy bien, gracias. Y tú']);
const pairs = exercise('match_pairs', 'hola=hello|adiós=goodbye|buenos días=good morning');
const thanks = exercise('multiple_choice', 'Nice to meet you');
const tiles = exercise('sort_words', 'Buenas noches, hasta mañana.');

describe('checkAnswer', () => {
  it.each<[string, CheckableExercise, ExerciseAnswer, { correct: boolean; typo: boolean }]>([
    ['the canonical answer', goodMorning, 'Buenos días', { correct: true, typo: false }],
    ['another case and spacing', goodMorning, '  BUENOS   días ', { correct: true, typo: false }],
    ['an alternate', goodMorning, 'buen día', { correct: true, typo: false }],
    ['a missing accent in 8+ characters', goodMorning, 'buenos dias', { correct: true, typo: true }],
    ['a transposition', goodMorning, 'bueons días', { correct: true, typo: true }],
    ['two mistakes', goodMorning, 'bueons dias', { correct: false, typo: false }],
    ['end punctuation either way', andYou, 'muy bien, gracias. ¿y tú', { correct: true, typo: false }],
    ['the alternate without ¿ ?', andYou, 'Muy bien, gracias. Y tú.', { correct: true, typo: false }],
    ['no commas and no accent', andYou, 'muy bien gracias y tu', { correct: false, typo: false }],
    [
      'a missing accent under 8',
      exercise('translation', 'el café'),
      'el cafe',
      { correct: false, typo: false },
    ],
    ['sí is not si', exercise('translation', 'Sí'), 'si', { correct: false, typo: false }],
    ['a short word with a typo', exercise('fill_blank', 'tardes'), 'tarde', { correct: false, typo: false }],
    ['a blank word, any case', exercise('fill_blank', 'tardes'), 'Tardes', { correct: true, typo: false }],
    ['an empty answer', goodMorning, '   ', { correct: false, typo: false }],
    ['only punctuation', goodMorning, '¿?', { correct: false, typo: false }],
    ['the option text', thanks, 'nice to meet you', { correct: true, typo: false }],
    ['a near option is another option', thanks, 'Nice to meet yo', { correct: false, typo: false }],
    ['tiles in order', tiles, 'Buenas noches, hasta mañana.', { correct: true, typo: false }],
    ['tiles out of order', tiles, 'noches, Buenas hasta mañana.', { correct: false, typo: false }],
    ['tiles never have typos', tiles, 'Buenas noches, hasta manana.', { correct: false, typo: false }],
    [
      'pairs in any order',
      pairs,
      [
        { left: 'Buenos días', right: 'good morning' },
        { left: 'hola', right: 'Hello' },
        { left: 'adiós', right: 'goodbye' },
      ],
      { correct: true, typo: false },
    ],
    [
      'pairs as canonical text',
      pairs,
      'adiós=goodbye|hola=hello|buenos días=good morning',
      { correct: true, typo: false },
    ],
    [
      'a wrong pair',
      pairs,
      [
        { left: 'hola', right: 'goodbye' },
        { left: 'adiós', right: 'hello' },
        { left: 'buenos días', right: 'good morning' },
      ],
      { correct: false, typo: false },
    ],
    ['some pairs missing', pairs, [{ left: 'hola', right: 'hello' }], { correct: false, typo: false }],
    ['pairs for a typed exercise', goodMorning, [{ left: 'a', right: 'b' }], { correct: false, typo: false }],
  ])('%s', (_, checked, given, outcome) => {
    expect(checkAnswer(checked, given)).toMatchObject({ ...outcome, expected: checked.correctAnswer });
  });

  it('says which accepted answer matched', () => {
    expect(checkAnswer(goodMorning, 'buen dia')).toEqual({
      correct: true,
      typo: true,
      expected: 'Buenos días',
      matched: 'Buen día',
    });
    expect(checkAnswer(goodMorning, 'hola')).toEqual({
      correct: false,
      typo: false,
      expected: 'Buenos días',
    });
  });

  it('normalises composed and decomposed accents alike', () => {
    expect(checkAnswer(exercise('translation', 'el café'), 'el cafe\u0301').correct).toBe(true);
  });
});

const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzáéíóúñü');
const word = fc.string({ unit: letter, minLength: 1, maxLength: 8 });
const answer = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));

const variation = fc.record({
  upper: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  gap: fc.constantFrom(' ', '  ', '\t', ' \u00a0 ', '\n'),
  lead: fc.constantFrom('', ' ', '¡', '¿', ' ¿ ', '¡¿'),
  tail: fc.constantFrom('', '.', '!', '?', '…', ' ?! ', '...', '. '),
});

type Edit = { kind: 'insert' | 'delete' | 'substitute' | 'transpose'; at: number; char: string };
const edit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'substitute', 'transpose'),
  at: fc.nat(),
  char: letter,
});

function applyEdit(text: string, { kind, at, char }: Edit): string {
  const chars = Array.from(text);
  const i = at % chars.length;
  if (kind === 'insert') chars.splice(i, 0, char);
  if (kind === 'delete') chars.splice(i, 1);
  if (kind === 'substitute') chars.splice(i, 1, char);
  if (kind === 'transpose' && i + 1 < chars.length) chars.splice(i, 2, chars[i + 1] ?? '', chars[i] ?? '');
  return chars.join('');
}

describe('checkAnswer properties', () => {
  it('always accepts case, white space and end punctuation variations of the answer', () => {
    fc.assert(
      fc.property(answer, variation, (text, v) => {
        const varied = Array.from(text.split(' ').join(v.gap))
          .map((c, i) => (v.upper[i % v.upper.length] ? c.toUpperCase() : c))
          .join('');
        const result = checkAnswer(exercise('translation', `${text}.`), `${v.lead}${varied}${v.tail}`);
        expect(result).toMatchObject({ correct: true, typo: false });
      }),
    );
  });

  it('refuses a different answer (two or more edits away)', () => {
    fc.assert(
      fc.property(answer, answer, (expected, given) => {
        fc.pre(osaDistance(normalizeAnswer(expected), normalizeAnswer(given)) > 1);
        expect(checkAnswer(exercise('translation', expected), given).correct).toBe(false);
      }),
    );
  });

  it('accepts one typo in an answer of 8+ characters and says so', () => {
    fc.assert(
      fc.property(answer, edit, (expected, change) => {
        const normalized = normalizeAnswer(expected);
        fc.pre(answerLength(normalized) >= 8);
        const given = applyEdit(expected, change);
        fc.pre(osaDistance(normalizeAnswer(given), normalized) === 1);
        expect(checkAnswer(exercise('listening', expected), given)).toMatchObject({
          correct: true,
          typo: true,
        });
      }),
    );
  });

  it('refuses one typo in an answer under 8 characters', () => {
    fc.assert(
      fc.property(answer, edit, (expected, change) => {
        fc.pre(answerLength(normalizeAnswer(expected)) < 8);
        const given = applyEdit(expected, change);
        fc.pre(normalizeAnswer(given) !== normalizeAnswer(expected));
        expect(checkAnswer(exercise('translation', expected), given).correct).toBe(false);
      }),
    );
  });
});
