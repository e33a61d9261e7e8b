import { z } from 'zod';
import { AUDIO_QUALITIES } from '../../catalog/universal/exercise-types.ts';

// What the lesson player receives. Exercises come WITHOUT their answers: no correct answer, no
// alternates, no `is_correct` on options, no listening transcript, match pairs split and shuffled.

export const heartsViewSchema = z.object({
  hearts: z.number().int(),
  max: z.number().int(),
  regenFrom: z.date().nullable(),
  nextHeartAt: z.date().nullable(),
  regenerated: z.number().int(),
});

const audioSchema = z.object({ quality: z.enum(AUDIO_QUALITIES), url: z.string(), durationMs: z.number() });
export type AudioView = z.infer<typeof audioSchema>;

export const exerciseContentSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('translation'),
    sourceText: z.string(),
    direction: z.enum(['to_target', 'to_source']),
  }),
  z.object({
    type: z.literal('multiple_choice'),
    options: z.array(z.object({ id: z.number().int(), text: z.string() })),
  }),
  z.object({ type: z.literal('listening'), audio: z.array(audioSchema) }),
  z.object({
    type: z.literal('speaking'),
    phrase: z.string(),
    translation: z.string(),
    audio: z.array(audioSchema),
  }),
  z.object({ type: z.literal('match_pairs'), left: z.array(z.string()), right: z.array(z.string()) }),
  z.object({ type: z.literal('fill_blank'), sentence: z.string(), wordBank: z.array(z.string()) }),
  z.object({ type: z.literal('sort_words'), tiles: z.array(z.string()), translation: z.string() }),
]);
export type ExerciseContent = z.infer<typeof exerciseContentSchema>;

export const exerciseViewSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  required: z.boolean(),
  prompt: z.string(),
  difficulty: z.number().int(),
  timeLimitSeconds: z.number().int().nullable(),
  /** Hints are revealed one at a time through `useHint`. */
  hintCount: z.number().int(),
  content: exerciseContentSchema,
});
export type ExerciseView = z.infer<typeof exerciseViewSchema>;

export const lessonSessionViewSchema = z.object({
  sessionId: z.number().int(),
  status: z.enum(['active', 'completed', 'abandoned']),
  /** True when an active run already existed and is continued. */
  resumed: z.boolean(),
  startedAt: z.date(),
  lesson: z.object({
    id: z.number().int(),
    key: z.string(),
    title: z.string(),
    xpReward: z.number().int(),
    courseId: z.number().int(),
  }),
  exercises: z.array(exerciseViewSchema),
  /** Exercises already answered correctly in this run. */
  answeredCorrectly: z.array(z.number().int()),
  correctCount: z.number().int(),
  mistakeCount: z.number().int(),
  hearts: heartsViewSchema,
});
export type LessonSessionView = z.infer<typeof lessonSessionViewSchema>;

export const answerResultSchema = z.object({
  correct: z.boolean(),
  typo: z.boolean(),
  /** The canonical answer: after a wrong answer, or a typo (to show the right spelling). */
  expected: z.string().optional(),
  /** Required exercises of the lesson not yet answered correctly in this run. */
  remainingRequired: z.number().int(),
  hearts: heartsViewSchema,
});
export type AnswerResult = z.infer<typeof answerResultSchema>;

export const hintResultSchema = z.object({
  /** The hint revealed (the next one not yet shown in this run), or null when none is left. */
  hint: z.string().nullable(),
  hintsUsed: z.number().int(),
  hintCount: z.number().int(),
});
export type HintResult = z.infer<typeof hintResultSchema>;

export const skipResultSchema = z.object({ remainingRequired: z.number().int() });
export type SkipResult = z.infer<typeof skipResultSchema>;

export const lessonCompletionSchema = z.object({
  sessionId: z.number().int(),
  lessonId: z.number().int(),
  /** Accuracy of the run, 0–100. */
  score: z.number().int(),
  /** The lesson's own XP. */
  xpEarned: z.number().int(),
  /** XP from achievements the completion unlocked. */
  bonusXp: z.number().int(),
  totalXp: z.number().int(),
  level: z.number().int(),
  leveledUp: z.boolean(),
  dailyGoal: z.object({
    localDate: z.string(),
    xp: z.number().int(),
    goal: z.number().int(),
    met: z.boolean(),
  }),
  streak: z.object({
    localDate: z.string(),
    current: z.number().int(),
    longest: z.number().int(),
    freezesHeld: z.number().int(),
    frozenDays: z.array(z.string()),
    dayAdded: z.boolean(),
  }),
  unlocks: z.object({ achievements: z.array(z.string()), badges: z.array(z.string()) }),
});
export type LessonCompletion = z.infer<typeof lessonCompletionSchema>;

/** Accuracy of a run: correct attempts over all attempts (a run with no attempts scores 100). */
export function scoreLessonRun(correctCount: number, mistakeCount: number): number {
  const attempts = correctCount + mistakeCount;
  return attempts === 0 ? 100 : Math.round((100 * correctCount) / attempts);
}
