import { z } from 'zod';
import { entityIdSchema } from '../../shared/universal/entity-id.ts';
import { idempotencyKeySchema } from '../../shared/universal/idempotency.ts';
import { exerciseAnswerSchema } from './check-answer.ts';

// What a client sends to play a lesson (the learner and the clock come from the request context).
// The API layer reuses these schemas as its procedure inputs.

export { entityIdSchema };

/** An hour on one exercise is already beyond any real attempt; more is a broken client. */
export const MAX_TIME_SPENT_MS = 60 * 60 * 1000;
const timeSpentMsSchema = z.number().int().min(0).max(MAX_TIME_SPENT_MS);

export const startLessonInputSchema = z.object({ lessonId: entityIdSchema });
export type StartLessonInput = z.infer<typeof startLessonInputSchema>;

export const activeLessonInputSchema = startLessonInputSchema;
export type ActiveLessonInput = z.infer<typeof activeLessonInputSchema>;

/** A run of the learner's own, in any state (the player reopens it, or shows the summary). */
export const lessonSessionInputSchema = z.object({ sessionId: entityIdSchema });
export type LessonSessionInput = z.infer<typeof lessonSessionInputSchema>;

export const answerExerciseInputSchema = z.object({
  sessionId: entityIdSchema,
  exerciseId: entityIdSchema,
  answer: exerciseAnswerSchema,
  timeSpentMs: timeSpentMsSchema,
});
export type AnswerExerciseInput = z.infer<typeof answerExerciseInputSchema>;

export const useHintInputSchema = z.object({ sessionId: entityIdSchema, exerciseId: entityIdSchema });
export type UseHintInput = z.infer<typeof useHintInputSchema>;

export const skipExerciseInputSchema = useHintInputSchema.extend({
  timeSpentMs: timeSpentMsSchema.optional(),
});
export type SkipExerciseInput = z.infer<typeof skipExerciseInputSchema>;

export const completeLessonInputSchema = z.object({
  sessionId: entityIdSchema,
  idempotencyKey: idempotencyKeySchema,
});
export type CompleteLessonInput = z.infer<typeof completeLessonInputSchema>;

export const courseMapInputSchema = z.object({ courseId: entityIdSchema });
export type CourseMapInput = z.infer<typeof courseMapInputSchema>;
