export const EXERCISE_TYPE_CODES = [
  'translation',
  'multiple_choice',
  'listening',
  'speaking',
  'match_pairs',
  'fill_blank',
  'sort_words',
] as const;
export type ExerciseTypeCode = (typeof EXERCISE_TYPE_CODES)[number];

export const AUDIO_QUALITIES = ['low', 'medium', 'high'] as const;
export type AudioQuality = (typeof AUDIO_QUALITIES)[number];
