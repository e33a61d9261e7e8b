// What an exercise of each type must hold so the lesson player can show it and the checker can
// mark it: the type-specific content, the options and audio, and how they agree with the answer.
import { z } from 'zod';
import { NUL_MESSAGE, withoutNul } from '../../shared/universal/text.ts';
import type { AudioQuality, ExerciseTypeCode } from './exercise-types.ts';

const text = (max: number) =>
  z.string().trim().min(1, 'is required').max(max).refine(withoutNul, NUL_MESSAGE);
const words = (min: number, max: number) =>
  z
    .array(text(100))
    .min(min, `needs at least ${min}`)
    .max(max, `takes at most ${max}`)
    .refine((list) => new Set(list).size === list.length, 'lists a word twice');

/** Content by type; unknown keys are refused so a misspelt field is not silently dropped. */
export const EXERCISE_CONTENT_SCHEMAS = {
  translation: z.strictObject({ sourceText: text(500), direction: z.enum(['to_target', 'to_source']) }),
  multiple_choice: z.strictObject({}),
  listening: z.strictObject({ transcript: text(500), translation: text(500) }),
  speaking: z.strictObject({ phrase: text(500), translation: text(500) }),
  match_pairs: z.strictObject({
    pairs: z
      .array(z.strictObject({ left: text(200), right: text(200) }))
      .min(2, 'needs at least 2 pairs')
      .max(12, 'takes at most 12 pairs'),
  }),
  fill_blank: z.strictObject({ sentence: text(500), wordBank: words(2, 12) }),
  sort_words: z.strictObject({ tiles: words(2, 20), translation: text(500) }),
} as const satisfies Record<ExerciseTypeCode, z.ZodType>;

export interface ExerciseDraft {
  readonly type: ExerciseTypeCode;
  readonly correctAnswer: string;
  readonly content: unknown;
  readonly options: readonly { readonly text: string; readonly isCorrect: boolean }[];
  readonly audio: readonly { readonly quality: AudioQuality }[];
}

export interface ExerciseProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

const HAS_AUDIO: ReadonlySet<ExerciseTypeCode> = new Set(['listening', 'speaking']);
const sorted = (list: readonly string[]) => [...list].sort();
const sameList = (a: readonly string[], b: readonly string[]) => a.join('\u0000') === b.join('\u0000');

/** Everything wrong with a draft, each with the input path at fault; empty when it is playable. */
export function exerciseProblems(draft: ExerciseDraft): ExerciseProblem[] {
  const parsed = EXERCISE_CONTENT_SCHEMAS[draft.type].safeParse(draft.content ?? {});
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      path: ['content', ...issue.path.filter((key): key is string | number => typeof key !== 'symbol')],
      message: issue.message,
    }));
  }
  const problems: ExerciseProblem[] = [...optionProblems(draft), ...audioProblems(draft)];
  const answer = draft.correctAnswer;
  const mismatch = (message: string) => problems.push({ path: ['correctAnswer'], message });
  const content = parsed.data as Record<string, unknown>;
  switch (draft.type) {
    case 'listening':
      if (answer !== content['transcript']) mismatch('must be the transcript');
      break;
    case 'speaking':
      if (answer !== content['phrase']) mismatch('must be the phrase to say');
      break;
    case 'match_pairs': {
      const { pairs } = EXERCISE_CONTENT_SCHEMAS.match_pairs.parse(content);
      if (pairs.some(({ left, right }) => /[=|]/.test(left + right)))
        problems.push({ path: ['content', 'pairs'], message: 'a pair may not contain "=" or "|"' });
      if (
        new Set(pairs.map((p) => p.left)).size < pairs.length ||
        new Set(pairs.map((p) => p.right)).size < pairs.length
      )
        problems.push({ path: ['content', 'pairs'], message: 'each side must list distinct words' });
      if (answer !== pairs.map(({ left, right }) => `${left}=${right}`).join('|'))
        mismatch('must be the pairs written as left=right|left=right');
      break;
    }
    case 'fill_blank': {
      const { sentence, wordBank } = EXERCISE_CONTENT_SCHEMAS.fill_blank.parse(content);
      if (sentence.split('___').length !== 2)
        problems.push({ path: ['content', 'sentence'], message: 'must hold exactly one blank, written ___' });
      if (!wordBank.includes(answer)) mismatch('must be one of the word bank');
      break;
    }
    case 'sort_words': {
      const { tiles } = EXERCISE_CONTENT_SCHEMAS.sort_words.parse(content);
      if (!sameList(sorted(tiles), sorted(answer.split(' '))))
        mismatch('must be the tiles in order, joined by spaces');
      break;
    }
    default:
      break;
  }
  return problems;
}

function optionProblems({ type, options, correctAnswer }: ExerciseDraft): ExerciseProblem[] {
  if (type !== 'multiple_choice') {
    return options.length
      ? [{ path: ['options'], message: 'only a multiple-choice exercise has options' }]
      : [];
  }
  if (options.length < 2 || options.length > 6)
    return [{ path: ['options'], message: 'a multiple-choice exercise has 2 to 6 options' }];
  const problems: ExerciseProblem[] = [];
  const correct = options.filter((option) => option.isCorrect);
  if (correct.length !== 1)
    problems.push({ path: ['options'], message: 'exactly one option must be correct' });
  else if (correct[0]?.text !== correctAnswer)
    problems.push({ path: ['correctAnswer'], message: 'must be the text of the correct option' });
  const seen = new Set<string>();
  options.forEach((option, index) => {
    const folded = option.text.toLowerCase();
    if (seen.has(folded))
      problems.push({ path: ['options', index, 'text'], message: 'repeats another option' });
    seen.add(folded);
  });
  return problems;
}

function audioProblems({ type, audio }: ExerciseDraft): ExerciseProblem[] {
  if (!HAS_AUDIO.has(type))
    return audio.length
      ? [{ path: ['audio'], message: 'only listening and speaking exercises have audio' }]
      : [];
  if (type === 'listening' && audio.length === 0)
    return [{ path: ['audio'], message: 'a listening exercise needs at least one audio file' }];
  const qualities = audio.map((file) => file.quality);
  return new Set(qualities).size < qualities.length
    ? [{ path: ['audio'], message: 'one audio file per quality' }]
    : [];
}
