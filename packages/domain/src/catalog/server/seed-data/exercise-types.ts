import type { SeedExerciseType } from './types.ts';

/** One row per exercise type code; `defaultXp` applies unless an exercise sets `xpOverride`. */
export const SEED_EXERCISE_TYPES: readonly SeedExerciseType[] = [
  {
    code: 'translation',
    name: 'Translate',
    description: 'Translate a sentence between the language you know and the one you are learning.',
    defaultXp: 10,
  },
  {
    code: 'multiple_choice',
    name: 'Multiple choice',
    description: 'Pick the one correct answer from a short list of options.',
    defaultXp: 10,
  },
  {
    code: 'listening',
    name: 'Listen and type',
    description: 'Listen to a recording and type exactly what you hear.',
    defaultXp: 15,
  },
  {
    code: 'speaking',
    name: 'Speak',
    description: 'Read a phrase aloud and say it as clearly as you can.',
    defaultXp: 15,
  },
  {
    code: 'match_pairs',
    name: 'Match pairs',
    description: 'Match each word with its translation.',
    defaultXp: 10,
  },
  {
    code: 'fill_blank',
    name: 'Fill in the blank',
    description: 'Choose the word from the word bank that completes the sentence.',
    defaultXp: 10,
  },
  {
    code: 'sort_words',
    name: 'Build the sentence',
    description: 'Put the word tiles in the right order to build the sentence.',
    defaultXp: 10,
  },
];
